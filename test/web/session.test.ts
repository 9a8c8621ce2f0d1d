/**
 * Browser sessions, CSRF and the web foundation, through app.inject (no browser needed): cookie
 * flags, sign-in and sign-out, revocation on role change, CSRF on every form and script call, the
 * role guards, static files and their caching.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSessionCodec } from '../../src/web/session.ts';
import { createBoard } from '../domain/meetings-fixtures.ts';
import { createTestApp, TEST_PASSWORD, type TestApp, type TestUser, testConfig } from '../helpers/app.ts';
import { Jar, tokenIn, webClient } from './web-client.ts';

describe('web sessions and CSRF', () => {
  let t: TestApp;
  let clerk: TestUser;
  let officer: TestUser;
  let admin: TestUser;
  let boardId: string;

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
    admin = await t.user({ roles: ['admin'] });
    boardId = (await createBoard(t, admin)).id;
    clerk = await t.user({ roles: ['secretariat'], boards: [boardId] });
    const org = await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      as: admin,
      payload: { name: 'West Midlands Police', shortName: 'WMP' },
    });
    officer = await t.user({ roles: ['officer'], organisationId: (org.json() as { id: string }).id });
  });
  afterAll(() => t.close());

  const { get, post, signIn } = webClient(() => t.app);

  it('signs in with an HttpOnly, SameSite cookie and sends the person on', async () => {
    const { jar, res } = await signIn(clerk.email);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/staff');
    const cookie = (
      res.cookies as {
        name: string;
        httpOnly?: boolean;
        sameSite?: string;
        path?: string;
        secure?: boolean;
      }[]
    ).find((c) => c.name === 'boardroom-session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie.secure).toBeFalsy();
    const home = await get(jar, '/staff');
    expect(home.statusCode).toBe(200);
    expect(home.headers['cache-control']).toBe('no-store');
    expect(home.headers['content-security-policy']).toContain("script-src 'self'");
    expect(home.headers['content-security-policy']).not.toContain('unsafe-inline');
  });

  it('uses Secure __Host- cookies in production', () => {
    const codec = createSessionCodec({ ...testConfig(), env: 'production' });
    expect(codec).toMatchObject({ cookieName: '__Host-boardroom-session', secure: true });
  });

  it('refuses a form without its CSRF token, or with another session’s', async () => {
    const noToken = await post(new Jar(), '/login', { email: clerk.email, password: TEST_PASSWORD });
    expect(noToken.statusCode).toBe(403);
    expect(noToken.body).toContain('This form has expired');

    const a = await signIn(clerk.email);
    const b = await signIn(clerk.email);
    const tokenOfA = tokenIn((await get(a.jar, '/staff')).body);
    const res = await post(b.jar, '/logout', { _csrf: tokenOfA });
    expect(res.statusCode).toBe(403);
    // The scripts' JSON calls need the header too.
    const api = await t.app.inject({
      method: 'PUT',
      url: `/staff/api/meetings/${boardId}/attendance/${boardId}`,
      headers: { cookie: b.jar.header(), 'content-type': 'application/json' },
      payload: { status: 'present' },
    });
    expect(api.statusCode).toBe(403);
    expect(api.headers['content-type']).toContain('application/problem+json');
  });

  it('says the same for an unknown email and a wrong password', async () => {
    const jar = new Jar();
    const token = tokenIn((await get(jar, '/login')).body);
    const wrong = await post(jar, '/login', { _csrf: token, email: clerk.email, password: 'wrong password' });
    const unknown = await post(jar, '/login', { _csrf: token, email: 'nobody@example.org', password: 'x' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.body).toContain('The email or password is not correct.');
    expect(unknown.body).toContain('The email or password is not correct.');
  });

  it('never sends anyone off-site after signing in', async () => {
    for (const next of ['//evil.example', 'https://evil.example/', '/\\evil.example']) {
      const { res } = await signIn(clerk.email, next);
      expect(res.headers.location).toBe('/staff');
    }
  });

  it('ends the session on sign-out: the old cookie no longer works', async () => {
    const { jar } = await signIn(clerk.email);
    const stolen = jar.header();
    const page = await get(jar, '/staff');
    const out = await post(jar, '/logout', { _csrf: tokenIn(page.body) });
    expect(out.headers.location).toBe('/login?notice=signed-out');
    const replay = await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: stolen } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/login?next=%2Fstaff');
  });

  it('ends the session when the person’s roles change', async () => {
    const person = await t.user({ roles: ['secretariat'], boards: [boardId] });
    const { jar } = await signIn(person.email);
    expect((await get(jar, '/staff')).statusCode).toBe(200);
    const change = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${person.id}`,
      as: admin,
      payload: { roles: ['member'] },
    });
    expect(change.statusCode, change.body).toBe(200);
    expect((await get(jar, '/staff')).statusCode).toBe(303);
  });

  it('accepts only the session cookie on web pages, never a bearer token or a forged cookie', async () => {
    const bearer = await t.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { authorization: `Bearer ${clerk.token}` },
    });
    expect(bearer.statusCode).toBe(303);
    const forged = await t.app.inject({
      method: 'GET',
      url: '/staff',
      headers: { cookie: 'boardroom-session=AAAA' },
    });
    expect(forged.statusCode).toBe(303);
  });

  it('shows officers a 403 page on the secretariat’s screens, with nothing of the board', async () => {
    const { jar } = await signIn(officer.email);
    for (const url of [`/staff/boards/${boardId}`, `/staff/boards/${boardId}/actions`]) {
      const res = await get(jar, url);
      expect(res.statusCode).toBe(403);
      expect(res.body).toContain('You do not have access to this page');
      expect(res.body).not.toContain('Accountability and Governance Board');
    }
    const unknown = await get(jar, '/staff/no-such-page');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain('Page not found');
  });

  it('keeps pages and their script endpoints out of the OpenAPI document', async () => {
    const spec = (await t.app.inject('/openapi.json')).json() as { paths: Record<string, unknown> };
    const web = Object.keys(spec.paths).filter((p) => /^\/(staff|login|logout|assets)\b/.test(p));
    expect(web).toEqual([]);
  });

  it('serves static files with their type, and caches them by content hash', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/login' });
    const css = /href="(\/assets\/css\/boardroom\.css\?v&#x3D;[0-9a-f]+)"/
      .exec(page.body)![1]!
      .replace('&#x3D;', '=');
    const versioned = await t.app.inject({ method: 'GET', url: css });
    expect(versioned.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(versioned.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const plain = await t.app.inject({ method: 'GET', url: '/assets/js/draft.js' });
    expect(plain.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(plain.headers['cache-control']).toBe('public, max-age=0, must-revalidate');
    const again = await t.app.inject({
      method: 'GET',
      url: '/assets/js/draft.js',
      headers: { 'if-none-match': String(plain.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    const font = await t.app.inject({
      method: 'GET',
      url: '/assets/fonts/source-sans-3-latin-400-normal.woff2',
    });
    expect(font.headers['content-type']).toBe('font/woff2');
    for (const url of ['/assets/../package.json', '/assets/js/draft-merge.d.ts', '/assets/nope.js']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });
});
