import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.ts';

/**
 * Anonymous callers reach nothing of the staff API: every documented /api/v1 route except signing
 * in answers 401 problem+json, whatever the id. (Published content is served by /public/v1 and the
 * public site, which the publication canary test covers.)
 */
describe('anonymous access to the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const open = new Set(['POST /api/v1/auth/login', 'POST /api/v1/auth/refresh', 'POST /api/v1/auth/logout']);

  it('is refused on every documented /api/v1 route', async () => {
    const spec = (await t.app.inject('/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    const checked: string[] = [];
    let unauthorised = 0;
    for (const [path, ops] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/v1/')) continue;
      for (const method of Object.keys(ops)) {
        const route = `${method.toUpperCase()} ${path}`;
        if (open.has(route)) continue;
        const id = '00000000-0000-4000-8000-000000000000';
        const url =
          path.replace(/\{(version|n)\}/g, '1').replace(/\{[^}]+\}/g, id) +
          (path.endsWith('/search') ? '?q=x' : '');
        const res = await t.app.inject({
          method: method.toUpperCase() as 'GET',
          url,
          ...(method === 'get' || method === 'delete' ? {} : { payload: {} }),
        });
        // Never 2xx; a header or body check may answer before authentication (400, 415, 428).
        expect([400, 401, 415, 428], `${route} → ${res.statusCode} ${res.body.slice(0, 120)}`).toContain(
          res.statusCode,
        );
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
        checked.push(route);
        if (res.statusCode === 401) unauthorised++;
      }
    }
    expect(checked.length).toBeGreaterThan(60);
    expect(unauthorised).toBeGreaterThan(30);
  });
});
