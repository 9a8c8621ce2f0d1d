/**
 * Browser sessions end when unused for SESSION_IDLE_MINUTES and SESSION_MAX_HOURS after signing in,
 * through app.inject. Time is moved by sealing the cookie as it would be after the wait (the test
 * knows the key), so nothing sleeps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { createSessionCodec, type SessionCodec } from '../../src/web/session.ts';
import { createBoard } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser, testConfig } from '../helpers/app.ts';
import { type Jar, tokenIn, webClient } from './web-client.ts';

const MINUTE = 60;

describe('idle and absolute session limits', () => {
  let t: TestApp;
  let clerk: TestUser;
  let codec: SessionCodec;
  const { get, post, signIn } = webClient(() => t.app);

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100', SESSION_IDLE_MINUTES: '20' });
    codec = createSessionCodec(t.config);
    const admin = await t.user({ roles: ['admin'] });
    const board = await createBoard(t, admin);
    clerk = await t.user({ roles: ['secretariat'], boards: [board.id] });
  });
  afterAll(() => t.close());

  const session = (jar: Jar) => codec.unseal(jar.cookies.get(codec.cookieName))!;
  /** The cookie as it would be had the person last done something `idle` seconds ago, having signed in `age` seconds ago. */
  const wind = (jar: Jar, { idle, age = idle }: { idle: number; age?: number }) => {
    const now = Math.floor(Date.now() / 1000);
    jar.cookies.set(
      codec.cookieName,
      codec.seal({ ...session(jar), issuedAt: now - age, lastActiveAt: now - idle }),
    );
  };

  it('reads SESSION_IDLE_MINUTES (default 30) and SESSION_MAX_HOURS (default 12), refusing nonsense', () => {
    expect(testConfig().session).toEqual({ idleMinutes: 30, maxHours: 12 });
    expect(t.config.session.idleMinutes).toBe(20);
    for (const bad of [{ SESSION_IDLE_MINUTES: '0' }, { SESSION_MAX_HOURS: 'soon' }]) {
      expect(() => loadConfig({ NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(40), ...bad })).toThrow(ConfigError);
    }
  });

  it('keeps a session used within the idle time, and counts the use', async () => {
    const { jar } = await signIn(clerk.email);
    wind(jar, { idle: 19 * MINUTE });
    const res = await get(jar, '/staff');
    expect(res.statusCode).toBe(200);
    expect(Math.floor(Date.now() / 1000) - session(jar).lastActiveAt).toBeLessThan(5);
  });

  it('does not count the scripts’ background calls as use', async () => {
    const { jar } = await signIn(clerk.email);
    wind(jar, { idle: 10 * MINUTE });
    const before = session(jar).lastActiveAt;
    const background = await t.app.inject({
      method: 'GET',
      url: '/staff/api/csrf',
      headers: { cookie: jar.header(), 'x-boardroom-background': '1' },
    });
    expect(background.statusCode).toBe(200);
    jar.take(background);
    expect(session(jar).lastActiveAt).toBe(before);
  });

  it('ends a session unused for the idle time: sign-in page with the reason, family revoked', async () => {
    const { jar } = await signIn(clerk.email);
    const fresh = jar.header();
    wind(jar, { idle: 20 * MINUTE + 1 });
    const res = await get(jar, '/staff/boards');
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fstaff%2Fboards&notice=idle');
    expect(jar.cookies.has(codec.cookieName)).toBe(false);
    const login = await get(jar, String(res.headers.location));
    expect(login.body).toContain('You were signed out because Boardroom was not used for 20 minutes.');
    // Ended for good: the cookie as it was a moment before no longer works either.
    const replay = await t.app.inject({ method: 'GET', url: '/staff', headers: { cookie: fresh } });
    expect(replay.statusCode).toBe(303);
    expect(replay.headers.location).toBe('/login?next=%2Fstaff');
  });

  it('sends a form posted after the idle time to sign in, not to “this form has expired”', async () => {
    const { jar } = await signIn(clerk.email);
    const page = await get(jar, '/staff');
    wind(jar, { idle: 25 * MINUTE });
    const res = await post(jar, '/logout', { _csrf: tokenIn(page.body) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/login?next=%2Fstaff&notice=idle');
  });

  it('answers the scripts 401 with the reason in a header', async () => {
    const { jar } = await signIn(clerk.email);
    wind(jar, { idle: 21 * MINUTE });
    const res = await t.app.inject({
      method: 'GET',
      url: '/staff/api/csrf',
      headers: { cookie: jar.header(), 'x-boardroom-background': '1' },
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.headers['x-session-ended']).toBe('idle');
  });

  it('ends a session SESSION_MAX_HOURS after signing in, however busy', async () => {
    const { jar } = await signIn(clerk.email);
    wind(jar, { idle: 10, age: 12 * 60 * MINUTE });
    const res = await get(jar, '/staff');
    expect(res.headers.location).toBe('/login?next=%2Fstaff&notice=expired');
    const login = await get(jar, String(res.headers.location));
    expect(login.body).toContain('You were signed out because you signed in more than 12 hours ago.');
  });

  it('lets the cookie expire in the browser when the absolute lifetime is over', async () => {
    const { res } = await signIn(clerk.email);
    const cookie = (res.cookies as { name: string; maxAge?: number }[]).find(
      (c) => c.name === codec.cookieName,
    )!;
    expect(cookie.maxAge).toBeGreaterThan(12 * 60 * MINUTE - 10);
    expect(cookie.maxAge).toBeLessThanOrEqual(12 * 60 * MINUTE);
  });
});
