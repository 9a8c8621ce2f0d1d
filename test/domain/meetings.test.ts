import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import {
  AGB_ATTENDANCE,
  buildAgbMeeting,
  CC_UPDATE_HTML,
  createBoard,
  createMeeting,
  createPerson,
  type MeetingDetail,
} from './meetings-fixtures.ts';

describe('meetings', () => {
  let t: TestApp;
  let admin: TestUser;
  let agb: Awaited<ReturnType<typeof buildAgbMeeting>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    agb = await buildAgbMeeting(t, admin);
  });
  afterAll(() => t.close());

  const get = async (id: string, as: TestUser = admin) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/meetings/${id}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return { body: res.json() as MeetingDetail, etag: String(res.headers.etag) };
  };

  describe('the 24 March 2026 Accountability and Governance Board', () => {
    it('starts at 10:00 London, which is 10:00Z before BST begins, and prints its dates as the notes do', async () => {
      const { body } = await get(agb.meeting.id);
      expect(body).toMatchObject({
        boardName: 'Accountability and Governance Board',
        boardCode: agb.board.code,
        startsAt: '2026-03-24T10:00:00.000Z',
        date: '2026-03-24',
        startTime: '10:00',
        dateText: 'Tuesday 24 March 2026',
        status: 'scheduled',
        summary: 'These minutes provide a summary of key points raised during this meeting.',
        // Seven days before, at the same London time.
        questionDeadline: '2026-03-17T10:00:00.000Z',
        nextMeeting: { date: '2026-04-28', dateText: 'Tuesday 28 April 2026', meetingId: null },
      });
    });

    it('lists 12 present and 3 apologies with names, roles and organisations as printed', async () => {
      const { body } = await get(agb.meeting.id);
      expect(body.attendance.present).toHaveLength(12);
      expect(body.attendance.apologies).toHaveLength(3);
      expect(body.attendance.absent).toHaveLength(0);
      const printed = [...body.attendance.present, ...body.attendance.apologies].map(
        (a) => `${a.name} (${a.role}${a.organisation ? `, ${a.organisation}` : ''})`,
      );
      expect(printed).toEqual(
        AGB_ATTENDANCE.map((a) => `${a.name} (${a.role}${a.printedOrg ? `, ${a.printedOrg}` : ''})`),
      );
      expect(printed).toContain("Mike O'Hara (Assistant Chief Constable, WMP)");
      expect(printed).toContain('Natalie Queiroz (Victims Advocate, OPCC)');
      expect(printed).toContain('Richard North (Temporary Assistant Chief Constable)');
    });

    it('has the eight items in order, numbered 1..8, with presenters and roman-numbered bodies', async () => {
      const { body } = await get(agb.meeting.id);
      expect(body.items.map((i) => [i.number, i.title])).toEqual([
        [1, 'Attendees'],
        [2, 'Notes of last meeting'],
        [3, 'PCC Update'],
        [4, 'Chief Constable Update'],
        [5, 'Questions from AGB members'],
        [6, 'Domestic Abuse'],
        [7, 'Violence Against Women and Girls (VAWG) and Child Sexual Exploitation (CSE)'],
        [8, 'CLOSE'],
      ]);
      const [, , pcc, cc, , da] = body.items;
      expect(pcc!.bodyHtml).toContain('<ol type="I">');
      expect(pcc!.bodyHtml).toContain('£5 million');
      expect(pcc!.bodyText).toContain('allocated over £5 million for April 26-March 27.');
      expect(pcc!.bodyText).toContain('Natalie Queiroz');
      expect(cc!.bodyHtml).toBe(CC_UPDATE_HTML);
      expect(da!.presenters).toEqual([
        {
          personId: agb.people['Richard North'],
          printed: 'Temporary Assistant Chief Constable, Richard North',
        },
      ]);
    });

    it('ETag of the detail names the meeting and its version', async () => {
      const { body, etag } = await get(agb.meeting.id);
      expect(etag).toBe(`W/"${body.id}:${body.version}"`);
    });
  });

  describe('London time', () => {
    it('28 April 2026 10:00 (BST) is 09:00Z', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-04-28', startTime: '10:00' });
      expect(m).toMatchObject({
        startsAt: '2026-04-28T09:00:00.000Z',
        date: '2026-04-28',
        startTime: '10:00',
      });
      expect(m.questionDeadline).toBe('2026-04-21T09:00:00.000Z');
      expect(m.dateText).toBe('Tuesday 28 April 2026');
    });

    it('a deadline a week before a BST meeting falls in GMT at the same wall-clock time', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-04-02', startTime: '14:30' });
      expect(m.startsAt).toBe('2026-04-02T13:30:00.000Z');
      expect(m.questionDeadline).toBe('2026-03-26T14:30:00.000Z');
    });

    it('a time skipped when the clocks go forward is refused', async () => {
      const res = await t.request({
        method: 'POST',
        url: '/api/v1/meetings',
        as: admin,
        payload: { boardId: agb.board.id, date: '2026-03-29', startTime: '01:30', online: true },
      });
      expectProblem(res, 400);
    });

    it('an explicit question deadline and an online meeting are kept', async () => {
      const m = await createMeeting(t, admin, agb.board.id, {
        date: '2026-06-09',
        startTime: '09:30',
        location: '',
        online: true,
        questionDeadline: '2026-06-01T12:00:00+01:00',
      });
      expect(m).toMatchObject({ online: true, location: '', questionDeadline: '2026-06-01T11:00:00.000Z' });
    });

    it('without nextMeetingDate the next meeting is the board’s following one', async () => {
      const board = await createBoard(t, admin, { standingItems: [] });
      const first = await createMeeting(t, admin, board.id, { date: '2026-05-12' });
      const second = await createMeeting(t, admin, board.id, { date: '2026-06-16' });
      const { body } = await get(first.id);
      expect(body.nextMeeting).toEqual({
        date: '2026-06-16',
        dateText: 'Tuesday 16 June 2026',
        meetingId: second.id,
      });
      expect(body.items).toEqual([]);
    });
  });

  describe('list', () => {
    let board: { id: string };
    const dates = ['2026-01-13', '2026-02-10', '2026-03-10', '2026-04-14', '2026-05-12'];
    beforeAll(async () => {
      board = await createBoard(t, admin, { standingItems: [] });
      // Created out of order: the list is sorted by start, not by creation.
      for (const d of [...dates].reverse()) await createMeeting(t, admin, board.id, { date: d });
    });
    const list = async (query: string) => {
      const res = await t.request({
        method: 'GET',
        url: `/api/v1/meetings?boardId=${board.id}&${query}`,
        as: admin,
      });
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as {
        items: { date: string; boardId: string; status: string }[];
        nextCursor: string | null;
      };
    };

    it('pages by start time with an opaque cursor', async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
        seen.push(...page.items.map((m) => m.date));
        cursor = page.nextCursor;
        pages += 1;
      } while (cursor);
      expect(seen).toEqual(dates);
      expect(pages).toBe(3);
    });

    it('filters by London dates (inclusive) and status', async () => {
      expect((await list('from=2026-02-10&to=2026-04-14')).items.map((m) => m.date)).toEqual(
        dates.slice(1, 4),
      );
      expect((await list('status=held')).items).toEqual([]);
      expect((await list('status=scheduled')).items).toHaveLength(5);
    });

    it('refuses a forged cursor and bad filters', async () => {
      expectProblem(
        await t.request({ method: 'GET', url: '/api/v1/meetings?cursor=bm9wZQ', as: admin }),
        400,
      );
      const forged = Buffer.from(JSON.stringify(['not a date', 'x'])).toString('base64url');
      expectProblem(
        await t.request({ method: 'GET', url: `/api/v1/meetings?cursor=${forged}`, as: admin }),
        400,
      );
      expectProblem(
        await t.request({ method: 'GET', url: '/api/v1/meetings?from=2026-02-30', as: admin }),
        400,
      );
      expectProblem(
        await t.request({ method: 'GET', url: '/api/v1/meetings?status=adjourned', as: admin }),
        400,
      );
      expectProblem(await t.request({ method: 'GET', url: '/api/v1/meetings?limit=0', as: admin }), 400);
    });

    it('is for signed-in users only', async () => {
      expectProblem(await t.request({ method: 'GET', url: '/api/v1/meetings' }), 401);
    });
  });

  describe('PATCH with If-Match', () => {
    it('428 without If-Match, 412 when stale, 200 with the current ETag', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-09-08' });
      const url = `/api/v1/meetings/${m.id}`;
      expectProblem(await t.request({ method: 'PATCH', url, as: admin, payload: { summary: 'x' } }), 428);
      const ok = await t.request({
        method: 'PATCH',
        url,
        as: admin,
        headers: { 'if-match': `W/"${m.id}:${m.version}"` },
        payload: { location: 'Tally Ho, Edgbaston', summary: 'Notes 😀 with £5 million' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({
        location: 'Tally Ho, Edgbaston',
        summary: 'Notes 😀 with £5 million',
        version: m.version + 1,
      });
      expect(ok.headers.etag).toBe(`W/"${m.id}:${m.version + 1}"`);
      // The old ETag is now stale.
      expectProblem(
        await t.request({
          method: 'PATCH',
          url,
          as: admin,
          headers: { 'if-match': `W/"${m.id}:${m.version}"` },
          payload: {},
        }),
        412,
      );
      // An ETag of another resource is not this one's.
      expectProblem(
        await t.request({
          method: 'PATCH',
          url,
          as: admin,
          headers: { 'if-match': `W/"${agb.meeting.id}:${m.version + 1}"` },
          payload: {},
        }),
        412,
      );
    });

    it('moving the meeting moves a default question deadline but keeps one set by hand', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-10-06' });
      const moved = await t.request({
        method: 'PATCH',
        url: `/api/v1/meetings/${m.id}`,
        as: admin,
        headers: { 'if-match': `W/"${m.id}:${m.version}"` },
        payload: { date: '2026-11-03', startTime: '13:00' },
      });
      expect(moved.json()).toMatchObject({
        startsAt: '2026-11-03T13:00:00.000Z',
        questionDeadline: '2026-10-27T13:00:00.000Z',
      });

      const custom = await createMeeting(t, admin, agb.board.id, {
        date: '2026-10-06',
        questionDeadline: '2026-09-01T09:00:00Z',
      });
      const kept = await t.request({
        method: 'PATCH',
        url: `/api/v1/meetings/${custom.id}`,
        as: admin,
        headers: { 'if-match': `W/"${custom.id}:${custom.version}"` },
        payload: { date: '2026-11-03' },
      });
      expect(kept.json()).toMatchObject({ questionDeadline: '2026-09-01T09:00:00.000Z' });
    });

    it('refuses to change the board or the status through PATCH', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-09-15' });
      for (const payload of [{ boardId: agb.board.id }, { status: 'published' }, { version: 99 }]) {
        expectProblem(
          await t.request({
            method: 'PATCH',
            url: `/api/v1/meetings/${m.id}`,
            as: admin,
            headers: { 'if-match': `W/"${m.id}:${m.version}"` },
            payload,
          }),
          400,
        );
      }
    });
  });

  describe('status', () => {
    const setStatus = (id: string, status: string) =>
      t.request({ method: 'POST', url: `/api/v1/meetings/${id}/status`, as: admin, payload: { status } });

    it('moves one step at a time to notes_drafted; approval and publication belong to the notes workflow', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-07-14' });
      expectProblem(await setStatus(m.id, 'published'), 409);
      expectProblem(await setStatus(m.id, 'notes_drafted'), 409);
      expectProblem(await setStatus(m.id, 'scheduled'), 409);
      let version = m.version;
      for (const status of ['held', 'notes_drafted']) {
        const res = await setStatus(m.id, status);
        expect(res.statusCode, res.body).toBe(200);
        expect(res.json()).toMatchObject({ status, version: version + 1 });
        version += 1;
      }
      // Only POST /notes/approve and /notes/publish may set these, so "published" always has a frozen version.
      expect(expectProblem(await setStatus(m.id, 'notes_approved'), 409).detail).toContain('notes workflow');
      expect(expectProblem(await setStatus(m.id, 'published'), 409).detail).toContain('notes workflow');
      expectProblem(await setStatus(m.id, 'cancelled'), 409);
    });

    it('a scheduled meeting can be cancelled, a held one cannot; a cancelled one is final', async () => {
      const a = await createMeeting(t, admin, agb.board.id, { date: '2026-07-21' });
      expect((await setStatus(a.id, 'cancelled')).statusCode).toBe(200);
      expectProblem(await setStatus(a.id, 'scheduled'), 409);
      expectProblem(await setStatus(a.id, 'held'), 409);
      const b = await createMeeting(t, admin, agb.board.id, { date: '2026-07-28' });
      await setStatus(b.id, 'held');
      expectProblem(await setStatus(b.id, 'cancelled'), 409);
    });

    it('honours If-Match when given', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-08-04' });
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/status`,
        as: admin,
        headers: { 'if-match': `W/"${m.id}:${m.version + 5}"` },
        payload: { status: 'held' },
      });
      expectProblem(res, 412);
    });
  });

  describe('attendance', () => {
    it('refuses the same person twice (409)', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${agb.meeting.id}/attendance`,
        as: admin,
        payload: { personId: agb.people['Wasim Ali'], status: 'apologies' },
      });
      expectProblem(res, 409);
    });

    it('PUT replaces an entry, DELETE removes it; role and organisation default from the directory', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-12-01' });
      const item = m.items[4]!;
      const add = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/attendance`,
        as: admin,
        payload: { personId: agb.people['Natalie Queiroz'], status: 'present' },
      });
      expect(add.statusCode, add.body).toBe(201);
      const entry = add.json() as { id: string };
      expect(add.json()).toMatchObject({
        name: 'Natalie Queiroz',
        role: 'Victims Advocate',
        organisation: 'OPCC',
        forItemId: null,
      });

      const put = await t.request({
        method: 'PUT',
        url: `/api/v1/attendance/${entry.id}`,
        as: admin,
        payload: {
          status: 'in_attendance',
          role: 'Victims’ Advocate for the West Midlands',
          forItemId: item.id,
        },
      });
      expect(put.statusCode, put.body).toBe(200);
      expect(put.json()).toMatchObject({
        status: 'in_attendance',
        role: 'Victims’ Advocate for the West Midlands',
        forItemId: item.id,
      });
      const { body } = await get(m.id);
      expect(body.attendance.inAttendance.map((a) => a.name)).toEqual(['Natalie Queiroz']);

      // forItemId only with in_attendance, and only an item of this meeting.
      expectProblem(
        await t.request({
          method: 'PUT',
          url: `/api/v1/attendance/${entry.id}`,
          as: admin,
          payload: { status: 'present', forItemId: item.id },
        }),
        400,
      );
      expectProblem(
        await t.request({
          method: 'PUT',
          url: `/api/v1/attendance/${entry.id}`,
          as: admin,
          payload: { status: 'in_attendance', forItemId: agb.itemIds[0] },
        }),
        404,
      );

      expect(
        (await t.request({ method: 'DELETE', url: `/api/v1/attendance/${entry.id}`, as: admin })).statusCode,
      ).toBe(204);
      expectProblem(
        await t.request({ method: 'DELETE', url: `/api/v1/attendance/${entry.id}`, as: admin }),
        404,
      );
      const list = await t.request({ method: 'GET', url: `/api/v1/meetings/${m.id}/attendance`, as: admin });
      expect(list.json()).toEqual({ items: [] });
    });

    it('an unknown person is 404', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${agb.meeting.id}/attendance`,
        as: admin,
        payload: { personId: '00000000-0000-4000-8000-000000000000', status: 'present' },
      });
      expectProblem(res, 404);
    });
  });

  describe('declarations of interest', () => {
    it('are recorded, listed in the detail and removed', async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-12-08' });
      const person = await createPerson(t, admin, 'Aoife Ní Bhriain', 'Independent Member', null);
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${m.id}/declarations`,
        as: admin,
        payload: {
          personId: person.id,
          itemId: m.items[2]!.id,
          interest: 'Trustee of a victims’ charity funded by the VRP 🙂',
        },
      });
      expect(res.statusCode, res.body).toBe(201);
      const declaration = res.json() as { id: string };
      expect(res.json()).toMatchObject({
        personName: 'Aoife Ní Bhriain',
        interest: 'Trustee of a victims’ charity funded by the VRP 🙂',
      });
      expect((await get(m.id)).body.declarations).toHaveLength(1);
      const list = await t.request({
        method: 'GET',
        url: `/api/v1/meetings/${m.id}/declarations`,
        as: admin,
      });
      expect((list.json() as { items: unknown[] }).items).toHaveLength(1);
      expect(
        (await t.request({ method: 'DELETE', url: `/api/v1/declarations/${declaration.id}`, as: admin }))
          .statusCode,
      ).toBe(204);
      expect((await get(m.id)).body.declarations).toEqual([]);
    });
  });

  it('writes creates, updates and status changes to the audit log with before and after', async () => {
    const m = await createMeeting(t, admin, agb.board.id, { date: '2026-12-15' });
    await t.request({
      method: 'PATCH',
      url: `/api/v1/meetings/${m.id}`,
      as: admin,
      headers: { 'if-match': `W/"${m.id}:${m.version}"` },
      payload: { summary: 'Changed' },
    });
    await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/status`,
      as: admin,
      payload: { status: 'held' },
    });
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', m.id)
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['meeting.create', 'meeting.update', 'meeting.status']);
    const update = rows[1]!;
    expect(update.actor_user_id).toBe(admin.id);
    expect(update.before).toMatchObject({
      summary: 'These minutes provide a summary of key points raised during this meeting.',
    });
    expect(update.after).toMatchObject({ summary: 'Changed' });
    expect(rows[2]!.after).toMatchObject({ status: 'held' });
  });
});
