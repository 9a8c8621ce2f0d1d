import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addItem, buildAgbMeeting, createMeeting } from '../domain/meetings-fixtures.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { inspectPdf } from '../render/pdf-inspect.ts';
import { ok, post } from './fixtures.ts';

interface Decision {
  id: string;
  reference: string | null;
  status: string;
  version: number;
  versions: {
    versionNo: number;
    superseded: boolean;
    reason: string | null;
    pdfSha256: string;
    jsonSha256: string;
  }[];
}

const day = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);

describe('decisions register, compliance view and feeds', () => {
  let t: TestApp;
  let admin: TestUser;
  let secretariat: TestUser;
  let member: TestUser;
  let boardId: string;
  let boardCode: string;
  let meetingId: string;
  let publicItemId: string;
  let exemptItemId: string;
  let decision: Decision;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    const built = await buildAgbMeeting(t, admin);
    boardId = built.board.id;
    boardCode = built.board.code;
    meetingId = built.meeting.id;
    publicItemId = built.meeting.items.find((i) => i.title === 'PCC Update')!.id;
    exemptItemId = (
      await addItem(t, admin, meetingId, {
        title: 'Exempt',
        kind: 'report',
        confidentiality: 'exempt',
        exemptReason: 'Paragraph 7',
      })
    ).id;
    secretariat = await t.user({ roles: ['secretariat'], boards: [boardId] });
    member = await t.user({ roles: ['member'] });
  });
  afterAll(() => t.close());

  const draft = (overrides: Record<string, unknown> = {}) =>
    post(t, secretariat, '/api/v1/decisions', {
      boardId,
      title: 'Approval of the Estates Strategy',
      decisionDate: '2026-03-24',
      decisionMaker: 'Police and Crime Commissioner, Simon Foster',
      summary:
        'The Commissioner approved the Estates Strategy 2026 to 2030.\n\nIt closes two front counters.',
      meetingId,
      itemId: publicItemId,
      ...overrides,
    });

  it('drafts are the secretariat’s: members and the public do not see them', async () => {
    expectProblem(await draft({ itemId: exemptItemId }), 400);
    expectProblem(
      await post(t, member, '/api/v1/decisions', {
        boardId,
        title: 'x',
        decisionDate: '2026-03-24',
        decisionMaker: 'x',
        summary: 'x',
      }),
      403,
    );
    decision = await ok<Decision>(await draft(), 201);
    expect(decision).toMatchObject({ status: 'draft', reference: null, versions: [] });
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/decisions/${decision.id}`, as: member }),
      404,
    );
    expectProblem(await t.request({ method: 'GET', url: `/public/v1/decisions/${decision.id}` }), 404);
    const list = await ok<{ items: unknown[] }>(
      await t.request({ method: 'GET', url: '/api/v1/decisions', as: member }),
    );
    expect(list.items).toEqual([]);
  });

  it('a draft is edited with If-Match', async () => {
    const patch = (version: number, payload: object) =>
      t.request({
        method: 'PATCH',
        url: `/api/v1/decisions/${decision.id}`,
        as: secretariat,
        headers: { 'if-match': `W/"${decision.id}:${version}"` },
        payload,
      });
    expectProblem(await patch(decision.version + 5, { title: 'x' }), 412);
    decision = await ok<Decision>(
      await patch(decision.version, { title: 'Approval of the Estates Strategy 2026' }),
    );
  });

  it('publishing freezes version 1 with a reference; edits are then refused (409)', async () => {
    decision = await ok<Decision>(await post(t, secretariat, `/api/v1/decisions/${decision.id}/publish`));
    expect(decision.reference).toBe(`${boardCode}-D-2026-1`);
    expect(decision.versions).toMatchObject([{ versionNo: 1, superseded: false, reason: null }]);
    const pdf = await t.request({ method: 'GET', url: `/public/v1/decisions/${decision.id}/versions/1/pdf` });
    expect(createHash('sha256').update(pdf.rawPayload).digest('hex')).toBe(decision.versions[0]!.pdfSha256);
    const text = (await inspectPdf(pdf.rawPayload)).text;
    expect(text).toContain('Approval of the Estates Strategy 2026');
    expect(text).toContain('Police and Crime Commissioner, Simon Foster');
    const json = await t.request({ method: 'GET', url: `/public/v1/decisions/${decision.id}/versions/1` });
    expect(createHash('sha256').update(json.body).digest('hex')).toBe(decision.versions[0]!.jsonSha256);
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: `/api/v1/decisions/${decision.id}`,
        as: secretariat,
        headers: { 'if-match': `W/"${decision.id}:${decision.version}"` },
        payload: { title: 'Changed' },
      }),
      409,
    );
    expectProblem(await post(t, secretariat, `/api/v1/decisions/${decision.id}/publish`), 409);
    await expect(sql`update decision_versions set reason = 'x'`.execute(t.database.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`delete from decision_versions`.execute(t.database.db)).rejects.toThrow(/append-only/);
  });

  it('a correction needs a reason and a change, and adds version 2 with a readable diff', async () => {
    expectProblem(
      await post(t, secretariat, `/api/v1/decisions/${decision.id}/corrections`, { title: 'x' }),
      400,
    );
    expectProblem(
      await post(t, secretariat, `/api/v1/decisions/${decision.id}/corrections`, {
        reason: 'Nothing really',
      }),
      409,
    );
    decision = await ok<Decision>(
      await post(t, secretariat, `/api/v1/decisions/${decision.id}/corrections`, {
        reason: 'It closes three front counters, not two',
        summary:
          'The Commissioner approved the Estates Strategy 2026 to 2030.\n\nIt closes three front counters.',
      }),
    );
    expect(decision.versions.map((v) => [v.versionNo, v.superseded, v.reason])).toEqual([
      [1, true, null],
      [2, false, 'It closes three front counters, not two'],
    ]);
    const diff = await ok<{ text: string }>(
      await t.request({ method: 'GET', url: `/public/v1/decisions/${decision.id}/diff?from=1&to=2` }),
    );
    expect(diff.text).toBe(
      '  \n  The Commissioner approved the Estates Strategy 2026 to 2030.\n- It closes two front counters.\n+ It closes three front counters.',
    );
    const second = await ok<Decision>(await draft({ title: 'Second', itemId: null }), 201);
    const published = await ok<Decision>(
      await post(t, secretariat, `/api/v1/decisions/${second.id}/publish`),
    );
    expect(published.reference).toBe(`${boardCode}-D-2026-2`);
    const register = await ok<{ items: { reference: string; version: number }[] }>(
      await t.request({ method: 'GET', url: `/public/v1/decisions?boardId=${boardId}` }),
    );
    expect(register.items.map((d) => [d.reference, d.version]).sort()).toEqual([
      [`${boardCode}-D-2026-1`, 2],
      [`${boardCode}-D-2026-2`, 1],
    ]);
  });

  it('a diff needs two versions that exist; an unknown version is 404 everywhere', async () => {
    const get = (url: string, as?: TestUser) => t.request({ method: 'GET', url, ...(as ? { as } : {}) });
    expectProblem(await get(`/public/v1/decisions/${decision.id}/diff?from=2&to=2`), 400);
    expectProblem(await get(`/public/v1/decisions/${decision.id}/diff?from=1&to=9`), 404);
    expectProblem(await get(`/api/v1/decisions/${decision.id}/diff?from=1&to=1`, secretariat), 400);
    for (const url of [
      `/public/v1/decisions/${decision.id}/versions/9`,
      `/public/v1/decisions/${decision.id}/versions/9/pdf`,
    ])
      expectProblem(await get(url), 404);
    expectProblem(await get(`/api/v1/decisions/${decision.id}/versions/9/pdf`, secretariat), 404);
    const pdf = await get(`/api/v1/decisions/${decision.id}/versions/2/pdf`, secretariat);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers.etag).toBe(`"${decision.versions[1]!.pdfSha256}"`);
  });

  it('the compliance view flags what is missing or late, per meeting', async () => {
    const soon = await createMeeting(t, admin, boardId, { date: isoDay(2), startTime: '10:00' });
    const later = await createMeeting(t, admin, boardId, { date: isoDay(60), startTime: '10:00' });
    await ok(await post(t, secretariat, `/api/v1/meetings/${later.id}/agenda/publish`));
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/boards/${boardId}/compliance`, as: member }),
      403,
    );
    const report = await ok<{
      meetings: { meetingId: string; requirements: { key: string; state: string }[]; flags: string[] }[];
      flagCount: number;
    }>(await t.request({ method: 'GET', url: `/api/v1/boards/${boardId}/compliance`, as: secretariat }));
    const states = (id: string) =>
      Object.fromEntries(
        report.meetings.find((m) => m.meetingId === id)!.requirements.map((r) => [r.key, r.state]),
      );
    // Made today for 24 March: date and place were published late, the agenda never was; the board
    // has not met since, so the notes are still awaiting approval.
    expect(states(meetingId)).toMatchObject({
      schedule: 'published_late',
      agenda: 'missing',
      notes: 'pending',
    });
    expect(states(meetingId)[`decision:${decision.id}`]).toBe('published_late');
    expect(states(soon.id)).toMatchObject({
      schedule: 'published_late',
      agenda: 'missing',
      notes: 'pending',
    });
    expect(states(later.id)).toMatchObject({ schedule: 'published_on_time', agenda: 'published_on_time' });
    const flags = report.meetings.find((m) => m.meetingId === soon.id)!.flags;
    expect(flags).toContain('Agenda: Not published, and past the deadline.');
    expect(report.flagCount).toBeGreaterThan(0);
  });

  it('the iCalendar feed lists upcoming meetings in Europe/London time, folded at 75 octets', async () => {
    const summer = await createMeeting(t, admin, boardId, {
      date: '2099-07-01',
      startTime: '18:30',
      location:
        'Council House, Victoria Square, Birmingham, B1 1BB; Committee Room 2, accessible entrance on Waterloo Street',
    });
    const cancelled = await createMeeting(t, admin, boardId, { date: '2099-01-05', startTime: '09:15' });
    await ok(await post(t, admin, `/api/v1/meetings/${cancelled.id}/status`, { status: 'cancelled' }));
    const res = await t.request({ method: 'GET', url: '/feeds/meetings.ics' });
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const body = res.body;
    expect(body.endsWith('\r\n')).toBe(true);
    const lines = body.slice(0, -2).split('\r\n');
    expect(lines.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(body).toContain('BEGIN:VTIMEZONE\r\nTZID:Europe/London');
    const unfolded = body.replace(/\r\n /g, '');
    const event = (id: string) =>
      unfolded.split('BEGIN:VEVENT').find((e) => e.includes(`UID:meeting-${id}@`))!;
    expect(event(summer.id)).toContain('DTSTART;TZID=Europe/London:20990701T183000');
    expect(event(summer.id)).toContain(
      'LOCATION:Council House\\, Victoria Square\\, Birmingham\\, B1 1BB\\; Committee Room 2\\, accessible entrance on Waterloo Street',
    );
    expect(event(cancelled.id)).toContain('DTSTART;TZID=Europe/London:20990105T091500');
    expect(event(cancelled.id)).toContain('STATUS:CANCELLED');
    expect(unfolded).not.toContain(`UID:meeting-${meetingId}@`);
    expect(body.match(/BEGIN:VEVENT/g)?.length).toBe(body.match(/END:VEVENT/g)?.length);
  });

  it('the Atom feed lists publications with stable ids and absolute links', async () => {
    const res = await t.request({ method: 'GET', url: '/feeds/publications.atom' });
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
    const entries = res.body.split('<entry>').slice(1);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    const ids = entries.map((e) => /<id>([^<]+)<\/id>/.exec(e)![1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(res.body).toContain(`${boardCode}-D-2026-1 corrected (version 2)`);
    expect(res.body).toMatch(
      /<link rel="enclosure" type="application\/pdf" length="\d+" href="http:\/\/localhost(:80)?\/public\/v1\/decisions\//,
    );
    expect(res.body.startsWith('<?xml version="1.0" encoding="utf-8"?>')).toBe(true);
  });
});
