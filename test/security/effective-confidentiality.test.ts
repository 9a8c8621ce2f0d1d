/**
 * Issue 14, findings 1-3: confidentiality that changes over time. An action whose question moves under
 * an exempt item, or whose item is made OPCC-only after the action was raised, becomes as
 * confidential as its container for every reader; numbering closes up so nobody counts what they may
 * not see; and the database itself refuses a less confidential child, whoever writes.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { etagFor } from '../../src/http/etag.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { createItem, createReferenceBoard, type ReferenceBoard } from '../helpers/domain-fixtures.ts';

describe('effective confidentiality over time', () => {
  let t: TestApp;
  let ref: ReferenceBoard;
  let secretariat: TestUser;
  let officer: TestUser;
  let member: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    ref = await createReferenceBoard(t.database.db);
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
    officer = await t.user({ roles: ['officer'], organisationId: ref.wmp.id });
    member = await t.user({ roles: ['member'] });
  });
  afterAll(() => t.close());

  const api = (
    method: 'GET' | 'POST' | 'PATCH',
    url: string,
    as: TestUser,
    payload?: object,
    ifMatch?: string,
  ) =>
    t.request({
      method,
      url: `/api/v1${url}`,
      as,
      ...(payload ? { payload } : {}),
      headers: ifMatch ? { 'if-match': ifMatch } : {},
    });

  async function question(text: string, itemId: string | null, number?: number) {
    const res = await api('POST', `/meetings/${ref.march.id}/questions`, secretariat, {
      source: 'pre_submitted',
      text,
      itemId,
      ...(number ? { number } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; version: number; number: number };
  }

  async function action(text: string, opts: { questionId?: string; itemId?: string }) {
    const res = await api('POST', `/meetings/${ref.march.id}/actions`, secretariat, {
      text,
      ownerOrganisationId: ref.wmp.id,
      ...opts,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; reference: string; confidentiality: string };
  }

  const get = async (id: string, as: TestUser) => api('GET', `/actions/${id}`, as);
  const reference = async (id: string) =>
    (await get(id, secretariat)).json() as { reference: string; confidentiality: string };

  it('finding 1: an action follows its question under an exempt item, out of members’ sight and into the R series', async () => {
    const q = await question('Moving question zq-move-1', ref.items.domesticAbuse.id);
    const before = await action('Action zq-move-1 that will be withheld', { questionId: q.id });
    const after = await action('Public action zq-move-2 after it', { itemId: ref.items.vawg.id });
    expect(before.confidentiality).toBe('public');
    expect(await get(before.id, member).then((r) => r.statusCode)).toBe(200);

    const moved = await api(
      'PATCH',
      `/questions/${q.id}`,
      secretariat,
      { itemId: ref.items.exempt.id },
      etagFor(q.id, q.version),
    );
    expect(moved.statusCode, moved.body).toBe(200);

    const now = await reference(before.id);
    expect(now.confidentiality).toBe('exempt');
    expect(now.reference).toMatch(/^AGB\/2026-03\/R\d+$/);
    expect((await get(before.id, member)).statusCode).toBe(404);
    expect((await get(before.id, officer)).statusCode).toBe(200);
    const memberList = await api('GET', `/actions?boardId=${ref.board.id}&limit=200`, member);
    expect(memberList.body).not.toContain('zq-move-1');
    const search = await api('GET', '/search?q=withheld', member);
    expect(search.body).not.toContain('zq-move-1');

    // The public series closed up behind it: the later public action took its number.
    const publicRefs = (
      (await api('GET', `/actions?boardId=${ref.board.id}&limit=200`, member)).json() as {
        items: { reference: string }[];
      }
    ).items.map((a) => a.reference);
    expect(publicRefs).toContain((await reference(after.id)).reference);
    expect(gapsIn(publicRefs)).toEqual([]);
  });

  it('finding 2: making an item OPCC-only after actions were raised takes them out of the force’s sight, into the P series', async () => {
    const item = await createItem(t.database.db, ref.march.id, {
      position: 20,
      title: 'Later restricted',
      kind: 'report',
    });
    const raised = await action('Action zq-raise-1 on an item made OPCC-only', { itemId: item.id });
    const q = await question('Question zq-raise-q on that item', item.id);
    const onQuestion = await action('Action zq-raise-2 on its question', { questionId: q.id });
    expect((await get(raised.id, officer)).statusCode).toBe(200);

    const current = (await api('GET', `/agenda-items/${item.id}`, secretariat)).json() as { version: number };
    const res = await api(
      'PATCH',
      `/agenda-items/${item.id}`,
      secretariat,
      { confidentiality: 'opcc_only' },
      etagFor(item.id, current.version),
    );
    expect(res.statusCode, res.body).toBe(200);

    for (const id of [raised.id, onQuestion.id]) {
      const now = await reference(id);
      expect(now.confidentiality).toBe('opcc_only');
      expect(now.reference).toMatch(/^AGB\/2026-03\/P\d+$/);
      expect((await get(id, officer)).statusCode).toBe(404);
    }
    const officerList = await api('GET', `/actions?boardId=${ref.board.id}&limit=200`, officer);
    expect(officerList.body).not.toContain('zq-raise');
    const arising = await api('GET', `/meetings/${ref.april.id}/matters-arising`, officer);
    expect(arising.body).not.toContain('zq-raise');

    // Lowering the action below its item is refused, and the item going back down leaves it where it is.
    const detail = (await get(raised.id, secretariat)).json() as { version: number };
    const lower = await api(
      'PATCH',
      `/actions/${raised.id}`,
      secretariat,
      { confidentiality: 'public' },
      etagFor(raised.id, detail.version),
    );
    expect(lower.statusCode).toBe(400);
  });

  it('finding 3: every audience sees question numbers 1..n', async () => {
    const db = t.database.db;
    const meeting = ref.april.id;
    const publicItem = await createItem(db, meeting, { position: 1, title: 'Open item', kind: 'report' });
    const exemptItem = await createItem(db, meeting, {
      position: 2,
      title: 'Exempt item',
      kind: 'other',
      confidentiality: 'exempt',
    });
    const opccItem = await createItem(db, meeting, {
      position: 3,
      title: 'OPCC item',
      kind: 'other',
      confidentiality: 'opcc_only',
    });
    const put = async (itemId: string, number: number) => {
      const res = await api('POST', `/meetings/${meeting}/questions`, secretariat, {
        source: 'pre_submitted',
        text: `Numbered question ${number}`,
        itemId,
        number,
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await put(publicItem.id, 1);
    await put(opccItem.id, 2);
    await put(exemptItem.id, 3);
    await put(publicItem.id, 4);
    const numbers = async (as: TestUser) =>
      (
        (await api('GET', `/meetings/${meeting}/questions`, as)).json() as { items: { number: number }[] }
      ).items
        .map((q) => q.number)
        .sort((a, b) => a - b);
    expect(await numbers(secretariat)).toEqual([1, 2, 3, 4]);
    expect(await numbers(officer)).toEqual([1, 2, 3]);
    expect(await numbers(member)).toEqual([1, 2]);
    const search = await api('GET', `/search?q=Numbered&boardId=${ref.board.id}`, member);
    const titles = (search.json() as { items: { title: string }[] }).items.map((i) => i.title);
    expect(titles.filter((x) => /^Question [34]:/.test(x))).toEqual([]);
    // The notes are the public's: two public questions, printed 1 and 2.
    const notes = (await api('GET', `/meetings/${meeting}/notes.html`, secretariat)).body;
    expect([...notes.matchAll(/Question (\d+)/g)].map((m) => m[1])).toEqual(['1', '2']);
  });

  it('finding 11: an exempt item’s title is public exactly where the board lists exempt titles, in the API as in the agenda', async () => {
    const agenda = async (as: TestUser) =>
      (
        (await api('GET', `/meetings/${ref.march.id}/agenda`, as)).json() as {
          items: { title: string; withheld: boolean; bodyText: string; papers: unknown[] }[];
        }
      ).items;
    const listed = (await agenda(member)).find((i) => i.title === 'Operational matter');
    expect(listed).toMatchObject({ withheld: true, bodyText: '', papers: [] });
    expect(JSON.stringify(await agenda(member))).not.toContain('Quetzalcoatlus');
    expect(JSON.stringify(await agenda(member))).not.toContain('OPCC internal');
    expect((await agenda(officer)).find((i) => i.title === 'Operational matter')?.withheld).toBe(false);
    const pdfText = (await api('GET', `/meetings/${ref.march.id}/agenda.html`, member)).body;
    expect(pdfText).toContain('Operational matter');

    const admin = await t.user({ roles: ['admin'] });
    const board = (await api('GET', `/boards/${ref.board.id}`, admin)).json() as { version: number };
    const unlisted = await api(
      'PATCH',
      `/boards/${ref.board.id}`,
      admin,
      { listExemptTitles: false },
      etagFor(ref.board.id, board.version),
    );
    expect(unlisted.statusCode, unlisted.body).toBe(200);
    expect(JSON.stringify(await agenda(member))).not.toContain('Operational matter');
    expect((await api('GET', `/meetings/${ref.march.id}/agenda.html`, member)).body).not.toContain(
      'Operational matter',
    );
  });

  it('an item named by a published decision keeps its public title: restricting it is a 409', async () => {
    const item = await createItem(t.database.db, ref.march.id, {
      position: 30,
      title: 'Decided item',
      kind: 'report',
    });
    const created = await api('POST', '/decisions', secretariat, {
      boardId: ref.board.id,
      title: 'Decision on the decided item',
      decisionDate: '2026-03-24',
      decisionMaker: 'Police and Crime Commissioner',
      summary: 'Approved.',
      meetingId: ref.march.id,
      itemId: item.id,
    });
    expect(created.statusCode, created.body).toBe(201);
    const decisionId = (created.json() as { id: string }).id;
    const published = await api('POST', `/decisions/${decisionId}/publish`, secretariat);
    expect(published.statusCode, published.body).toBe(200);
    const current = (await api('GET', `/agenda-items/${item.id}`, secretariat)).json() as { version: number };
    const res = await api(
      'PATCH',
      `/agenda-items/${item.id}`,
      secretariat,
      { confidentiality: 'exempt', exemptReason: 'Paragraph 7' },
      etagFor(item.id, current.version),
    );
    expect(res.statusCode, res.body).toBe(409);
    expect(res.json()).toMatchObject({ detail: expect.stringContaining('published decision') });
  });

  it('the database refuses a less confidential child, whoever writes', async () => {
    const db = t.database.db;
    const inserted = await db
      .insertInto('actions')
      .values({
        board_id: ref.board.id,
        reference: 'AGB/2026-03/900',
        text: 'Written straight to the table',
        owner_organisation_id: ref.wmp.id,
        meeting_id: ref.march.id,
        item_id: ref.items.opccOnly.id,
        confidentiality: 'public',
      })
      .returning(['confidentiality', 'reference'])
      .executeTakeFirstOrThrow();
    expect(inserted.confidentiality).toBe('opcc_only');
    expect(inserted.reference).toMatch(/^AGB\/2026-03\/P\d+$/);
    const paper = await sql<{ confidentiality: string }>`
      with f as (insert into files (filename, content_type, size_bytes, sha256, data)
                 values ('x.pdf', 'application/pdf', 1, 'x', '\\x00') returning id)
      insert into papers (item_id, file_id, title, confidentiality)
      select ${ref.items.exempt.id}, f.id, 'Paper', 'public' from f returning confidentiality`.execute(db);
    expect(paper.rows[0]?.confidentiality).toBe('exempt');
  });
});

/** Public references ("AGB/2026-03/4") whose series does not run 1..n, as "prefix:missing numbers". */
function gapsIn(references: string[]): string[] {
  const series = new Map<string, number[]>();
  for (const r of references) {
    const m = /^(.*\/[A-Z]*)(\d+)$/.exec(r);
    if (!m) continue;
    series.set(m[1]!, [...(series.get(m[1]!) ?? []), Number(m[2])]);
  }
  const gaps: string[] = [];
  for (const [prefix, numbers] of series) {
    const sorted = numbers.sort((a, b) => a - b);
    if (sorted.some((n, i) => n !== i + 1)) gaps.push(`${prefix}:${sorted.join(',')}`);
  }
  return gaps;
}
