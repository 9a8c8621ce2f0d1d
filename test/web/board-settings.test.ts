/**
 * The board's standing items on the staff board page, through app.inject: two clerks with the same
 * page open; the second to save is told, nothing of the first is overwritten, and what the second
 * typed is shown again so it can be saved on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { tokenIn, webClient } from './web-client.ts';

describe('board standing items', () => {
  let t: TestApp;
  let boardId: string;
  let clerkA: TestUser;
  let clerkB: TestUser;
  const web = webClient(() => t.app);

  beforeAll(async () => {
    t = await createTestApp({ LOGIN_RATE_LIMIT_PER_MINUTE: '100' });
    const admin = await t.user({ roles: ['admin'] });
    boardId = (await createBoard(t, admin, { name: 'Accountability and Governance Board' })).id;
    clerkA = await t.user({ roles: ['secretariat'], boards: [boardId] });
    clerkB = await t.user({ roles: ['secretariat'], boards: [boardId] });
  });
  afterAll(() => t.close());

  const versionIn = (html: string) => /name="version" value="(\d+)"/.exec(html)?.[1];

  it('refuses a save over someone else’s, keeping both', async () => {
    const a = await web.signIn(clerkA.email, '/staff');
    const b = await web.signIn(clerkB.email, '/staff');
    const url = `/staff/boards/${boardId}`;
    const pageA = await web.get(a.jar, url);
    const pageB = await web.get(b.jar, url);
    expect(versionIn(pageA.body)).toBe('1');
    const save = (jar: typeof a.jar, page: string, title: string) =>
      web.post(jar, `${url}/settings`, {
        _csrf: tokenIn(page),
        version: versionIn(page) ?? '',
        title,
        kind: 'other',
        questionDeadlineDays: '7',
      });

    const first = await save(a.jar, pageA.body, 'PCC Update');
    expect(first.statusCode).toBe(303);
    const second = await save(b.jar, pageB.body, 'Questions from members');
    expect(second.statusCode).toBe(409);
    expect(second.body).toContain('Someone else changed the standing items');
    expect(second.body).toContain('value="Questions from members"');
    expect(versionIn(second.body)).toBe('2');

    const stored = await t.database.db
      .selectFrom('boards')
      .select(['standing_items', 'version'])
      .where('id', '=', boardId)
      .executeTakeFirstOrThrow();
    expect(stored.standing_items.map((s) => s.title)).toEqual(['PCC Update']);

    // Saving again, having seen the warning, replaces theirs on purpose.
    const again = await save(b.jar, second.body, 'Questions from members');
    expect(again.statusCode).toBe(303);
    const after = await t.database.db
      .selectFrom('boards')
      .select(['standing_items', 'version'])
      .where('id', '=', boardId)
      .executeTakeFirstOrThrow();
    expect(after.standing_items.map((s) => s.title)).toEqual(['Questions from members']);
    expect(after.version).toBe(3);
  });
});
