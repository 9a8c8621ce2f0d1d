import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextAddress, World } from './matrix-world.ts';
import { type Browser, browserFor } from './staff-browser.ts';
import { staffRequests } from './staff-matrix-requests.ts';

/**
 * Every staff route that takes a body (one object each, from the staff matrix), sent bodies no page
 * of ours would send: invalid or odd JSON, a broken or oversized urlencoded form, each field twice,
 * plain text, multipart without a boundary, a charset JSON cannot have. Signed in as the board's
 * secretariat (with the session's CSRF token, so the route itself answers) and signed out: never a
 * 5xx. Found: moving a question with no item id in the form was a 500 (the database refused the
 * empty uuid); it is 404 now, and a value the database refuses is a 400 page anywhere on the site.
 */
describe('staff forms sent bodies no page sends', () => {
  let w: World;
  let secretariat: Browser;
  let anonymous: Browser;
  beforeAll(async () => {
    w = await World.create();
    secretariat = await browserFor(w, 'secretariat');
    anonymous = await browserFor(w, 'anonymous');
  }, 60_000);
  afterAll(() => w?.close());

  it('answers each of them without a 5xx, signed in or not', async () => {
    const failures: string[] = [];
    let sent = 0;
    for (const [route, kinds] of Object.entries(staffRequests)) {
      const make = Object.values(kinds)[0];
      if (!make) continue;
      const req = await make(w);
      if (req.method === 'GET') continue;
      const form = Object.entries(req.form ?? {}).map(([k, v]): [string, string] => [k, String(v)]);
      const variants: [string, string][] = [
        ['application/json', '{"unfinished'],
        [
          'application/json',
          JSON.stringify({ ...(req.form ?? {}), ...(req.json as object), _csrf: ['a', 'b'] }),
        ],
        ['application/json', '[1,2]'],
        ['application/json', 'null'],
        ['application/json; charset=utf-16', '{}'],
        ['application/x-www-form-urlencoded', '%%%&&&==\u0000%ZZ'],
        [
          'application/x-www-form-urlencoded',
          new URLSearchParams([...form, ...form]).toString() || 'a=1&a=2',
        ],
        ['application/x-www-form-urlencoded', Array.from({ length: 3000 }, (_, i) => `f${i}=1`).join('&')],
        ['text/plain', 'hello'],
        ['multipart/form-data', 'x'],
      ];
      for (const [who, browser] of [
        ['secretariat', secretariat],
        ['anonymous', anonymous],
      ] as const) {
        for (const [type, payload] of variants) {
          sent += 1;
          const res = await w.t.app.inject({
            method: req.method,
            url: req.url,
            headers: { cookie: browser.jar.header(), 'content-type': type, 'x-csrf-token': browser.csrf },
            payload,
            remoteAddress: nextAddress(),
          });
          if (res.statusCode >= 500)
            failures.push(`${route} as ${who}, ${type} ${payload.slice(0, 40)} → ${res.statusCode}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(sent).toBeGreaterThan(500);
  }, 300_000);
});
