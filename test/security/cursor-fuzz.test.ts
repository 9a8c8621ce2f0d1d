/**
 * Finding 9 of issue 14: a crafted pagination cursor (`-1e20` where a date goes) was a 500. Every
 * keyset-paged endpoint (API and the staff action log page) gets generated cursors — arbitrary JSON,
 * values of the right kind on and past their edges, and random bytes — and must answer 2xx or 4xx,
 * never 5xx; a cursor the API made itself still pages. Runs on both databases (TEST_DB=embedded).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseClientError } from '../../src/http/error-handler.ts';
import { encodeCursor } from '../../src/http/pagination.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { createReferenceBoard, type ReferenceBoard } from '../helpers/domain-fixtures.ts';
import { webClient } from '../web/web-client.ts';

const api = '/api/v1';

/** Values a sort key could plausibly hold, plus their neighbours past every edge. */
const edgeValue = fc.oneof(
  fc.constantFrom(1e308, -1e20, -1e308, 2 ** 31, -(2 ** 31) - 1, 1e10, 0.5, -0, Number.MAX_SAFE_INTEGER),
  fc.double(),
  fc.integer(),
  fc.constantFrom(
    '9999-12-31',
    '10000-01-01',
    '0000-01-01',
    '0001-01-01',
    '2026-02-29',
    '2024-02-29',
    '2026-13-01',
    '-100000000000000000000',
    '1e308',
    'infinity',
    '-infinity',
    'epoch',
    'now',
    'allballs',
    '2026-03-24 10:00:00+00',
    '2026-03-24 10:00:00.1234567+00',
    '2026-03-24 24:00:00+00',
    '2026-03-24 10:00:00+99',
    '2026-03-24T10:00:00Z',
    '294277-01-01 00:00:00+00',
    '2026-03-24 10:00:00 BC',
    '00000000-0000-4000-8000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    '00000000-0000-0000-0000-00000000000g',
    'AGB/2026-03/',
    '999999999',
    '9999999999',
    '-1',
    'a\u0000b',
    '\ud800',
    'x'.repeat(300),
  ),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.uuid(),
  fc.string({ maxLength: 40 }),
  fc.constant(null),
);

const cursorArb = fc.oneof(
  fc.array(edgeValue, { maxLength: 5 }).map((values) => encodeCursor(values)),
  fc.jsonValue().map((v) => Buffer.from(JSON.stringify(v)).toString('base64url')),
  fc.uint8Array({ maxLength: 60 }).map((b) => Buffer.from(b).toString('base64url')),
  fc.string({ maxLength: 80 }).map((s) => encodeURIComponent(s)),
);

describe('generated pagination cursors never cause a 5xx', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let admin: TestUser;
  let secretariat: TestUser;
  let secretariatEmail: string;
  const web = webClient(() => t.app);

  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    admin = await t.user({ roles: ['admin'] });
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
    secretariatEmail = secretariat.email;
    for (const [i, due] of ['2026-05-01', '2026-06-01', ''].entries()) {
      await t.request({
        method: 'POST',
        url: `${api}/meetings/${ref.march.id}/actions`,
        as: secretariat,
        payload: { text: `Action ${i}.`, ownerOrganisationId: ref.wmp.id, ...(due ? { dueDate: due } : {}) },
      });
    }
  });
  afterAll(() => t.close());

  const sorts = ['dueDate', '-dueDate', 'reference', '-reference', 'createdAt', '-createdAt'];
  const endpoints = [
    ...sorts.map((sort) => `${api}/actions?sort=${sort}&limit=1`),
    `${api}/meetings?limit=1`,
    `${api}/audit?limit=1`,
  ];

  it.each(endpoints)(
    '%s: a cursor it made pages on, a crafted one is a 4xx problem',
    async (url) => {
      const first = await t.request({ url, as: admin });
      expect(first.statusCode, first.body).toBe(200);
      const next = first.json().nextCursor as string;
      expect(next).toBeTruthy();
      // Walking every page one row at a time gives the rows, in order, of one big page.
      const all = (await t.request({ url: url.replace('limit=1', 'limit=200'), as: admin })).json().items;
      const walked: { id: string }[] = [...first.json().items];
      for (let cursor: string | null = next; cursor; ) {
        const page = await t.request({ url: `${url}&cursor=${cursor}`, as: admin });
        expect(page.statusCode, page.body).toBe(200);
        walked.push(...page.json().items);
        cursor = page.json().nextCursor;
      }
      expect(walked.map((r) => r.id)).toEqual(all.map((r: { id: string }) => r.id));

      for (const bad of [
        [-1e20, '2026-01-01', ref.board.id],
        [1e308, 1e308, 1e308],
        ['-1e20', ref.board.id],
      ]) {
        const res = await t.request({ url: `${url}&cursor=${encodeCursor(bad)}`, as: admin });
        expect(res.statusCode, `${JSON.stringify(bad)} → ${res.body}`).toBe(400);
        expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
      }

      await fc.assert(
        fc.asyncProperty(cursorArb, async (cursor) => {
          const res = await t.request({ url: `${url}&cursor=${cursor}`, as: admin });
          expect(res.statusCode, `${cursor} → ${res.body.slice(0, 200)}`).toBeLessThan(500);
          if (res.statusCode >= 400) {
            expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
          }
        }),
        { numRuns: 150 },
      );
    },
    120_000,
  );

  it('the staff action log page: a crafted cursor is an error page, not a 500', async () => {
    const { jar } = await web.signIn(secretariatEmail);
    for (const sort of ['dueDate', '-dueDate', 'reference', '-createdAt']) {
      const url = `/staff/boards/${ref.board.id}/actions?sort=${sort}`;
      const crafted = await web.get(
        jar,
        `${url}&cursor=${encodeCursor([-1e20, '2026-01-01', ref.board.id])}`,
      );
      expect(crafted.statusCode, crafted.body.slice(0, 300)).toBe(400);
      await fc.assert(
        fc.asyncProperty(cursorArb, async (cursor) => {
          const res = await web.get(jar, `${url}&cursor=${cursor}`);
          expect(res.statusCode, cursor).toBeLessThan(500);
        }),
        { numRuns: 40 },
      );
    }
  }, 120_000);

  it('every SQLSTATE of class 22 (data exception) maps to 400, in the one mapping API and pages share', () => {
    for (const code of ['22P02', '22003', '22007', '22008', '22001', '22009', '22012', '2201B', '22023']) {
      expect(databaseClientError({ code })?.[0], code).toBe(400);
    }
    expect(databaseClientError({ code: '42P01' })).toBeUndefined();
    expect(databaseClientError({ code: 'ECONNREFUSED' })).toBeUndefined();
  });
});
