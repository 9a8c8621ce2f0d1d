import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { addItem, buildAgbMeeting, createBoard, createMeeting, type Item } from './meetings-fixtures.ts';

describe('agenda items', () => {
  let t: TestApp;
  let admin: TestUser;
  let agb: Awaited<ReturnType<typeof buildAgbMeeting>>;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    agb = await buildAgbMeeting(t, admin);
  });
  afterAll(() => t.close());

  const agenda = async (meetingId: string, as: TestUser = admin) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}/agenda`, as });
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Item[] }).items;
  };
  const patch = (
    item: { id: string },
    payload: Record<string, unknown>,
    ifMatch?: string,
    as: TestUser = admin,
  ) =>
    t.request({
      method: 'PATCH',
      url: `/api/v1/agenda-items/${item.id}`,
      as,
      headers: ifMatch === undefined ? {} : { 'if-match': ifMatch },
      payload,
    });

  describe('editing with If-Match', () => {
    it('428 without it, 412 when stale, 200 with the ETag from GET; each write bumps the version', async () => {
      const m = await createMeeting(t, admin, agb.board.id);
      const item = m.items[2]!;
      const read = await t.request({ method: 'GET', url: `/api/v1/agenda-items/${item.id}`, as: admin });
      const etag = String(read.headers.etag);
      expect(etag).toBe(`W/"${item.id}:1"`);

      expectProblem(await patch(item, { title: 'PCC Update (revised)' }), 428);
      const ok = await patch(item, { title: 'PCC Update (revised)' }, etag);
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ title: 'PCC Update (revised)', version: 2 });
      expect(ok.headers.etag).toBe(`W/"${item.id}:2"`);
      // A second editor still holding version 1 does not overwrite the first.
      expectProblem(await patch(item, { title: 'Lost update' }, etag), 412);
      expectProblem(await patch(item, { title: 'Garbled' }, 'not-an-etag'), 412);
      const after = await t.request({ method: 'GET', url: `/api/v1/agenda-items/${item.id}`, as: admin });
      expect(after.json()).toMatchObject({ title: 'PCC Update (revised)' });
    });
  });

  describe('rich text', () => {
    it('keeps roman-numbered lists, strips what could run or load, and keeps body_text in step', async () => {
      const m = await createMeeting(t, admin, agb.board.id);
      const item = m.items[3]!;
      const res = await patch(
        item,
        {
          bodyHtml:
            '<p onclick="steal()">Update from Mike O\'Hara &amp; Natalie Queiroz 🚓</p>' +
            '<ol type="i" start="2" style="color:red"><li>First £5 million</li><li><a href="javascript:alert(1)">Second</a></li></ol>' +
            '<script>alert("x")</script><img src="https://evil.example/x.png" onerror="x()">' +
            '<iframe src="https://evil.example"></iframe><a href="https://www.westmidlands-pcc.gov.uk/">PCC</a>',
        },
        `W/"${item.id}:1"`,
      );
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as Item;
      expect(body.bodyHtml).toBe(
        '<p>Update from Mike O\'Hara &amp; Natalie Queiroz 🚓</p><ol type="i" start="2"><li>First £5 million</li><li><a>Second</a></li></ol>' +
          '<a href="https://www.westmidlands-pcc.gov.uk/">PCC</a>',
      );
      expect(body.bodyHtml).not.toMatch(/script|onclick|onerror|javascript|iframe|img|style/);
      expect(body.bodyText).toBe(
        "Update from Mike O'Hara & Natalie Queiroz 🚓\nFirst £5 million\nSecond\nPCC",
      );
      const row = await t.database.db
        .selectFrom('agenda_items')
        .select(['body_html', 'body_text'])
        .where('id', '=', item.id)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ body_html: body.bodyHtml, body_text: body.bodyText });
    });
  });

  describe('order', () => {
    it('new items are appended; reorder must name exactly the meeting’s items', async () => {
      const m = await createMeeting(t, admin, agb.board.id);
      const extra = await addItem(t, admin, m.id, { title: 'Any Other Business', kind: 'aob' });
      expect(extra.number).toBe(7);
      const ids = (await agenda(m.id)).map((i) => i.id);
      const reorder = (itemIds: string[]) =>
        t.request({
          method: 'POST',
          url: `/api/v1/meetings/${m.id}/agenda/reorder`,
          as: admin,
          payload: { itemIds },
        });

      const reversed = [...ids].reverse();
      const ok = await reorder(reversed);
      expect(ok.statusCode, ok.body).toBe(200);
      expect((ok.json() as { items: Item[] }).items.map((i) => [i.id, i.number])).toEqual(
        reversed.map((id, n) => [id, n + 1]),
      );
      expect((await agenda(m.id)).map((i) => i.id)).toEqual(reversed);

      expectProblem(await reorder(ids.slice(1)), 409);
      expectProblem(await reorder([...ids.slice(1), agb.itemIds[0]!]), 409);
      expectProblem(await reorder([...ids, ids[0]!]), 400);
      expectProblem(await reorder([]), 409);
      expect((await agenda(m.id)).map((i) => i.id)).toEqual(reversed);
    });

    it('deleting an item closes the gap', async () => {
      const m = await createMeeting(t, admin, agb.board.id);
      const del = await t.request({
        method: 'DELETE',
        url: `/api/v1/agenda-items/${m.items[1]!.id}`,
        as: admin,
      });
      expect(del.statusCode).toBe(204);
      const items = await agenda(m.id);
      expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5]);
      expect(items.map((i) => i.title)).not.toContain('Notes of last meeting');
      const positions = await t.database.db
        .selectFrom('agenda_items')
        .select('position')
        .where('meeting_id', '=', m.id)
        .orderBy('position')
        .execute();
      expect(positions.map((p) => p.position)).toEqual([1, 2, 3, 4, 5]);
      expectProblem(
        await t.request({ method: 'GET', url: `/api/v1/agenda-items/${m.items[1]!.id}`, as: admin }),
        404,
      );
    });
  });

  describe('confidentiality', () => {
    let meetingId: string;
    let exempt: Item;
    let opccOnly: Item;
    let member: TestUser;
    let officer: TestUser;
    let otherSecretariat: TestUser;
    let secretariat: TestUser;
    const EXEMPT_TITLE = 'Covert tactics review (exempt)';
    const OPCC_TITLE = 'Chief Constable appraisal — OPCC only';

    beforeAll(async () => {
      const m = await createMeeting(t, admin, agb.board.id, { date: '2026-05-19' });
      meetingId = m.id;
      // Hidden items in the middle of the agenda, so a gap in numbering would show.
      exempt = await addItem(t, admin, m.id, {
        title: EXEMPT_TITLE,
        kind: 'report',
        confidentiality: 'exempt',
        exemptReason: 'Paragraph 7: prevention or detection of crime',
      });
      opccOnly = await addItem(t, admin, m.id, { title: OPCC_TITLE, confidentiality: 'opcc_only' });
      await addItem(t, admin, m.id, { title: 'Any Other Business', kind: 'aob' });
      const other = await createBoard(t, admin);
      member = await t.user({ roles: ['member'] });
      officer = await t.user({ roles: ['officer'], organisationId: agb.wmp.id });
      otherSecretariat = await t.user({ roles: ['secretariat'], boards: [other.id] });
      secretariat = await t.user({ roles: ['secretariat'], boards: [agb.board.id] });
    });

    it('exempt needs a reason', async () => {
      const res = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/agenda`,
        as: admin,
        payload: { title: 'No reason', confidentiality: 'exempt' },
      });
      expect(expectProblem(res, 400).errors).toEqual([{ path: 'body.exemptReason', message: 'required' }]);
      expectProblem(await patch(exempt, { exemptReason: null }, `W/"${exempt.id}:${exempt.version}"`), 400);
    });

    it('a member sees public items and, by title alone, the exempt items the board lists, numbered 1..n without gaps, and nothing of the rest', async () => {
      for (const viewer of [member, otherSecretariat]) {
        const items = await agenda(meetingId, viewer);
        expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
        // The board lists exempt items by title (the default), as its published agenda does.
        const listed = items.filter((i) => i.confidentiality !== 'public');
        expect(listed).toEqual([
          expect.objectContaining({
            title: EXEMPT_TITLE,
            withheld: true,
            bodyHtml: '',
            exemptReason: null,
            papers: [],
          }),
        ]);
        expect(items.filter((i) => i.confidentiality === 'public')).toHaveLength(7);
        const detail = await t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}`, as: viewer });
        expect(detail.body).not.toContain(OPCC_TITLE);
        for (const hidden of [exempt, opccOnly]) {
          expectProblem(
            await t.request({ method: 'GET', url: `/api/v1/agenda-items/${hidden.id}`, as: viewer }),
            404,
          );
          expectProblem(
            await t.request({ method: 'GET', url: `/api/v1/agenda-items/${hidden.id}/papers`, as: viewer }),
            404,
          );
        }
      }
    });

    it('attendance and declarations tied to a hidden item are left out for those who cannot see it', async () => {
      const person = agb.people['Jonathan Jardine']!;
      const att = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/attendance`,
        as: admin,
        payload: { personId: person, status: 'in_attendance', forItemId: opccOnly.id },
      });
      expect(att.statusCode, att.body).toBe(201);
      const dec = await t.request({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/declarations`,
        as: admin,
        payload: { personId: person, itemId: exempt.id, interest: 'Related to a party in the review' },
      });
      expect(dec.statusCode, dec.body).toBe(201);
      const seen = async (viewer: TestUser) => {
        const detail = (
          await t.request({ method: 'GET', url: `/api/v1/meetings/${meetingId}`, as: viewer })
        ).json() as {
          attendance: { inAttendance: unknown[] };
          declarations: unknown[];
        };
        const attendance = await t.request({
          method: 'GET',
          url: `/api/v1/meetings/${meetingId}/attendance`,
          as: viewer,
        });
        const declarations = await t.request({
          method: 'GET',
          url: `/api/v1/meetings/${meetingId}/declarations`,
          as: viewer,
        });
        return [
          detail.attendance.inAttendance.length,
          detail.declarations.length,
          (attendance.json() as { items: unknown[] }).items.length,
          (declarations.json() as { items: unknown[] }).items.length,
        ];
      };
      expect(await seen(admin)).toEqual([1, 1, 1, 1]);
      expect(await seen(officer)).toEqual([0, 1, 0, 1]);
      expect(await seen(member)).toEqual([0, 0, 0, 0]);
    });

    it('an officer sees exempt items but not OPCC-only ones', async () => {
      const items = await agenda(meetingId, officer);
      expect(items.map((i) => i.title)).toContain(EXEMPT_TITLE);
      expect(items.map((i) => i.title)).not.toContain(OPCC_TITLE);
      expect(items.map((i) => i.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
      expectProblem(
        await t.request({ method: 'GET', url: `/api/v1/agenda-items/${opccOnly.id}`, as: officer }),
        404,
      );
      expect(
        (await t.request({ method: 'GET', url: `/api/v1/agenda-items/${exempt.id}`, as: officer }))
          .statusCode,
      ).toBe(200);
    });

    it('the board’s secretariat and admins see everything', async () => {
      for (const viewer of [secretariat, admin]) {
        const titles = (await agenda(meetingId, viewer)).map((i) => i.title);
        expect(titles).toHaveLength(9);
        expect(titles).toEqual(expect.arrayContaining([EXEMPT_TITLE, OPCC_TITLE]));
      }
    });

    it('writing to an item you cannot see is 404, not 403: its existence stays hidden', async () => {
      for (const viewer of [member, officer, otherSecretariat]) {
        expectProblem(await patch(opccOnly, { title: 'x' }, `W/"${opccOnly.id}:1"`, viewer), 404);
        expectProblem(
          await t.request({ method: 'DELETE', url: `/api/v1/agenda-items/${opccOnly.id}`, as: viewer }),
          404,
        );
      }
      // Visible but not theirs to change: 403.
      expectProblem(await patch(exempt, { title: 'x' }, `W/"${exempt.id}:1"`, officer), 403);
      const row = await t.database.db
        .selectFrom('agenda_items')
        .select('title')
        .where('id', '=', opccOnly.id)
        .executeTakeFirstOrThrow();
      expect(row.title).toBe(OPCC_TITLE);
    });

    it('making an item public again drops its exempt reason', async () => {
      const item = await addItem(t, admin, meetingId, {
        title: 'Temp',
        confidentiality: 'exempt',
        exemptReason: 'Paragraph 1',
      });
      const res = await patch(item, { confidentiality: 'public' }, `W/"${item.id}:1"`);
      expect(res.json()).toMatchObject({ confidentiality: 'public', exemptReason: null });
    });
  });

  it('unknown presenters are 404 and nothing is written', async () => {
    const m = await createMeeting(t, admin, agb.board.id);
    const res = await t.request({
      method: 'POST',
      url: `/api/v1/meetings/${m.id}/agenda`,
      as: admin,
      payload: {
        title: 'Ghost',
        presenters: [{ personId: '00000000-0000-4000-8000-000000000000', printed: 'Nobody' }],
      },
    });
    expectProblem(res, 404);
    expect((await agenda(m.id)).map((i) => i.title)).not.toContain('Ghost');
  });

  it('writes item changes to the audit log with before and after', async () => {
    const m = await createMeeting(t, admin, agb.board.id);
    const item = m.items[0]!;
    await patch(item, { title: 'Attendance' }, `W/"${item.id}:1"`);
    const row = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', item.id)
      .where('action', '=', 'agenda_item.update')
      .executeTakeFirstOrThrow();
    expect(row.before).toMatchObject({ title: 'Attendees', version: 1 });
    expect(row.after).toMatchObject({ title: 'Attendance', version: 2 });
  });
});
