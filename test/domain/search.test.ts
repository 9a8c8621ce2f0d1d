import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { createItem, createReferenceBoard, type ReferenceBoard } from '../helpers/domain-fixtures.ts';

const api = '/api/v1';

interface Hit {
  type: string;
  id: string;
  title: string;
  snippet: string;
  boardId: string;
  meetingDate: string;
}

describe('search', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let other: ReferenceBoard;
  let secretariat: TestUser;
  let officer: TestUser;
  let member: TestUser;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    other = await createReferenceBoard(t.database.db, { code: 'SPB' });
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
    officer = await t.user({ roles: ['officer'], organisationId: ref.wmp.id });
    member = await t.user({ roles: ['member'] });
    const post = (url: string, payload: object) =>
      t.request({ method: 'POST', url: `${api}${url}`, as: secretariat, payload });
    const question = await post(`/meetings/${ref.march.id}/questions`, {
      source: 'in_meeting',
      itemId: ref.items.domesticAbuse.id,
      text: 'How does the force plan to ensure longevity and full implementation of the pilots?',
      answerBullets: [
        "The performance measures agreed between PPU and Force Contact are demonstrating the benefit of having specialists deployed into contact as a result of Raneem's Law.",
      ],
    });
    ids.question = question.json().id;
    const action = await post(`/meetings/${ref.march.id}/actions`, {
      text: "WMP to provide OPCC with specific data in relation to Raneem's Law once finalised and audited.",
      ownerOrganisationId: ref.wmp.id,
      itemId: ref.items.domesticAbuse.id,
    });
    ids.action = action.json().id;
    // Hidden content that mentions Raneem far more often, so it would outrank the visible hits.
    const exemptQuestion = await post(`/meetings/${ref.march.id}/questions`, {
      source: 'in_meeting',
      itemId: ref.items.exempt.id,
      text: 'Raneem Raneem Raneem: is Quetzalcoatlus linked to Raneem?',
    });
    ids.exemptQuestion = exemptQuestion.json().id;
    const script = await createItem(t.database.db, ref.march.id, {
      position: 11,
      title: 'Any other business',
      bodyText: `Raneem <script>alert("x")</script> & <b>bold</b> O'Hara`,
    });
    ids.script = script.id;
    const admin = await t.user({ roles: ['admin'] });
    await t.request({
      method: 'POST',
      url: `${api}/meetings/${other.march.id}/actions`,
      as: admin,
      payload: { text: "Other board: Raneem's Law data.", ownerOrganisationId: other.wmp.id },
    });
  });
  afterAll(() => t.close());

  const search = async (as: TestUser, query: string) => {
    const res = await t.request({ method: 'GET', url: `${api}/search?${query}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as Hit[];
  };

  it('finds "Raneem" in an action and in a question’s answer, with highlighted snippets', async () => {
    const hits = await search(member, `q=Raneem&boardId=${ref.board.id}`);
    const action = hits.find((h) => h.id === ids.action);
    const question = hits.find((h) => h.id === ids.question);
    expect(action).toMatchObject({
      type: 'action',
      title: 'AGB/2026-03/1',
      meetingDate: '2026-03-24',
      boardId: ref.board.id,
    });
    expect(action!.snippet).toContain('<mark>Raneem</mark>');
    expect(question).toMatchObject({ type: 'question' });
    expect(question!.snippet).toContain('<mark>Raneem</mark>');
    expect(question!.title).toMatch(/^How does the force plan/);
  });

  it('stems English words: "audit" finds "audited"', async () => {
    const hits = await search(member, 'q=audit&types=action');
    expect(hits.map((h) => h.id)).toContain(ids.action);
    expect(hits.find((h) => h.id === ids.action)!.snippet).toContain('<mark>audited</mark>');
  });

  it('snippets are safe HTML: the source text is escaped, only <mark> is added', async () => {
    const hit = (await search(member, 'q=Raneem&types=item')).find((h) => h.id === ids.script)!;
    expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
    expect(hit.snippet).toContain('&lt;script&gt;');
    expect(hit.snippet).toContain('&amp;');
    expect(hit.snippet).toContain('O&#39;Hara');
  });

  it('never returns an exempt item’s canary word to a member, nor counts it', async () => {
    expect(await search(member, 'q=Quetzalcoatlus')).toEqual([]);
    // The hidden question outranks everything for "Raneem", yet a member's single result is a visible one.
    const top = await search(member, `q=Raneem&limit=1&boardId=${ref.board.id}`);
    expect(top).toHaveLength(1);
    expect(top[0]!.id).not.toBe(ids.exemptQuestion);
    const memberAll = JSON.stringify(await search(member, 'q=Raneem&limit=50'));
    expect(memberAll).not.toContain('Quetzalcoatlus');
    expect(memberAll).not.toContain(ids.exemptQuestion);
    // Officers see exempt content, not OPCC-only; the secretariat sees both.
    const onBoard = `boardId=${ref.board.id}`;
    expect((await search(officer, `q=Quetzalcoatlus&${onBoard}`)).map((h) => h.type).sort()).toEqual([
      'item',
      'question',
    ]);
    expect(await search(officer, 'q=Xylophonist')).toEqual([]);
    // The secretariat sees its own board's OPCC-only item, not the other board's.
    expect((await search(secretariat, 'q=Xylophonist')).map((h) => h.boardId)).toEqual([ref.board.id]);
  });

  it('filters by board and type', async () => {
    const all = await search(member, 'q=Raneem&limit=50');
    expect(new Set(all.map((h) => h.boardId))).toEqual(new Set([ref.board.id, other.board.id]));
    const one = await search(member, `q=Raneem&boardId=${other.board.id}`);
    expect(one.map((h) => h.type)).toEqual(['action']);
    const questions = await search(member, 'q=Raneem&types=question');
    expect(questions.every((h) => h.type === 'question')).toBe(true);
    const actions = await search(member, 'q=Raneem&types=action,question');
    expect(new Set(actions.map((h) => h.type))).toEqual(new Set(['action', 'question']));
  });

  it('understands web-search syntax and survives odd input', async () => {
    expect(
      (await search(member, `q=${encodeURIComponent('"Raneem\'s Law" -audited')}&types=action`)).map(
        (h) => h.id,
      ),
    ).not.toContain(ids.action);
    expect(await search(member, `q=${encodeURIComponent('the')}`)).toEqual([]);
    expect(await search(member, `q=${encodeURIComponent("'); drop table actions; -- & | ! :* <>")}`)).toEqual(
      [],
    );
    expect(await search(member, `q=${encodeURIComponent('£ 🚓 Queiroz')}`)).toEqual([]);
  });

  it.each([
    ['no q', ''],
    ['empty q', 'q='],
    ['blank q', 'q=%20%20'],
    ['q too long', `q=${'a'.repeat(201)}`],
    ['unknown type', 'q=x&types=item,bogus'],
    ['empty types', 'q=x&types='],
    ['limit 0', 'q=x&limit=0'],
    ['limit too big', 'q=x&limit=51'],
    ['bad board id', 'q=x&boardId=nope'],
    ['control character', 'q=%00'],
  ])('%s → 400', async (_name, query) => {
    expectProblem(await t.request({ method: 'GET', url: `${api}/search?${query}`, as: member }), 400);
  });

  it('anonymous → 401', async () => {
    expectProblem(await t.request({ method: 'GET', url: `${api}/search?q=Raneem` }), 401);
  });
});
