import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAllActions } from '../../src/modules/actions/service.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import {
  createBoard,
  createMeeting,
  createReferenceBoard,
  type ReferenceBoard,
  snapshot,
} from '../helpers/domain-fixtures.ts';

const api = '/api/v1';

/** The four actions of the reference notes, with the item each was raised under. */
const wmpActions = [
  {
    item: 'domesticAbuse',
    text: "WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
  },
  {
    item: 'domesticAbuse',
    text: 'WMP to provide the OPCC with an expected figure of non-molestation orders resulting in arrest.',
  },
  { item: 'vawg', text: 'WMP to provide OPCC with the Matrix to understand risk around these incidents.' },
  {
    item: 'vawg',
    text: 'WMP to provide OPCC with accurate data RE current arrest and conviction rates for perpetrator spiking and upskirting.',
  },
] as const;

interface ActionJson {
  id: string;
  reference: string;
  status: string;
  dueDate: string | null;
  version: number;
  overdue: boolean;
  latestUpdate: { kind: string; text: string } | null;
  updates: { kind: string; text: string; public: boolean; evidence: { fileId: string } | null; id: string }[];
}

describe('actions', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let secretariat: TestUser;
  let officerWmp: TestUser;
  let officerOpcc: TestUser;
  let member: TestUser;
  const created: ActionJson[] = [];
  let raneemQuestionId: string;

  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
    officerWmp = await t.user({ roles: ['officer'], organisationId: ref.wmp.id });
    officerOpcc = await t.user({ roles: ['officer'], organisationId: ref.opcc.id });
    member = await t.user({ roles: ['member'] });
    const q = await post(`/meetings/${ref.march.id}/questions`, secretariat, {
      source: 'in_meeting',
      itemId: ref.items.domesticAbuse.id,
      text: "In relation to Raneem's Law, what is the timeline in which calls are considered by DA specialists?",
      answerBullets: ["WMP are working to ensure the implementation of Raneem's Law is impactful."],
    });
    raneemQuestionId = q.json().id;
  });
  afterAll(() => t.close());

  function post(
    url: string,
    as: TestUser | undefined,
    payload: unknown,
    headers: Record<string, string> = {},
  ) {
    return t.request({ method: 'POST', url: `${api}${url}`, as, payload: payload as object, headers });
  }
  const get = (url: string, as?: TestUser) => t.request({ method: 'GET', url: `${api}${url}`, as });
  const patch = (url: string, as: TestUser, payload: unknown, ifMatch?: string) =>
    t.request({
      method: 'PATCH',
      url: `${api}${url}`,
      as,
      payload: payload as object,
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });
  const tables = ['actions', 'action_updates', 'files'] as const;

  it('gives the four WMP actions the references AGB/2026-03/1..4, due at the next meeting', async () => {
    for (const [i, a] of wmpActions.entries()) {
      const res = await post(`/meetings/${ref.march.id}/actions`, secretariat, {
        text: a.text,
        ownerOrganisationId: ref.wmp.id,
        ownerPersonId: ref.people.north.id,
        itemId: ref.items[a.item].id,
        ...(i === 0 ? { questionId: raneemQuestionId } : {}),
      });
      expect(res.statusCode, res.body).toBe(201);
      created.push(res.json());
    }
    expect(created.map((a) => a.reference)).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/2',
      'AGB/2026-03/3',
      'AGB/2026-03/4',
    ]);
    expect(created[0]).toMatchObject({
      text: wmpActions[0].text,
      ownerOrganisationShortName: 'WMP',
      ownerPersonName: 'Richard North',
      meetingDate: '2026-03-24',
      itemTitle: 'Domestic Abuse',
      itemPosition: 6,
      questionId: raneemQuestionId,
      dueDate: '2026-04-28',
      status: 'open',
      confidentiality: 'public',
      overdue: true,
      updates: [],
    });
  });

  it('defaults the due date to the meeting date + 28 days when no later meeting is known', async () => {
    const board = await createBoard(t.database.db, { code: 'SOLO' });
    const admin = await t.user({ roles: ['admin'] });
    const meeting = await createMeeting(t.database.db, board.id, { startsAt: '2026-06-30T23:30:00Z' });
    const res = await post(`/meetings/${meeting.id}/actions`, admin, {
      text: 'x',
      ownerOrganisationId: ref.wmp.id,
    });
    // 23:30 UTC on 30 June is 00:30 on 1 July in London: the reference takes July and the due date counts from 1 July.
    expect(res.json()).toMatchObject({
      reference: 'SOLO/2026-07/1',
      dueDate: '2026-07-29',
      meetingDate: '2026-07-01',
    });
  });

  it('allocates unique references under concurrent creates', async () => {
    const board = await createBoard(t.database.db, { code: 'RACE' });
    const admin = await t.user({ roles: ['admin'] });
    const meeting = await createMeeting(t.database.db, board.id, { startsAt: '2026-05-12T09:00:00Z' });
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        post(`/meetings/${meeting.id}/actions`, admin, {
          text: `Action ${i}`,
          ownerOrganisationId: ref.wmp.id,
        }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
    const refs = results.map((r) => r.json().reference).sort();
    expect(refs).toEqual([1, 2, 3, 4, 5, 6].map((n) => `RACE/2026-05/${n}`).sort());
  });

  it('an officer of WMP sees WMP actions and updates them; the first update moves the action to in_progress', async () => {
    const list = await get(
      `/actions?ownerOrganisationId=${ref.wmp.id}&boardId=${ref.board.id}&sort=reference`,
      officerWmp,
    );
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((a: ActionJson) => a.reference)).toEqual(created.map((a) => a.reference));
    // Published on the public website by choice (the default is not to; action-update-visibility.test.ts).
    const res = await post(`/actions/${created[0]!.id}/updates`, officerWmp, {
      text: "Data on Raneem's Law is being audited by O'Hara's team — £0 cost 🚓",
      public: true,
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: 'in_progress' });
    expect(res.json().updates).toEqual([
      expect.objectContaining({
        kind: 'update',
        text: "Data on Raneem's Law is being audited by O'Hara's team — £0 cost 🚓",
        public: true,
      }),
    ]);
    const row = (await get(`/actions?boardId=${ref.board.id}&sort=reference`, member)).json().items[0];
    expect(row.latestUpdate).toMatchObject({ kind: 'update' });
  });

  it('an update by the secretariat leaves the status alone', async () => {
    const res = await post(`/actions/${created[1]!.id}/updates`, secretariat, { text: 'Chased by email.' });
    expect(res.json().status).toBe('open');
  });

  it('an officer of another organisation cannot update, propose or close a WMP action (403, nothing changed)', async () => {
    const before = await snapshot(t.database.db, [...tables]);
    expectProblem(await post(`/actions/${created[2]!.id}/updates`, officerOpcc, { text: 'Not ours' }), 403);
    expectProblem(
      await post(`/actions/${created[2]!.id}/propose-completion`, officerOpcc, { text: 'Done' }),
      403,
    );
    expectProblem(await post(`/actions/${created[2]!.id}/close`, officerWmp, { note: 'We say done' }), 403);
    expectProblem(await post(`/actions/${created[2]!.id}/reopen`, officerWmp, { note: 'x' }), 403);
    expectProblem(
      await patch(`/actions/${created[2]!.id}`, officerWmp, { text: 'x' }, `W/"${created[2]!.id}:1"`),
      403,
    );
    expect(await snapshot(t.database.db, [...tables])).toBe(before);
  });

  it('the owning officer proposes completion; the secretariat closes with a note on a given day', async () => {
    const proposed = await post(`/actions/${created[2]!.id}/propose-completion`, officerWmp, {
      text: 'The Matrix was sent to the OPCC on 14 April.',
    });
    expect(proposed.statusCode, proposed.body).toBe(200);
    expect(proposed.json().status).toBe('completion_proposed');
    expectProblem(
      await post(`/actions/${created[2]!.id}/propose-completion`, officerWmp, { text: 'again' }),
      409,
    );
    const closed = await post(`/actions/${created[2]!.id}/close`, secretariat, {
      note: 'Matrix received; closed.',
      closedOn: '2026-04-20',
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({
      status: 'closed',
      closureNote: 'Matrix received; closed.',
      overdue: false,
    });
    expect(closed.json().closedAt).toBe('2026-04-20T22:59:59.999Z');
    expect(closed.json().updates.map((u: { kind: string }) => u.kind)).toEqual([
      'completion_proposed',
      'closed',
    ]);
    expectProblem(await post(`/actions/${created[2]!.id}/updates`, officerWmp, { text: 'late' }), 409);
    expectProblem(await post(`/actions/${created[2]!.id}/close`, secretariat, { note: 'twice' }), 409);
    expectProblem(
      await post(`/actions/${created[3]!.id}/close`, secretariat, { note: 'future', closedOn: '2099-01-01' }),
      400,
    );
  });

  it('matters arising at the 28 April meeting lists the still-open March actions and not the closed one', async () => {
    const res = await get(`/meetings/${ref.april.id}/matters-arising`, member);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().meetingDate).toBe('2026-04-28');
    expect(res.json().items.map((a: ActionJson) => a.reference)).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/2',
      'AGB/2026-03/4',
    ]);
    expect(res.json().items[0].latestUpdate).toMatchObject({ kind: 'update' });
    // The March meeting's own actions are not its matters arising.
    expect((await get(`/meetings/${ref.march.id}/matters-arising`, member)).json().items).toEqual([]);
  });

  it('an action closed after a meeting still shows at that meeting (it was open then) and carries to the next', async () => {
    const june = await createMeeting(t.database.db, ref.board.id, { startsAt: '2026-06-23T09:00:00Z' });
    const closed = await post(`/actions/${created[3]!.id}/close`, secretariat, { note: 'Data received.' });
    expect(closed.statusCode, closed.body).toBe(200);
    const april = (await get(`/meetings/${ref.april.id}/matters-arising`, member)).json().items;
    expect(april.map((a: ActionJson) => a.reference)).toContain('AGB/2026-03/4');
    const later = (await get(`/meetings/${june.id}/matters-arising`, member)).json().items;
    expect(later.map((a: ActionJson) => a.reference)).toContain('AGB/2026-03/1');
    const reopened = await post(`/actions/${created[3]!.id}/reopen`, secretariat, {
      note: 'Figures incomplete.',
    });
    expect(reopened.json()).toMatchObject({ status: 'open', closedAt: null, closureNote: null });
  });

  it('PATCH needs If-Match; reassigning logs a "reassigned" update; superseding takes it off the open list', async () => {
    const got = await get(`/actions/${created[1]!.id}`, secretariat);
    const etag = got.headers.etag as string;
    expectProblem(await patch(`/actions/${created[1]!.id}`, secretariat, { dueDate: '2026-06-30' }), 428);
    const res = await patch(
      `/actions/${created[1]!.id}`,
      secretariat,
      { ownerOrganisationId: ref.opcc.id, dueDate: '2026-06-30' },
      etag,
    );
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      ownerOrganisationShortName: 'OPCC',
      ownerPersonId: null,
      dueDate: '2026-06-30',
    });
    expect(res.json().updates.at(-1)).toMatchObject({
      kind: 'reassigned',
      text: 'Reassigned from WMP (Richard North) to OPCC.',
    });
    expectProblem(await patch(`/actions/${created[1]!.id}`, secretariat, { text: 'stale' }, etag), 412);
    const superseded = await patch(
      `/actions/${created[1]!.id}`,
      secretariat,
      { status: 'superseded' },
      res.headers.etag as string,
    );
    expect(superseded.json().status).toBe('superseded');
    expectProblem(
      await patch(
        `/actions/${created[1]!.id}`,
        secretariat,
        { status: 'closed' },
        superseded.headers.etag as string,
      ),
      400,
    );
    // Now the officer of the OPCC answers for it, the WMP officer no longer does.
    expectProblem(await post(`/actions/${created[1]!.id}/updates`, officerWmp, { text: 'x' }), 403);
  });

  it('an Idempotency-Key replays the same action and creates no duplicate', async () => {
    const body = { text: 'Idempotent action', ownerOrganisationId: ref.wmp.id };
    const headers = { 'idempotency-key': 'action-create-1' };
    const first = await post(`/meetings/${ref.march.id}/actions`, secretariat, body, headers);
    const again = await post(`/meetings/${ref.march.id}/actions`, secretariat, body, headers);
    expect(first.statusCode).toBe(201);
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json()).toEqual(first.json());
    const rows = await t.database.db
      .selectFrom('actions')
      .select('id')
      .where('text', '=', 'Idempotent action')
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('filters, sorts and pages the action log with a cursor', async () => {
    const all: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/actions?boardId=${ref.board.id}&sort=reference&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await get(url, secretariat);
      expect(res.statusCode, res.body).toBe(200);
      all.push(...res.json().items.map((a: ActionJson) => a.reference));
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(all).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/2',
      'AGB/2026-03/3',
      'AGB/2026-03/4',
      'AGB/2026-03/5',
    ]);
    const refs = async (query: string) =>
      (await get(`/actions?boardId=${ref.board.id}&sort=reference&${query}`, secretariat))
        .json()
        .items.map((a: ActionJson) => a.reference);
    expect(await refs('status=closed,superseded')).toEqual(['AGB/2026-03/2', 'AGB/2026-03/3']);
    expect(await refs('status=open&status=in_progress')).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/4',
      'AGB/2026-03/5',
    ]);
    expect(await refs('overdue=true')).toEqual(['AGB/2026-03/1', 'AGB/2026-03/4', 'AGB/2026-03/5']);
    expect(await refs('overdue=false')).toEqual(['AGB/2026-03/2', 'AGB/2026-03/3']);
    expect(await refs('dueBefore=2026-05-01')).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/3',
      'AGB/2026-03/4',
      'AGB/2026-03/5',
    ]);
    expect(await refs(`ownerPersonId=${ref.people.north.id}`)).toEqual([
      'AGB/2026-03/1',
      'AGB/2026-03/3',
      'AGB/2026-03/4',
    ]);
    const desc = (await get(`/actions?boardId=${ref.board.id}&sort=-reference&limit=3`, secretariat)).json();
    expect(desc.items.map((a: ActionJson) => a.reference)).toEqual([
      'AGB/2026-03/5',
      'AGB/2026-03/4',
      'AGB/2026-03/3',
    ]);
    const byDue = (await get(`/actions?meetingId=${ref.march.id}&sort=dueDate`, secretariat)).json().items;
    expect(byDue.at(-1).dueDate).toBe('2026-06-30');
    expectProblem(await get(`/actions?cursor=${desc.nextCursor}`, secretariat), 400); // a cursor of another sort
  });

  it('listAllActions (for action-log documents) walks every page with the same filters', async () => {
    const actor = {
      userId: (await get('/auth/me', secretariat)).json().id,
      email: secretariat.email,
      displayName: 'Secretariat',
      roles: ['secretariat' as const],
      organisationId: null,
      personId: null,
      secretariatBoardIds: [ref.board.id],
    };
    const rows = await listAllActions(
      { db: t.database.db, actor, requestId: null },
      { boardId: ref.board.id, sort: 'reference' },
      3,
    );
    expect(rows.map((a) => a.reference)).toEqual(
      ['AGB/2026-03/1', 'AGB/2026-03/2', 'AGB/2026-03/3', 'AGB/2026-03/4', 'AGB/2026-03/5'].slice(
        0,
        rows.length,
      ),
    );
    expect(rows.length).toBeGreaterThanOrEqual(3);
  });

  it('OPCC-only actions are hidden from officers and exempt ones from members (list, get, matters arising)', async () => {
    const secret = await post(`/meetings/${ref.march.id}/actions`, secretariat, {
      text: 'OPCC to review the Xylophonist budget.',
      ownerOrganisationId: ref.opcc.id,
      itemId: ref.items.opccOnly.id,
    });
    expect(secret.json().confidentiality).toBe('opcc_only');
    const exempt = await post(`/meetings/${ref.march.id}/actions`, secretariat, {
      text: 'WMP to brief on Quetzalcoatlus.',
      ownerOrganisationId: ref.wmp.id,
      itemId: ref.items.exempt.id,
    });
    expect(exempt.json().confidentiality).toBe('exempt');
    expectProblem(
      await post(`/meetings/${ref.march.id}/actions`, secretariat, {
        text: 'Leaky',
        ownerOrganisationId: ref.wmp.id,
        itemId: ref.items.exempt.id,
        confidentiality: 'public',
      }),
      400,
    );
    expectProblem(await get(`/actions/${secret.json().id}`, officerOpcc), 404);
    expectProblem(await get(`/actions/${exempt.json().id}`, member), 404);
    expect((await get(`/actions/${exempt.json().id}`, officerWmp)).statusCode).toBe(200);
    const ids = async (u: TestUser, url: string) => JSON.stringify((await get(url, u)).json());
    expect(await ids(officerWmp, `/actions?boardId=${ref.board.id}`)).not.toContain(secret.json().id);
    expect(await ids(member, `/actions?boardId=${ref.board.id}`)).not.toContain(exempt.json().id);
    expect(await ids(member, `/meetings/${ref.april.id}/matters-arising`)).not.toContain(exempt.json().id);
    expect(await ids(secretariat, `/meetings/${ref.april.id}/matters-arising`)).toContain(secret.json().id);
    // Hidden actions cannot be updated either: 404, not 403.
    expectProblem(await post(`/actions/${exempt.json().id}/updates`, member, { text: 'x' }), 404);
  });

  it('non-public updates reach the secretariat and the owning organisation, not members', async () => {
    const res = await post(`/actions/${created[0]!.id}/updates`, officerWmp, {
      text: 'Internal note',
      public: false,
    });
    expect(res.statusCode).toBe(201);
    const texts = async (u: TestUser) =>
      (await get(`/actions/${created[0]!.id}`, u)).json().updates.map((x: { text: string }) => x.text);
    expect(await texts(member)).not.toContain('Internal note');
    expect(await texts(officerOpcc)).not.toContain('Internal note');
    expect(await texts(officerWmp)).toContain('Internal note');
    expect(await texts(secretariat)).toContain('Internal note');
    const memberRow = (await get(`/actions?boardId=${ref.board.id}&sort=reference`, member)).json().items[0];
    expect(memberRow.latestUpdate.text).not.toBe('Internal note');
  });

  it('accepts a small PDF as evidence (magic bytes checked) and serves it back', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const res = await post(`/actions/${created[0]!.id}/updates`, officerWmp, {
      text: 'Audited data attached.',
      public: true,
      evidence: { filename: 'Raneem’s Law data.pdf', contentBase64: pdf.toString('base64') },
    });
    expect(res.statusCode, res.body).toBe(201);
    const update = res.json().updates.at(-1);
    expect(update.evidence).toMatchObject({ filename: 'Raneem’s Law data.pdf', sizeBytes: pdf.length });
    const file = await get(`/actions/${created[0]!.id}/updates/${update.id}/evidence`, member);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(
      /^attachment; filename="Raneem_s Law data.pdf"; filename\*=UTF-8''Raneem%E2%80%99s/,
    );
    expect(file.rawPayload.equals(pdf)).toBe(true);
    const before = await snapshot(t.database.db, [...tables]);
    const html = Buffer.from('<html><script>alert(1)</script></html>').toString('base64');
    expectProblem(
      await post(`/actions/${created[0]!.id}/updates`, officerWmp, {
        text: 'x',
        evidence: { filename: 'a.pdf', contentBase64: html },
      }),
      415,
    );
    expectProblem(
      await post(`/actions/${created[0]!.id}/updates`, officerWmp, {
        text: 'x',
        evidence: { filename: 'a.pdf', contentBase64: 'abc' },
      }),
      400,
    );
    expect(await snapshot(t.database.db, [...tables])).toBe(before);
  });

  it('every write is in the audit log with before and after', async () => {
    const entries = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity_type', '=', 'action')
      .where('entity_id', '=', created[2]!.id)
      .orderBy('at')
      .execute();
    expect(entries.map((e) => e.action)).toEqual([
      'action.create',
      'action.completion_proposed',
      'action.close',
    ]);
    expect(entries[2]!.before).toMatchObject({ status: 'completion_proposed' });
    expect(entries[2]!.after).toMatchObject({ status: 'closed' });
  });
});
