import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp } from '../helpers/app.ts';

describe('HTTP basics', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ BODY_LIMIT_BYTES: '4096' });
  });
  afterAll(() => t.close());

  it('health: live and ready', async () => {
    expect((await t.app.inject('/health/live')).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject('/health/ready')).json()).toEqual({ status: 'ok' });
  });

  it('sends security headers and a request id', async () => {
    const res = await t.app.inject('/health/live');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers problem+json for the common failures', async () => {
    const admin = await t.user({ roles: ['admin'] });
    const member = await t.user({ roles: ['member'] });
    // 404 route and 404 object
    expectProblem(await t.app.inject('/api/v1/nope'), 404);
    expectProblem(
      await t.request({
        method: 'GET',
        url: '/api/v1/users/00000000-0000-4000-8000-000000000000',
        as: admin,
      }),
      404,
    );
    // 400 with field paths
    const bad = expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/users',
        as: admin,
        payload: { email: 'not-an-email', displayName: '', password: 'short' },
      }),
      400,
    );
    expect(bad.errors?.map((e) => e.path)).toEqual(
      expect.arrayContaining(['body.email', 'body.displayName', 'body.password']),
    );
    // 400 for a malformed id, not 500
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/users/not-a-uuid', as: admin }), 400);
    // 400 for malformed JSON
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/people',
        as: admin,
        payload: '{"name":',
        headers: { 'content-type': 'application/json' },
      }),
      400,
    );
    // 401 and 403
    expectProblem(await t.app.inject('/api/v1/users'), 401);
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/users', as: member }), 403);
    // 409 on a duplicate
    const body = { email: 'dup@example.org', displayName: 'Dup', password: 'a long enough password' };
    expect(
      (await t.request({ method: 'POST', url: '/api/v1/users', as: admin, payload: body })).statusCode,
    ).toBe(201);
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/users',
        as: admin,
        payload: { ...body, email: 'DUP@example.org' },
      }),
      409,
    );
    // 413 over the body limit
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/people',
        as: admin,
        payload: { name: 'x'.repeat(10_000) },
      }),
      413,
    );
    // 415 for another content type
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/people',
        as: admin,
        payload: '<person/>',
        headers: { 'content-type': 'application/xml' },
      }),
      415,
    );
  });

  it('publishes OpenAPI 3.1 describing every route, and a docs page', async () => {
    const spec = (await t.app.inject('/openapi.json')).json() as {
      openapi: string;
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    expect(spec.openapi).toBe('3.1.0');
    const documented = new Set(
      Object.entries(spec.paths).flatMap(([p, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`),
      ),
    );
    const routes = t.app.routeTable.map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`);
    const api = routes.filter((r) => /\/(api|public)\/v1\/|\/health\//.test(r));
    expect(api.length).toBeGreaterThan(10);
    for (const route of api) expect(documented, route).toContain(route);
    expect((await t.app.inject('/docs/')).statusCode).toBe(200);
  });
});

describe('users and people', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('admins manage users; nobody else can', async () => {
    const admin = await t.user({ roles: ['admin'] });
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: admin,
      payload: {
        email: 'Sec@Example.org',
        displayName: 'Secretariat',
        password: 'a long enough password',
        roles: ['secretariat'],
      },
    });
    expect(created.statusCode).toBe(201);
    const user = created.json() as { id: string; email: string };
    expect(user.email).toBe('sec@example.org');
    expect(created.body).not.toContain('password');
    for (const roles of [['secretariat'], ['officer'], ['member'], []] as const) {
      const org = roles[0] === 'officer' ? await orgId(admin.token) : null;
      const other = await t.user({ roles: [...roles], organisationId: org });
      expectProblem(
        await t.request({
          method: 'PATCH',
          url: `/api/v1/users/${user.id}`,
          as: other,
          payload: { roles: ['admin'] },
        }),
        403,
      );
    }
    const row = await t.database.db
      .selectFrom('users')
      .select('roles')
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row.roles).toEqual(['secretariat']);
  });

  it('an officer must belong to an organisation', async () => {
    const admin = await t.user({ roles: ['admin'] });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/users',
      as: admin,
      payload: {
        email: 'o@example.org',
        displayName: 'Officer',
        password: 'a long enough password',
        roles: ['officer'],
      },
    });
    expect(expectProblem(res, 400).errors?.[0]?.path).toBe('body.organisationId');
  });

  it('people exist without accounts, keep names exactly, and can be found by part of a name', async () => {
    const sec = await t.user({ roles: ['secretariat'] });
    const org = await orgId(sec.token);
    for (const [name, jobTitle] of [
      ["Mike O'Hara", 'Assistant Chief Constable'],
      ['Natalie Queiroz', 'Victims Advocate'],
      ['Zoë 👮 Example', 'Costs £5 million'],
    ]) {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/people',
        as: sec,
        payload: { name, jobTitle, organisationId: org },
      });
      expect(res.statusCode).toBe(201);
      expect(res.json()).toMatchObject({ name, jobTitle, organisationShortName: 'WMP' });
    }
    const member = await t.user({ roles: ['member'] });
    const found = await t.request({ method: 'GET', url: "/api/v1/people?q=o'ha", as: member });
    expect((found.json() as { items: { name: string }[] }).items.map((p) => p.name)).toEqual(["Mike O'Hara"]);
    const wildcard = await t.request({ method: 'GET', url: '/api/v1/people?q=%25', as: member });
    expect((wildcard.json() as { items: unknown[] }).items).toEqual([]);
    expectProblem(
      await t.request({ method: 'POST', url: '/api/v1/people', as: member, payload: { name: 'X' } }),
      403,
    );
    expectProblem(await t.app.inject('/api/v1/people'), 401);
  });

  let wmp: string | undefined;
  async function orgId(token: string): Promise<string> {
    if (wmp) return wmp;
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/organisations',
      as: token,
      payload: { name: 'West Midlands Police', shortName: 'WMP' },
    });
    wmp = (res.json() as { id: string }).id;
    return wmp;
  }
});

describe('when the database is gone', () => {
  it('readiness answers 503 and requests get problem+json, not a crash', async () => {
    const t = await createTestApp();
    const admin = await t.user({ roles: ['admin'] });
    await t.database.close();
    const ready = expectProblem(await t.app.inject('/health/ready'), 503);
    expect(ready.detail).toContain('database');
    expect((await t.app.inject('/health/live')).statusCode).toBe(200);
    const res = await t.request({ method: 'GET', url: '/api/v1/people', as: admin });
    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect(res.body).not.toMatch(/at .+\.(ts|js):\d+/);
    await t.app.close();
  });
});
