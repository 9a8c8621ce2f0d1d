import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { AGB_STANDING_ITEMS, createBoard } from './meetings-fixtures.ts';

describe('boards', () => {
  let t: TestApp;
  let admin: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
  });
  afterAll(() => t.close());

  it('an admin creates a board that every signed-in user can read', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/boards',
      as: admin,
      payload: {
        name: 'Accountability and Governance Board',
        code: 'AGB',
        description: 'The PCC holds the Chief Constable to account — in public.',
        standingItems: AGB_STANDING_ITEMS,
        questionDeadlineDays: 10,
        listExemptTitles: false,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const board = res.json() as { id: string };
    expect(res.json()).toMatchObject({
      name: 'Accountability and Governance Board',
      code: 'AGB',
      standingItems: AGB_STANDING_ITEMS,
      questionDeadlineDays: 10,
      listExemptTitles: false,
    });
    const member = await t.user({ roles: ['member'] });
    const read = await t.request({ method: 'GET', url: `/api/v1/boards/${board.id}`, as: member });
    expect(read.json()).toEqual(res.json());
    const list = await t.request({ method: 'GET', url: '/api/v1/boards', as: member });
    expect((list.json() as { items: { code: string }[] }).items.map((b) => b.code)).toContain('AGB');
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/boards' }), 401);
  });

  it('defaults: no standing items, a seven-day question deadline, exempt titles listed', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/boards',
      as: admin,
      payload: { name: 'Ethics Committee', code: 'EC' },
    });
    expect(res.json()).toMatchObject({
      description: '',
      standingItems: [],
      questionDeadlineDays: 7,
      listExemptTitles: true,
    });
  });

  it('codes are unique (409) and shaped like AGB (400)', async () => {
    await createBoard(t, admin, { code: 'DUP1' });
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/boards',
        as: admin,
        payload: { name: 'Again', code: 'DUP1' },
      }),
      409,
    );
    for (const code of ['agb', 'A', 'ABCDEFGHIJK', 'AG B', 'AGB-1', '']) {
      expectProblem(
        await t.request({ method: 'POST', url: '/api/v1/boards', as: admin, payload: { name: 'X', code } }),
        400,
      );
    }
  });

  it('the board’s own secretariat may update it; another board’s secretariat may not', async () => {
    const board = await createBoard(t, admin);
    const other = await createBoard(t, admin);
    const own = await t.user({ roles: ['secretariat'], boards: [board.id] });
    const foreign = await t.user({ roles: ['secretariat'], boards: [other.id] });
    const url = `/api/v1/boards/${board.id}`;
    const ok = await t.request({
      method: 'PATCH',
      url,
      as: own,
      headers: { 'if-match': `W/"${board.id}:1"` },
      payload: { questionDeadlineDays: 5, name: "Mike O'Hara's board 😀" },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe(`W/"${board.id}:2"`);
    expect(ok.json()).toMatchObject({ questionDeadlineDays: 5, name: "Mike O'Hara's board 😀" });
    expectProblem(
      await t.request({ method: 'PATCH', url, as: foreign, payload: { questionDeadlineDays: 1 } }),
      403,
    );
    expectProblem(
      await t.request({
        method: 'POST',
        url: '/api/v1/boards',
        as: own,
        payload: { name: 'Mine', code: 'MINE' },
      }),
      403,
    );
    expectProblem(
      await t.request({
        method: 'PATCH',
        url,
        as: own,
        headers: { 'if-match': String(ok.headers.etag) },
        payload: { code: other.code },
      }),
      409,
    );
    const row = await t.database.db
      .selectFrom('boards')
      .selectAll()
      .where('id', '=', board.id)
      .executeTakeFirstOrThrow();
    expect(row.question_deadline_days).toBe(5);
  });

  it('needs If-Match to change a board: 428 without, 412 when someone saved first, and nothing changes', async () => {
    const board = await createBoard(t, admin);
    const url = `/api/v1/boards/${board.id}`;
    const read = await t.request({ method: 'GET', url, as: admin });
    expect(read.headers.etag).toBe(`W/"${board.id}:1"`);
    const patch = (description: string, ifMatch?: string) =>
      t.request({
        method: 'PATCH',
        url,
        as: admin,
        headers: ifMatch ? { 'if-match': ifMatch } : {},
        payload: { description },
      });
    expectProblem(await patch('Without If-Match'), 428);
    const first = await patch('First editor', String(read.headers.etag));
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().version).toBe(2);
    expectProblem(await patch('Second editor, stale', String(read.headers.etag)), 412);
    const now = await t.request({ method: 'GET', url, as: admin });
    expect(now.json().description).toBe('First editor');
    expect(now.headers.etag).toBe(`W/"${board.id}:2"`);
  });

  it('unknown and malformed ids', async () => {
    expectProblem(
      await t.request({
        method: 'GET',
        url: '/api/v1/boards/00000000-0000-4000-8000-000000000000',
        as: admin,
      }),
      404,
    );
    expectProblem(await t.request({ method: 'GET', url: '/api/v1/boards/not-a-uuid', as: admin }), 400);
    expectProblem(
      await t.request({
        method: 'PATCH',
        url: '/api/v1/boards/00000000-0000-4000-8000-000000000000',
        as: admin,
        payload: { name: 'x' },
      }),
      404,
    );
  });

  it('refuses unknown fields, bad kinds and oversized text', async () => {
    const cases = [
      { name: 'X', code: 'XA', id: '00000000-0000-4000-8000-000000000000' },
      { name: 'X', code: 'XB', standingItems: [{ title: 'Y', kind: 'party' }] },
      { name: 'X', code: 'XC', standingItems: [{ title: '', kind: 'aob' }] },
      { name: 'x'.repeat(201), code: 'XD' },
      { name: 'X', code: 'XE', questionDeadlineDays: -1 },
      { name: 'X', code: 'XF', questionDeadlineDays: 1.5 },
      { name: 'X\u0000', code: 'XG' },
      { name: '   ', code: 'XH' },
    ];
    for (const payload of cases) {
      expectProblem(await t.request({ method: 'POST', url: '/api/v1/boards', as: admin, payload }), 400);
    }
    expect(
      await t.database.db.selectFrom('boards').select('code').where('code', 'like', 'X%').execute(),
    ).toEqual([]);
  });

  it('writes creates and updates to the audit log', async () => {
    const board = await createBoard(t, admin);
    await t.request({
      method: 'PATCH',
      url: `/api/v1/boards/${board.id}`,
      as: admin,
      headers: { 'if-match': `W/"${board.id}:1"` },
      payload: { description: 'New' },
    });
    const rows = await t.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', board.id)
      .orderBy('at')
      .execute();
    expect(rows.map((r) => r.action)).toEqual(['board.create', 'board.update']);
    expect(rows[1]!.after).toMatchObject({ description: 'New' });
  });
});
