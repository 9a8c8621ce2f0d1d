/**
 * Finding 8 of issue 14: the public diffs between published versions recomputed an LCS (up to 4M
 * cells, on the event loop) on every anonymous request. Now a pair of frozen versions is diffed once
 * (the cache's own counters are the evidence, no timing), concurrent requests for a new pair share
 * one computation, and the public diff routes are rate-limited like search (429 with Retry-After).
 * Not tested: /health/live latency under load — any bound on it would depend on the shared
 * machine's load; one computation per pair is what keeps the event loop free.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicCostlyRateLimit } from '../../src/http/rate-limits.ts';
import { diffCacheStats } from '../../src/modules/publication/diff-cache.ts';
import { buildAgbMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { ok, post } from './fixtures.ts';

const paragraphs = (word: string) =>
  Array.from({ length: 300 }, (_, i) => `Paragraph ${i} says ${i % 7 === 0 ? word : 'nothing new'}.`).join(
    '\n\n',
  );

describe('public diffs of frozen versions: computed once, rate-limited', () => {
  let t: TestApp;
  let secretariat: TestUser;
  let decisionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const admin = await t.user({ roles: ['admin'] });
    const built = await buildAgbMeeting(t, admin);
    secretariat = await t.user({ roles: ['secretariat'], boards: [built.board.id] });
    const draft = await ok<{ id: string }>(
      await post(t, secretariat, '/api/v1/decisions', {
        boardId: built.board.id,
        title: 'Approval of the Estates Strategy',
        decisionDate: '2026-03-24',
        decisionMaker: 'Police and Crime Commissioner',
        summary: paragraphs('alpha'),
      }),
      201,
    );
    decisionId = draft.id;
    await ok(await post(t, secretariat, `/api/v1/decisions/${decisionId}/publish`));
    for (const [reason, word] of [
      ['Second wording', 'beta'],
      ['Third wording', 'gamma'],
    ]) {
      await ok(
        await post(t, secretariat, `/api/v1/decisions/${decisionId}/corrections`, {
          reason,
          summary: paragraphs(word!),
        }),
      );
    }
  }, 120_000);
  afterAll(() => t.close());

  const diffUrl = (from: number, to: number) =>
    `/public/v1/decisions/${decisionId}/diff?from=${from}&to=${to}`;

  it('the second request for a pair does not recompute it; the website page shares the result', async () => {
    const before = { ...diffCacheStats };
    const first = await ok<{ text: string }>(await t.request({ method: 'GET', url: diffUrl(1, 2) }));
    expect(first.text).toMatch(/^- Paragraph 0 says alpha\.$/m);
    expect(first.text).toMatch(/^\+ Paragraph 0 says beta\.$/m);
    expect(diffCacheStats.computed).toBe(before.computed + 1);

    const second = await t.request({ method: 'GET', url: diffUrl(1, 2) });
    expect(second.json()).toEqual(first);
    const page = await t.request({ method: 'GET', url: `/decisions/${decisionId}/changes?from=1&to=2` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Paragraph 0 says beta.');
    const staff = await t.request({
      method: 'GET',
      url: `/api/v1/decisions/${decisionId}/diff?from=1&to=2`,
      as: secretariat,
    });
    expect(staff.json()).toEqual(first);
    expect(diffCacheStats.computed).toBe(before.computed + 1);
    expect(diffCacheStats.hits).toBe(before.hits + 3);

    // Another pair is another diff; the reverse direction is another pair.
    const reverse = await ok<{ text: string }>(await t.request({ method: 'GET', url: diffUrl(2, 1) }));
    expect(reverse.text).toMatch(/^\+ Paragraph 0 says alpha\.$/m);
    expect(diffCacheStats.computed).toBe(before.computed + 2);
  });

  it('concurrent requests for a pair not yet diffed share one computation; liveness answers meanwhile', async () => {
    const before = { ...diffCacheStats };
    const answers = await Promise.all([
      ...Array.from({ length: 20 }, () => t.request({ method: 'GET', url: diffUrl(1, 3) })),
      t.request({ method: 'GET', url: '/health/live' }),
    ]);
    expect(answers.map((r) => r.statusCode)).toEqual(answers.map(() => 200));
    expect(new Set(answers.slice(0, 20).map((r) => r.body)).size).toBe(1);
    expect(diffCacheStats.computed).toBe(before.computed + 1);
    expect(diffCacheStats.hits).toBe(before.hits + 19);
  });

  it.each([
    ['the open-data decision diff', () => diffUrl(2, 3)],
    [
      'the open-data notes diff',
      () => '/public/v1/meetings/00000000-0000-4000-8000-000000000000/notes/diff?from=1&to=2',
    ],
    ['the website’s decision changes page', () => `/decisions/${decisionId}/changes?from=2&to=3`],
    [
      'the website’s notes changes page',
      () => '/meetings/00000000-0000-4000-8000-000000000000/notes/changes?from=1&to=2',
    ],
  ])(
    '%s: rapid anonymous requests past the limit get 429 with Retry-After',
    async (_name, url) => {
      const statuses: number[] = [];
      let limited: Awaited<ReturnType<TestApp['request']>> | undefined;
      for (let i = 0; i <= publicCostlyRateLimit.max; i++) {
        const res = await t.request({ method: 'GET', url: url() });
        statuses.push(res.statusCode);
        if (res.statusCode === 429) limited = res;
      }
      expect(statuses.at(-1)).toBe(429);
      expect(statuses.filter((s) => s !== 429 && s !== 200 && s !== 404)).toEqual([]);
      expect(Number(limited!.headers['retry-after'])).toBeGreaterThan(0);
    },
    60_000,
  );
});
