/**
 * Finding 10 of issue 14: every distinct action-log filter rendered and stored a new PDF forever.
 * Now only the unfiltered log (and notes, agendas) is stored; a filtered log is served from a bounded
 * in-memory cache. Many distinct filters leave the stored rows as they were, each answer is still the
 * right PDF, and asking again for the same filtered log is answered from the cache (same bytes, 304).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/time/london.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from './fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp, missing, pdfText } from './harness.ts';

describe('filtered action logs are not stored', () => {
  let t: DocumentsTestApp;
  let ref: ReferenceMeeting;
  let officer: string;
  beforeAll(async () => {
    t = await createDocumentsTestApp();
    ref = await insertReferenceMeeting(t.database.db, todayInLondon());
    officer = await t.user({ roles: ['officer'], organisationId: ref.wmpId });
  }, 60_000);
  afterAll(() => t?.close());

  const storedLogs = async () =>
    Number(
      (
        await sql<{
          n: string | number;
        }>`select count(*) as n from rendered_documents where kind = 'action-log'`.execute(t.database.db)
      ).rows[0]!.n,
    );
  const get = (query: string, headers: Record<string, string> = {}) =>
    t.request({
      method: 'GET',
      url: `/api/v1/boards/${ref.boardId}/action-log.pdf${query}`,
      as: officer,
      headers,
    });

  it('stores the unfiltered log once; twenty distinct filters add no row and each is the right PDF', async () => {
    const all = await get('');
    expect(all.statusCode, all.body.slice(0, 300)).toBe(200);
    expect(await storedLogs()).toBe(1);

    const answers = [];
    for (let day = 1; day <= 20; day++) {
      const from = `2026-01-${String(day).padStart(2, '0')}`;
      const res = await get(`?status=outstanding&from=${from}&to=2026-03-31`);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      answers.push(res);
    }
    expect(await storedLogs()).toBe(1);
    expect(new Set(answers.map((r) => r.headers.etag)).size).toBe(20);
    expect(
      missing(await pdfText(answers[4]!.rawPayload), [
        'Outstanding actions raised at meetings from Monday 5 January 2026 to Tuesday 31 March 2026',
      ]),
    ).toEqual([]);

    // The same filtered log again: the cached bytes, and a 304 for the ETag the client has.
    const again = await get('?status=outstanding&from=2026-01-05&to=2026-03-31');
    expect(again.rawPayload.equals(answers[4]!.rawPayload)).toBe(true);
    const notModified = await get('?status=outstanding&from=2026-01-05&to=2026-03-31', {
      'if-none-match': String(answers[4]!.headers.etag),
    });
    expect(notModified.statusCode).toBe(304);
    expect(await storedLogs()).toBe(1);
  }, 120_000);
});
