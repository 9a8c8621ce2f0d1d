import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { createReferenceBoard, type ReferenceBoard } from '../helpers/domain-fixtures.ts';

const api = '/api/v1';

interface Entry {
  id: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  actorUserId: string;
  actorName: string | null;
  before: unknown;
  after: unknown;
}

describe('audit log', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let other: ReferenceBoard;
  let admin: TestUser;
  let secretariat: TestUser;
  let otherSecretariat: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    other = await createReferenceBoard(t.database.db, { code: 'SPB' });
    admin = await t.user({ roles: ['admin'] });
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
    otherSecretariat = await t.user({ roles: ['secretariat'], boards: [other.board.id] });
    const post = (as: TestUser, url: string, payload: object) =>
      t.request({ method: 'POST', url: `${api}${url}`, as, payload });
    ids.action = (
      await post(secretariat, `/meetings/${ref.march.id}/actions`, {
        text: 'WMP to report.',
        ownerOrganisationId: ref.wmp.id,
      })
    ).json().id;
    await post(secretariat, `/actions/${ids.action}/updates`, { text: 'Progress' });
    await post(secretariat, `/actions/${ids.action}/close`, { note: 'Done' });
    ids.question = (
      await post(secretariat, `/meetings/${ref.march.id}/questions`, { source: 'in_meeting', text: 'Why?' })
    ).json().id;
    ids.otherAction = (
      await post(otherSecretariat, `/meetings/${other.march.id}/actions`, {
        text: 'Elsewhere.',
        ownerOrganisationId: other.wmp.id,
      })
    ).json().id;
    ids.plan = (
      await post(secretariat, '/plans', {
        title: 'Police and Crime Plan 2025-2029',
        startsOn: '2025-05-08',
        endsOn: '2029-05-09',
      })
    ).json().id;
  });
  afterAll(() => t.close());

  const list = async (as: TestUser, query = '') => {
    const res = await t.request({ method: 'GET', url: `${api}/audit?${query}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: Entry[]; nextCursor: string | null };
  };

  it('shows an admin every entry, newest first, with before and after', async () => {
    const { items } = await list(admin, `entityType=action&entityId=${ids.action}`);
    expect(items.map((e) => e.action)).toEqual(['action.close', 'action.update_added', 'action.create']);
    expect(items[0]).toMatchObject({
      before: { status: 'open' },
      after: { status: 'closed', closureNote: 'Done' },
    });
    const all = await list(admin, 'limit=200');
    expect(all.items.map((e) => e.entityId)).toEqual(
      expect.arrayContaining([ids.plan, ids.otherAction, ids.question]),
    );
  });

  it('shows the secretariat only entries about its own boards’ entities (not plans, users or other boards)', async () => {
    const mine = (await list(secretariat, 'limit=200')).items;
    const entities = new Set(mine.map((e) => e.entityId));
    expect(entities).toEqual(new Set([ids.action, ids.question]));
    const theirs = (await list(otherSecretariat, 'limit=200')).items;
    expect(new Set(theirs.map((e) => e.entityId))).toEqual(new Set([ids.otherAction]));
    expect((await list(secretariat, `entityId=${ids.otherAction}`)).items).toEqual([]);
  });

  it('filters by actor and time, and pages with a cursor without repeats', async () => {
    const byOther = (await list(admin, `actorUserId=${otherSecretariat.id}&entityType=action`)).items;
    expect(byOther.map((e) => e.action)).toEqual(['action.create']);
    const future = encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString());
    expect((await list(admin, `from=${future}`)).items).toEqual([]);
    const everything = (await list(admin, `to=${future}&limit=200`)).items.map((e) => e.id);
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await list(admin, `limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      paged.push(...page.items.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(paged).toEqual(everything);
  });

  it('refuses members, officers and anonymous callers, and bad filters', async () => {
    const member = await t.user({ roles: ['member'] });
    const officer = await t.user({ roles: ['officer'], organisationId: ref.wmp.id });
    expectProblem(await t.request({ method: 'GET', url: `${api}/audit`, as: member }), 403);
    expectProblem(await t.request({ method: 'GET', url: `${api}/audit`, as: officer }), 403);
    expectProblem(await t.request({ method: 'GET', url: `${api}/audit` }), 401);
    for (const query of [
      'from=yesterday',
      'entityId=nope',
      'entityType=DROP%20TABLE',
      'limit=0',
      'cursor=%%%',
      'cursor=WzFd',
    ]) {
      expectProblem(await t.request({ method: 'GET', url: `${api}/audit?${query}`, as: admin }), 400);
    }
  });

  it('records who acted by name, and names the actor of older entries that stored none', async () => {
    const stored = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_name', 'actor_user_id'])
      .where('entity_id', '=', ids.action ?? '')
      .execute();
    const me = await t.database.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', secretariat.id)
      .executeTakeFirstOrThrow();
    expect(stored.length).toBeGreaterThan(0);
    for (const row of stored)
      expect(row).toEqual({ actor_name: me.display_name, actor_user_id: secretariat.id });
    // An entry written before names were recorded.
    await t.database.db
      .insertInto('audit_log')
      .values({
        actor_user_id: otherSecretariat.id,
        actor_name: null,
        action: 'meeting.update',
        entity_type: 'meeting',
        entity_id: other.march.id,
      })
      .execute();
    const { items } = await list(admin, `entityId=${other.march.id}&entityType=meeting`);
    const old = items.find((e) => e.action === 'meeting.update' && e.actorUserId === otherSecretariat.id);
    const them = await t.database.db
      .selectFrom('users')
      .select('display_name')
      .where('id', '=', otherSecretariat.id)
      .executeTakeFirstOrThrow();
    expect(old?.actorName).toBe(them.display_name);
  });

  it('filters by board: a board the caller administers only', async () => {
    const theirs = (await list(admin, `boardId=${other.board.id}&limit=200`)).items;
    expect(theirs.map((e) => e.entityId)).toContain(ids.otherAction);
    expect(theirs.map((e) => e.entityId)).not.toContain(ids.action);
    const mine = (await list(secretariat, `boardId=${ref.board.id}&limit=200`)).items;
    expect(new Set(mine.map((e) => e.entityId))).toEqual(new Set([ids.action, ids.question]));
    expectProblem(
      await t.request({ method: 'GET', url: `${api}/audit?boardId=${other.board.id}`, as: secretariat }),
      403,
    );
  });
});
