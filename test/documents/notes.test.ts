import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayInLondon } from '../../src/time/london.ts';
import { expectProblem } from '../helpers/app.ts';
import { MEMBER_QUESTIONS } from '../render/reference-meeting-text.ts';
import {
  ALL_CANARIES,
  ASKED_BY_DEPUTY_PCC,
  insertReferenceMeeting,
  PRINTED_ATTENDEES,
  type ReferenceMeeting,
  RICHARD_NORTH,
} from './fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp, missing, pdfText } from './harness.ts';

describe('notes of the meeting over HTTP', () => {
  let t: DocumentsTestApp;
  let ref: ReferenceMeeting;
  let member: string;
  beforeAll(async () => {
    t = await createDocumentsTestApp();
    ref = await insertReferenceMeeting(t.database.db, todayInLondon());
    member = await t.user({ roles: ['member'] });
  });
  afterAll(() => t?.close());

  const notesUrl = () => `/api/v1/meetings/${ref.meetingId}/notes.pdf`;

  it('prints the reference meeting, public items only', async () => {
    const res = await t.request({ method: 'GET', url: notesUrl(), as: member });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="AGB-notes-2026-03-24.pdf"');
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    const text = await pdfText(res.rawPayload);
    const bullets = MEMBER_QUESTIONS.flatMap((q) => q.answerBullets.slice(0, 2));
    expect(
      missing(text, [
        'Accountability and Governance Board',
        'Notes of the Meeting',
        'Tuesday 24 March 2026',
        ...PRINTED_ATTENDEES,
        ...MEMBER_QUESTIONS.map((q) => `Question ${q.number}: ${q.text}`),
        `(Asked by ${ASKED_BY_DEPUTY_PCC})`,
        ...bullets,
        `Presented by: ${RICHARD_NORTH}`,
        ...[1, 2, 3, 4].map((n) => `AGB/2026-03/${n}`),
        ...ref.actionTexts,
        'Next meeting: Tuesday 28 April 2026',
        'a member of the public',
      ]),
    ).toEqual([]);
    for (const canary of ALL_CANARIES) expect(text).not.toContain(canary);
    expect(text).not.toContain('DRAFT');
  });

  it('serves the same input from storage, never rendering it twice, and answers 304 to its ETag', async () => {
    const first = await t.request({ method: 'GET', url: notesUrl(), as: member });
    const rendersBefore = t.documents.pool.stats().renders;
    const again = await t.request({ method: 'GET', url: notesUrl(), as: member });
    expect(again.statusCode).toBe(200);
    expect(t.documents.pool.stats().renders).toBe(rendersBefore);
    expect(again.headers.etag).toBe(first.headers.etag);
    expect(Buffer.compare(again.rawPayload, first.rawPayload)).toBe(0);

    const notModified = await t.request({
      method: 'GET',
      url: notesUrl(),
      as: member,
      headers: { 'if-none-match': String(first.headers.etag) },
    });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.rawPayload.byteLength).toBe(0);
    expect(notModified.headers.etag).toBe(first.headers.etag);
    expect(t.documents.pool.stats().renders).toBe(rendersBefore);

    // A change to the data is a new input: rendered once more.
    await t.database.db
      .updateTable('meetings')
      .set({ summary: 'A changed summary.' })
      .where('id', '=', ref.meetingId)
      .execute();
    const changed = await t.request({ method: 'GET', url: notesUrl(), as: member });
    expect(changed.headers.etag).not.toBe(first.headers.etag);
    expect(t.documents.pool.stats().renders).toBe(rendersBefore + 1);
    const stored = await t.database.db
      .selectFrom('rendered_documents')
      .select(['kind', 'subject_id', 'filename', 'size_bytes'])
      .where('subject_id', '=', ref.meetingId)
      .execute();
    expect(stored).toHaveLength(2);
    expect(stored[0]).toMatchObject({ kind: 'notes', filename: 'AGB-notes-2026-03-24.pdf' });
  });

  it('renders concurrent requests for a new input once', async () => {
    await t.database.db
      .updateTable('meetings')
      .set({ summary: 'Summary for the concurrency test.' })
      .where('id', '=', ref.meetingId)
      .execute();
    const before = t.documents.pool.stats().renders;
    const responses = await Promise.all(
      [1, 2, 3].map(() => t.request({ method: 'GET', url: notesUrl(), as: member })),
    );
    expect(responses.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(responses.map((r) => r.headers.etag)).size).toBe(1);
    expect(t.documents.pool.stats().renders).toBe(before + 1);
  });

  it('previews the HTML under a CSP that loads nothing', async () => {
    const res = await t.request({
      method: 'GET',
      url: `/api/v1/meetings/${ref.meetingId}/notes.html`,
      as: member,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['content-security-policy']).toBe(
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
    );
    expect(res.body).toContain('Notes of the Meeting');
    for (const canary of ALL_CANARIES) expect(res.body).not.toContain(canary);
  });

  it('answers 401 without a token, 404 for an unknown meeting, 400 for a malformed id', async () => {
    expectProblem(await t.request({ method: 'GET', url: notesUrl() }), 401);
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/meetings/${ref.meetingId}/notes.html` }),
      401,
    );
    const unknown = '0d5f2c1e-8a7b-4c3d-9e0f-112233445566';
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/meetings/${unknown}/notes.pdf`, as: member }),
      404,
    );
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/meetings/${unknown}/agenda.html`, as: member }),
      404,
    );
    expectProblem(
      await t.request({ method: 'GET', url: '/api/v1/meetings/not-a-uuid/notes.pdf', as: member }),
      400,
    );
  });
});
