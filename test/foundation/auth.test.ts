import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  expectProblem,
  TEST_JWT_SECRET,
  TEST_PASSWORD,
  type TestApp,
} from '../helpers/app.ts';
import { decodePayload, forgeHs, forgeNone, forgeRs } from '../helpers/jwt.ts';

describe('authentication', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '5' });
  });
  afterAll(() => t.close());

  const me = (token: string) => t.request({ method: 'GET', url: '/api/v1/auth/me', as: token });
  const login = (email: string, password: string, ip = '10.0.0.1') =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
      remoteAddress: ip,
    });

  it('signs in and reports who you are', async () => {
    const user = await t.user({ roles: ['member'] });
    const res = await me(user.token);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: user.id, email: user.email, roles: ['member'] });
    const claims = decodePayload(user.token);
    expect(claims).toMatchObject({ sub: user.id, iss: 'boardroom', aud: 'boardroom-api' });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(900);
  });

  it('gives one answer for an unknown email and a wrong password', async () => {
    const user = await t.user();
    const unknown = expectProblem(await login('nobody@example.org', TEST_PASSWORD, '10.0.1.1'), 401);
    const wrong = expectProblem(await login(user.email, 'wrong password!', '10.0.1.2'), 401);
    expect(unknown.detail).toBe(wrong.detail);
    expect(unknown.title).toBe(wrong.title);
  });

  it('accepts the email in any case', async () => {
    const user = await t.user();
    expect((await login(user.email.toUpperCase(), TEST_PASSWORD, '10.0.2.1')).statusCode).toBe(200);
  });

  it('rate-limits login per client address, with Retry-After, and X-Forwarded-For does not dodge it', async () => {
    const ip = '10.9.9.9';
    for (let i = 0; i < 5; i++) expect((await login('x@example.org', 'nope', ip)).statusCode).toBe(401);
    const limited = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'x@example.org', password: 'nope' },
      remoteAddress: ip,
      headers: { 'x-forwarded-for': '1.2.3.4' },
    });
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await login('x@example.org', 'nope', '10.9.9.10')).statusCode).toBe(401);
  });

  describe('refuses forged and stale access tokens', () => {
    let valid: Record<string, unknown>;
    beforeAll(async () => {
      const user = await t.user({ roles: ['admin'] });
      valid = decodePayload(user.token);
    });
    const now = () => Math.floor(Date.now() / 1000);

    it.each([
      ['alg none', () => forgeNone(valid)],
      ['RS256 (algorithm confusion)', () => forgeRs(valid).token],
      ['HS512 with the right secret (algorithm not pinned)', () => forgeHs(TEST_JWT_SECRET, valid, 'HS512')],
      ['wrong secret', () => forgeHs('another-secret-another-secret-another', valid)],
      ['wrong issuer', () => forgeHs(TEST_JWT_SECRET, { ...valid, iss: 'evil' })],
      ['wrong audience', () => forgeHs(TEST_JWT_SECRET, { ...valid, aud: 'other-api' })],
      ['expired', () => forgeHs(TEST_JWT_SECRET, { ...valid, iat: now() - 4000, exp: now() - 100 })],
      ['not yet valid', () => forgeHs(TEST_JWT_SECRET, { ...valid, nbf: now() + 3600 })],
      [
        'too old (iat beyond max age)',
        () => forgeHs(TEST_JWT_SECRET, { ...valid, iat: now() - 7200, exp: now() + 600 }),
      ],
      ['no expiry', () => forgeHs(TEST_JWT_SECRET, { ...valid, exp: undefined })],
      ['stale token version', () => forgeHs(TEST_JWT_SECRET, { ...valid, tv: 999 })],
      [
        'unknown session',
        () => forgeHs(TEST_JWT_SECRET, { ...valid, sid: '00000000-0000-4000-8000-000000000000' }),
      ],
      [
        'tampered payload',
        () => {
          const [h, , s] = forgeHs(TEST_JWT_SECRET, valid).split('.');
          const payload = Buffer.from(
            JSON.stringify({ ...valid, sub: '00000000-0000-4000-8000-000000000001' }),
          ).toString('base64url');
          return `${h}.${payload}.${s}`;
        },
      ],
      ['garbage', () => 'not.a.jwt'],
    ])('%s', async (_name, make) => {
      expectProblem(await me(make()), 401);
    });

    it('a valid token still works (the cases above are not all failing for one reason)', async () => {
      expect((await me(forgeHs(TEST_JWT_SECRET, valid))).statusCode).toBe(200);
    });

    it('a malformed Authorization header is 401, not anonymous', async () => {
      expectProblem(
        await t.app.inject({
          method: 'GET',
          url: '/api/v1/auth/me',
          headers: { authorization: 'Basic abc' },
        }),
        401,
      );
    });
  });

  describe('refresh tokens', () => {
    const refresh = (refreshToken: string) =>
      t.app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });

    it('rotate: the new pair works and the old refresh token does not', async () => {
      const user = await t.user();
      const first = await refresh(user.refreshToken);
      expect(first.statusCode).toBe(200);
      const pair = first.json() as { accessToken: string; refreshToken: string };
      expect(pair.refreshToken).not.toBe(user.refreshToken);
      expect((await me(pair.accessToken)).statusCode).toBe(200);
      // Reuse of the old token is taken as theft: the whole family, including the new pair, is revoked.
      expectProblem(await refresh(user.refreshToken), 401);
      expectProblem(await refresh(pair.refreshToken), 401);
      expectProblem(await me(pair.accessToken), 401);
    });

    it('are stored hashed', async () => {
      const user = await t.user();
      const rows = await t.database.db.selectFrom('refresh_tokens').select('token_hash').execute();
      expect(rows.some((r) => r.token_hash === user.refreshToken)).toBe(false);
      expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    });

    it('logout revokes the refresh token and the session’s access tokens', async () => {
      const user = await t.user();
      const other = await login(user.email, TEST_PASSWORD, '10.0.3.1');
      const otherSession = other.json() as { accessToken: string };
      const out = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/logout',
        payload: { refreshToken: user.refreshToken },
      });
      expect(out.statusCode).toBe(204);
      expectProblem(await refresh(user.refreshToken), 401);
      expectProblem(await me(user.token), 401);
      // Another device's session is untouched.
      expect((await me(otherSession.accessToken)).statusCode).toBe(200);
    });

    it('an unknown refresh token is 401', async () => {
      expectProblem(await refresh('x'.repeat(43)), 401);
    });
  });

  it('a role change ends the user’s tokens', async () => {
    const admin = await t.user({ roles: ['admin'] });
    const user = await t.user({ roles: ['secretariat'] });
    const patched = await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: admin,
      payload: { roles: ['member'] },
    });
    expect(patched.statusCode).toBe(200);
    expectProblem(await me(user.token), 401);
    expectProblem(
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/refresh',
        payload: { refreshToken: user.refreshToken },
      }),
      401,
    );
  });

  it('a deactivated user cannot sign in, with the same answer as a wrong password', async () => {
    const admin = await t.user({ roles: ['admin'] });
    const user = await t.user();
    await t.request({
      method: 'PATCH',
      url: `/api/v1/users/${user.id}`,
      as: admin,
      payload: { active: false },
    });
    const res = expectProblem(await login(user.email, TEST_PASSWORD, '10.0.4.1'), 401);
    expect(res.detail).toBe('The email or password is not correct.');
  });

  it('writes sign-ins to the audit log', async () => {
    const user = await t.user();
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', user.id)
      .execute();
    expect(rows.map((r) => r.action)).toContain('auth.login');
  });
});
