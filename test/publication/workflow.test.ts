import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertItemEditable, assertMeetingEditable } from '../../src/modules/meeting-access/guard.ts';
import { chainLinks } from '../../src/modules/publication/chain.ts';
import { addItem, buildAgbMeeting, createMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { inspectPdf } from '../render/pdf-inspect.ts';
import { ok, post } from './fixtures.ts';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

interface Publication {
  notesState: string;
  allowedSteps: string[];
  agendaPublishedAt: string | null;
  approvedAtMeeting: { id: string; date: string } | null;
  correctionReason: string | null;
  versions: {
    versionNo: number;
    reason: string | null;
    superseded: boolean;
    edited: boolean;
    editedNotice: string | null;
    jsonSha256: string;
    pdfSha256: string;
  }[];
}

describe('notes workflow and frozen versions', () => {
  let t: TestApp;
  let admin: TestUser;
  let secretariat: TestUser;
  let otherSecretariat: TestUser;
  let member: TestUser;
  let meetingId: string;
  let laterId: string;
  let boardId: string;
  let updateItem: { id: string; version: number };

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    const built = await buildAgbMeeting(t, admin);
    meetingId = built.meeting.id;
    boardId = built.board.id;
    secretariat = await t.user({ roles: ['secretariat'], boards: [built.board.id] });
    otherSecretariat = await t.user({ roles: ['secretariat'] });
    member = await t.user({ roles: ['member'] });
    laterId = (await createMeeting(t, admin, built.board.id, { date: '2026-04-28' })).id;
    const item = built.meeting.items.find((i) => i.title === 'PCC Update')!;
    const fresh = await t.request({ method: 'GET', url: `/api/v1/agenda-items/${item.id}`, as: admin });
    updateItem = fresh.json() as { id: string; version: number };
    await addItem(t, admin, meetingId, {
      title: 'Exempt matter',
      kind: 'report',
      confidentiality: 'exempt',
      exemptReason: 'Paragraph 7',
    });
  });
  afterAll(() => t.close());

  const state = async () =>
    ok<Publication>(
      await t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}/publication`, as: member }),
    );

  it('starts as a draft; only the secretariat may move it', async () => {
    expect((await state()).notesState).toBe('draft');
    expect((await state()).allowedSteps).toEqual([]);
    expectProblem(
      await t.request({ method: 'POST', url: `/api/v1/meetings/${meetingId}/notes/submit` }),
      401,
    );
    expectProblem(await post(t, member, `/api/v1/meetings/${meetingId}/notes/submit`), 403);
    expectProblem(await post(t, otherSecretariat, `/api/v1/meetings/${meetingId}/notes/submit`), 403);
  });

  it('refuses to submit the notes of a meeting that has not been held, or to skip steps', async () => {
    expectProblem(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/submit`), 409);
    await ok(await post(t, secretariat, `/api/v1/meetings/${meetingId}/status`, { status: 'held' }));
    expectProblem(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/publish`), 409);
    expectProblem(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/approve`, { atMeetingId: laterId }),
      409,
    );
  });

  it('submits, returns, submits again; approval must be at a later meeting that has taken place', async () => {
    const submitted = await ok<Publication>(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/submit`),
    );
    expect(submitted.notesState).toBe('submitted');
    expect(submitted.allowedSteps).toEqual(['return', 'approve']);
    await ok(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/return`));
    await ok(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/submit`));
    const self = await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/approve`, {
      atMeetingId: meetingId,
    });
    expectProblem(self, 400);
    const future = await createMeeting(
      t,
      admin,
      (
        await t.database.db
          .selectFrom('meetings')
          .select('board_id')
          .where('id', '=', meetingId)
          .executeTakeFirstOrThrow()
      ).board_id,
      { date: '2099-01-01' },
    );
    expectProblem(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/approve`, { atMeetingId: future.id }),
      400,
    );
    const approved = await ok<Publication>(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/approve`, { atMeetingId: laterId }),
    );
    expect(approved.notesState).toBe('approved');
    expect(approved.approvedAtMeeting).toEqual({ id: laterId, date: '2026-04-28' });
    const meeting = await t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}`, as: admin });
    expect(meeting.json()).toMatchObject({ status: 'notes_approved' });
  });

  it('approved notes are frozen for the other modules', async () => {
    await expect(assertMeetingEditable(t.database.db, meetingId)).rejects.toMatchObject({ status: 409 });
    await expect(assertItemEditable(t.database.db, updateItem.id)).rejects.toMatchObject({ status: 409 });
  });

  it('publishes version 1: PDF and canonical JSON stored with their SHA-256, edited notice when withheld', async () => {
    const published = await ok<Publication>(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/publish`),
    );
    expect(published.notesState).toBe('published');
    expect(published.versions).toHaveLength(1);
    const v1 = published.versions[0]!;
    expect(v1).toMatchObject({ versionNo: 1, reason: null, superseded: false, edited: true });
    expect(v1.editedNotice).toMatch(/edited version/);

    const pdf = await t.request({
      method: 'GET',
      url: `/public/v1/meetings/${meetingId}/notes/versions/1/pdf`,
    });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(sha(pdf.rawPayload)).toBe(v1.pdfSha256);
    expect(pdf.headers.etag).toBe(`"${v1.pdfSha256}"`);
    const text = (await inspectPdf(pdf.rawPayload)).text;
    expect(text).toContain('PCC Update');
    expect(text).toContain('This is an edited version of the notes.');
    expect(text).not.toContain('Exempt matter');

    const json = await t.request({ method: 'GET', url: `/public/v1/meetings/${meetingId}/notes/versions/1` });
    expect(sha(json.body)).toBe(v1.jsonSha256);
    expect(json.headers['cache-control']).toContain('immutable');
    const again = await t.request({
      method: 'GET',
      url: `/public/v1/meetings/${meetingId}/notes/versions/1`,
      headers: { 'if-none-match': `"${v1.jsonSha256}"` },
    });
    expect(again.statusCode).toBe(304);

    // The public page says how to check this version: the PDF's SHA-256 (what `sha256sum` of the PDF
    // served gives) and its link in the board's chain, which is the head the feed shows.
    const page = await t.request({ method: 'GET', url: `/meetings/${meetingId}/notes/versions/1` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`<code>${sha(pdf.rawPayload)}</code>`);
    const [link] = await chainLinks(t.database.db, boardId);
    expect(page.body).toContain(`<code>${link!.chainSha256}</code>`);
    expect(page.body).toContain('sha256sum');
    const feed = await t.request({ method: 'GET', url: '/feeds/publications.atom' });
    expect(feed.body).toContain(`seq="1">${link!.chainSha256}</boardroom:chainHead>`);
    const snapshot = json.json() as {
      version: number;
      notes: { items: { number: string; title: string }[] };
    };
    expect(snapshot.version).toBe(1);
    // Numbered 1..n over what is published: no gap where the exempt item was.
    expect(snapshot.notes.items.map((i) => i.number)).toEqual(
      snapshot.notes.items.map((_, index) => String(index + 1)),
    );
    const meeting = await t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}`, as: admin });
    expect(meeting.json()).toMatchObject({ status: 'published' });
  });

  it('the database refuses to change or delete a published version', async () => {
    const db = t.database.db;
    await expect(sql`update notes_versions set reason = 'tampered'`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`update notes_versions set pdf = '\\x255044462d'::bytea`.execute(db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from notes_versions`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from meetings where id = ${meetingId}`.execute(db)).rejects.toThrow();
  });

  it('publishing again is refused; a correction needs a reason and a change', async () => {
    expectProblem(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/publish`), 409);
    expectProblem(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/corrections`, {}), 400);
    expectProblem(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/corrections`, { reason: '  ' }),
      400,
    );
    const open = await ok<Publication>(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/corrections`, {
        reason: 'Corrected the amount allocated to the VRP',
      }),
    );
    expect(open.notesState).toBe('correcting');
    await expect(assertMeetingEditable(t.database.db, meetingId)).resolves.toBeUndefined();
    // Nothing changed yet: publishing would make an identical version.
    expectProblem(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/publish`), 409);
    const fresh = await t.request({ method: 'GET', url: `/api/v1/agenda-items/${updateItem.id}`, as: admin });
    const item = fresh.json() as { id: string; version: number; bodyHtml: string };
    const edit = await t.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${item.id}`,
      as: admin,
      headers: { 'if-match': `W/"${item.id}:${item.version}"` },
      payload: { bodyHtml: item.bodyHtml.replace('over £5 million', 'over £6 million') },
    });
    await ok(edit);
    // The change is not public until published, and a correction with changes cannot just be cancelled.
    expectProblem(await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/corrections/cancel`), 409);
    const v2 = await ok<Publication>(
      await post(t, secretariat, `/api/v1/meetings/${meetingId}/notes/publish`),
    );
    expect(v2.versions.map((v) => [v.versionNo, v.superseded, v.reason])).toEqual([
      [1, true, null],
      [2, false, 'Corrected the amount allocated to the VRP'],
    ]);
  });

  it('both versions stay downloadable, and the public can read what changed', async () => {
    for (const n of [1, 2]) {
      const res = await t.request({
        method: 'GET',
        url: `/public/v1/meetings/${meetingId}/notes/versions/${n}/pdf`,
      });
      expect(res.statusCode).toBe(200);
    }
    const diff = await ok<{
      reason: string;
      text: string;
      hunks: { lines: { op: string; text: string }[] }[];
    }>(await t.request({ method: 'GET', url: `/public/v1/meetings/${meetingId}/notes/diff?from=1&to=2` }));
    expect(diff.reason).toBe('Corrected the amount allocated to the VRP');
    const changed = diff.hunks.flatMap((h) => h.lines).filter((l) => l.op !== 'same');
    expect(changed).toEqual([
      { op: 'removed', text: expect.stringContaining('over £5 million') },
      { op: 'added', text: expect.stringContaining('over £6 million') },
    ]);
    expect(diff.text).toMatch(/^- .*£5 million/m);
    expect(diff.text).toMatch(/^\+ .*£6 million/m);
    expectProblem(
      await t.request({ method: 'GET', url: `/public/v1/meetings/${meetingId}/notes/diff?from=1&to=3` }),
      404,
    );
  });

  it('every step is in the audit log', async () => {
    const rows = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor_user_id'])
      .where('entity_id', '=', meetingId)
      .where('action', 'like', 'notes.%')
      .orderBy('at')
      .execute();
    expect(rows.map((r) => r.action)).toEqual([
      'notes.submit',
      'notes.return',
      'notes.submit',
      'notes.approve',
      'notes.publish',
      'notes.correction.open',
      'notes.publish',
    ]);
    expect(new Set(rows.map((r) => r.actor_user_id))).toEqual(new Set([secretariat.id]));
  });
});
