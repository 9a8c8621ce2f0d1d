import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';

/**
 * Every documented route, given malformed input by an admin and by nobody, answers a 4xx
 * problem — never a 5xx. New routes are covered as soon as they appear in the OpenAPI document.
 */
describe('no route answers 5xx to bad input', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
  });
  afterAll(() => t.close());

  const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) });
  const bodies: unknown[] = [
    {},
    [],
    'a string',
    42,
    null,
    { unknown: 1, __proto__: { admin: true }, constructor: { prototype: { x: 1 } } },
    { name: 'x'.repeat(100_000) },
    { id: 'not-a-uuid', date: '2026-02-30', startTime: '25:61', status: 'nonsense', limit: -1 },
    deep(200),
  ];
  const ids = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', '%27%20or%201%3D1--', 'x'.repeat(300)];
  const queries = [
    '',
    '?limit=abc&cursor=%%%',
    `?limit=100000&from=yesterday&status=bogus&q=${'a'.repeat(5000)}`,
  ];

  it('across the whole OpenAPI document', async () => {
    const spec = (await t.app.inject('/openapi.json')).json() as {
      paths: Record<string, Record<string, unknown>>;
    };
    let requests = 0;
    const failures: string[] = [];
    for (const [path, ops] of Object.entries(spec.paths)) {
      for (const method of Object.keys(ops)) {
        for (const id of ids) {
          const url = path.replace(/\{[^}]+\}/g, id);
          for (const query of queries) {
            for (const body of method === 'get' || method === 'delete' ? [undefined] : bodies) {
              for (const as of [admin.token, undefined]) {
                const res = await t.request({
                  method: method.toUpperCase() as 'GET',
                  url: url + query,
                  as,
                  ...(body === undefined
                    ? {}
                    : { payload: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
                });
                requests++;
                if (res.statusCode >= 500)
                  failures.push(
                    `${method.toUpperCase()} ${url}${query.slice(0, 40)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
                  );
                else if (res.statusCode >= 400) {
                  expect(String(res.headers['content-type']), `${method} ${url}`).toMatch(
                    /^application\/problem\+json/,
                  );
                }
              }
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(100);
  }, 300_000);
});
