/**
 * The open data's long lists page by page, as OParl 1.1 lists do: `?page=` from 1, `?limit=`,
 * `pagination` with the totals and `links` (first, prev, next, last, self) that keep the query.
 * Walking `next` from the first page visits every row once, in the documented order, with ties
 * (meetings at the same time, decisions of the same day) broken by id; hidden actions and draft
 * decisions are neither listed nor counted.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, createMeeting, createOrganisation } from '../domain/meetings-fixtures.ts';
import { createTestApp, expectProblem, type TestApp, type TestUser } from '../helpers/app.ts';
import { ok, post, publishNotes } from './fixtures.ts';

const HOST = 'data.example.org';
const BASE = `http://${HOST}`;
const TODAY = new Date().toISOString().slice(0, 10);

interface Page {
  items: { id: string }[];
  pagination: { totalElements: number; elementsPerPage: number; currentPage: number; totalPages: number };
  links: { first: string; prev?: string; next?: string; last: string; self: string };
}

interface Made {
  id: string;
  startsAt: string;
}

interface MadeDecision {
  id: string;
  boardId: string;
  /** The decision date of its current version. */
  date: string;
}

interface MadeAction {
  id: string;
  reference: string;
  meetingStartsAt: string;
  owner: string;
  dueDate: string;
  closed: boolean;
}

/** Latest meeting first, then by reference in natural order (…/9 before …/10), then by id. */
const actionOrder = (a: MadeAction, b: MadeAction) =>
  b.meetingStartsAt.localeCompare(a.meetingStartsAt) ||
  a.reference.localeCompare(b.reference, 'en', { numeric: true }) ||
  a.id.localeCompare(b.id);

/** Latest decision date first, then by id. */
const decisionOrder = (a: MadeDecision, b: MadeDecision) =>
  b.date.localeCompare(a.date) || a.id.localeCompare(b.id);

describe('open data lists page by page', () => {
  let t: TestApp;
  let admin: TestUser;
  let boardId: string;
  /** The board's past meetings, and every board's. */
  const past: Made[] = [];
  const allPast: Made[] = [];
  const actions: MadeAction[] = [];
  const decisions: MadeDecision[] = [];
  /** Last-Modified of the register: when its latest version (a correction) was published. */
  let registerModified: string;
  let wmpId: string;
  let opccId: string;

  const get = (url: string) => t.request({ method: 'GET', url, headers: { host: HOST } });
  const page = async (url: string) =>
    ok<Page>(await get(url.startsWith(BASE) ? url.slice(BASE.length) : url));

  /** Every page from `first` by `next`; checks what each page says of itself on the way. */
  async function walk(first: string) {
    const pages: Page[] = [];
    let url: string | undefined = first;
    while (url) {
      const p = await page(url);
      expect(p.links.self).toBe(url);
      expect(p.pagination.currentPage).toBe(pages.length + 1);
      expect(p.links.first).toBe(first);
      expect(p.links.prev).toBe(pages.at(-1)?.links.self);
      pages.push(p);
      url = p.links.next;
      expect(pages.length).toBeLessThan(50);
    }
    const last = pages.at(-1)!;
    expect(last.links.last).toBe(last.links.self);
    expect(pages.length).toBe(last.pagination.totalPages);
    for (const p of pages) {
      expect(p.links.last).toBe(last.links.self);
      expect(p.pagination.totalPages).toBe(pages.length);
      expect(p.pagination.totalElements).toBe(pages[0]!.pagination.totalElements);
    }
    return { pages, ids: pages.flatMap((p) => p.items.map((i) => i.id)) };
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    const board = await createBoard(t, admin);
    const other = await createBoard(t, admin, { name: 'Ethics Committee' });
    boardId = board.id;
    wmpId = (await createOrganisation(t, admin, 'West Midlands Police', 'WMP')).id;
    opccId = (await createOrganisation(t, admin, 'Office of the Police and Crime Commissioner', 'OPCC')).id;

    // Seven past meetings, three of them at the same time and two more at another: only the id
    // tells them apart, so a page boundary falls inside a tie.
    const times = [
      ['2025-01-14', '10:00'],
      ['2025-02-11', '10:00'],
      ['2025-03-11', '10:00'],
      ['2025-03-11', '10:00'],
      ['2025-03-11', '10:00'],
      ['2025-04-08', '14:00'],
      ['2025-04-08', '14:00'],
    ];
    for (const [date, startTime] of times) {
      const m = await createMeeting(t, admin, board.id, { date, startTime });
      past.push({ id: m.id, startsAt: m.startsAt });
    }
    const elsewhere = await createMeeting(t, admin, other.id, { date: '2025-03-11', startTime: '10:00' });
    allPast.push(...past, { id: elsewhere.id, startsAt: elsewhere.startsAt });
    for (const date of ['2027-01-26', '2027-02-23']) await createMeeting(t, admin, board.id, { date });

    // Public actions on the first two meetings, made public by their published notes; one exempt.
    // Eleven on the first, so that its references run past …/9.
    const [first, second, third] = past;
    const owners = [wmpId, opccId];
    const dues = ['2025-06-30', '2099-12-31'];
    let n = 0;
    for (const [meeting, count] of [
      [first!, 11],
      [second!, 4],
    ] as const) {
      for (let i = 0; i < count; i += 1) {
        const owner = owners[n % 2]!;
        const dueDate = dues[Math.floor(n / 2) % 2]!;
        const a = await ok<{ id: string; reference: string }>(
          await post(t, admin, `/api/v1/meetings/${meeting.id}/actions`, {
            text: `Action ${n}`,
            ownerOrganisationId: owner,
            dueDate,
          }),
          201,
        );
        actions.push({
          id: a.id,
          reference: a.reference,
          meetingStartsAt: meeting.startsAt,
          owner,
          dueDate,
          closed: false,
        });
        n += 1;
      }
    }
    await ok(
      await post(t, admin, `/api/v1/meetings/${first!.id}/actions`, {
        text: 'Not for the public',
        ownerOrganisationId: wmpId,
        confidentiality: 'exempt',
      }),
      201,
    );
    await publishNotes(t, admin, first!.id, second!.id);
    await publishNotes(t, admin, second!.id, third!.id);
    for (const a of actions.filter((_, i) => i % 3 === 0)) {
      await ok(await post(t, admin, `/api/v1/actions/${a.id}/close`, { note: 'Done' }));
      a.closed = true;
    }

    // Decisions: three of the board's of one day (a page boundary falls inside the tie), one of
    // another board's, one left a draft, and the earliest corrected to the latest date, a second
    // after the others were published, so the register's Last-Modified is that correction's.
    const draftDecision = async (board: string, date: string) =>
      ok<{ id: string }>(
        await post(t, admin, '/api/v1/decisions', {
          boardId: board,
          title: `Decision of ${date}`,
          decisionDate: date,
          decisionMaker: 'Police and Crime Commissioner',
          summary: 'The Commissioner approved it.',
        }),
        201,
      );
    for (const [board, date] of [
      [boardId, '2025-05-01'],
      [boardId, '2025-05-01'],
      [other.id, '2025-05-01'],
      [boardId, '2025-05-01'],
      [boardId, '2025-03-01'],
      [boardId, '2025-01-01'],
    ] as const) {
      const d = await draftDecision(board, date);
      await ok(await post(t, admin, `/api/v1/decisions/${d.id}/publish`));
      decisions.push({ id: d.id, boardId: board, date });
    }
    await draftDecision(boardId, '2025-12-01');
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const corrected = decisions.at(-1)!;
    await ok(
      await post(t, admin, `/api/v1/decisions/${corrected.id}/corrections`, {
        reason: 'The date was wrong',
        decisionDate: '2025-07-01',
      }),
    );
    corrected.date = '2025-07-01';
    const current = await ok<{ publishedAt: string; version: number }>(
      await get(`/public/v1/decisions/${corrected.id}`),
    );
    expect(current.version).toBe(2);
    registerModified = new Date(current.publishedAt).toUTCString();
  }, 180_000);
  afterAll(() => t?.close());

  const byTimeDesc = (a: Made, b: Made) => b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id);

  it('a board’s past meetings: every one once, latest first, ties by id, over three pages', async () => {
    const first = `${BASE}/public/v1/boards/${boardId}/meetings?when=past&limit=3`;
    const { pages, ids } = await walk(first);
    expect(ids).toEqual([...past].sort(byTimeDesc).map((m) => m.id));
    expect(pages.map((p) => p.items.length)).toEqual([3, 3, 1]);
    expect(pages[0]!.pagination).toEqual({
      totalElements: 7,
      elementsPerPage: 3,
      currentPage: 1,
      totalPages: 3,
    });
    expect(pages[0]!.links.next).toBe(`${first}&page=2`);
    expect(pages[2]!.links).toEqual({
      first,
      prev: `${first}&page=2`,
      last: `${first}&page=3`,
      self: `${first}&page=3`,
    });
    // A page asked for directly is the page reached by walking.
    expect(await page(`${first}&page=2`)).toEqual(pages[1]);
  });

  it('every board’s meetings, and the upcoming ones on one page', async () => {
    const { ids } = await walk(`${BASE}/public/v1/meetings?when=past&limit=2`);
    expect(ids).toEqual([...allPast].sort(byTimeDesc).map((m) => m.id));
    const upcoming = await page(`/public/v1/boards/${boardId}/meetings`);
    const self = `${BASE}/public/v1/boards/${boardId}/meetings?when=upcoming&limit=100`;
    expect(upcoming.items).toHaveLength(2);
    expect(upcoming.pagination).toEqual({
      totalElements: 2,
      elementsPerPage: 100,
      currentPage: 1,
      totalPages: 1,
    });
    expect(upcoming.links).toEqual({ first: self, last: self, self });
  });

  it('a page past the last is empty, with the totals and a way back', async () => {
    const first = `${BASE}/public/v1/boards/${boardId}/meetings?when=past&limit=3`;
    const beyond = await page(`${first}&page=10`);
    expect(beyond.items).toEqual([]);
    expect(beyond.pagination).toEqual({
      totalElements: 7,
      elementsPerPage: 3,
      currentPage: 10,
      totalPages: 3,
    });
    expect(beyond.links).toEqual({
      first,
      prev: `${first}&page=3`,
      last: `${first}&page=3`,
      self: `${first}&page=10`,
    });
    const far = await page(`${first}&page=9007199254740991`);
    expect(far.items).toEqual([]);
    expect(far.links.next).toBeUndefined();
    // An empty list is one empty page.
    const none = await page(`/public/v1/boards/${boardId}/actions?owner=${admin.id}&page=2`);
    expect(none.items).toEqual([]);
    expect(none.pagination).toMatchObject({ totalElements: 0, currentPage: 2, totalPages: 1 });
  });

  it('a board’s actions: every public one once, hidden ones neither listed nor counted', async () => {
    const first = `${BASE}/public/v1/boards/${boardId}/actions?status=all&limit=4`;
    const { pages, ids } = await walk(first);
    expect(ids).toEqual([...actions].sort(actionOrder).map((a) => a.id));
    expect(pages.map((p) => p.items.length)).toEqual([4, 4, 4, 3]);
    expect(pages[0]!.pagination.totalElements).toBe(15);
    expect(actions.map((a) => a.reference)).toContain(`${actions[0]!.reference.replace(/\d+$/, '')}10`);
    // Without a limit, a hundred to a page: all of them.
    const all = await page(`/public/v1/boards/${boardId}/actions`);
    expect(all.items.map((a) => a.id)).toEqual(ids);
    expect(all.links.self).toBe(`${BASE}/public/v1/boards/${boardId}/actions?status=all&limit=100`);
  });

  it('filters are applied before paging and kept in every link', async () => {
    const cases: [string, (a: MadeAction) => boolean][] = [
      [`status=closed&owner=${wmpId}`, (a) => a.closed && a.owner === wmpId],
      ['status=open', (a) => !a.closed],
      ['status=overdue', (a) => !a.closed && a.dueDate < TODAY],
      [`status=all&owner=${opccId}`, (a) => a.owner === opccId],
    ];
    for (const [filter, keep] of cases) {
      const expected = actions.filter(keep).sort(actionOrder);
      expect(expected.length, filter).toBeGreaterThan(1);
      const first = `${BASE}/public/v1/boards/${boardId}/actions?${filter}&limit=1`;
      const { pages, ids } = await walk(first);
      expect(ids, filter).toEqual(expected.map((a) => a.id));
      expect(pages.length, filter).toBe(expected.length);
      for (const p of pages) {
        for (const link of Object.values(p.links)) expect(link.startsWith(first), link).toBe(true);
      }
    }
  });

  it('the public pages that list meetings and actions still show them all', async () => {
    const board = await get(`/boards/${boardId}`);
    expect(board.statusCode).toBe(200);
    for (const m of past) expect(board.body).toContain(`/meetings/${m.id}`);
    const tracker = await get(`/boards/${boardId}/actions?status=open`);
    expect(tracker.statusCode).toBe(200);
    const open = actions.filter((a) => !a.closed);
    expect(tracker.body).toContain(`${open.length} open actions`);
    for (const a of actions) expect(tracker.body.includes(`/actions/${a.id}`), a.reference).toBe(!a.closed);
  });

  it('the register of decisions: every current version once, latest decision date first, ties by id', async () => {
    const first = `${BASE}/public/v1/decisions?limit=2`;
    const { pages, ids } = await walk(first);
    expect(ids).toEqual([...decisions].sort(decisionOrder).map((d) => d.id));
    expect(ids[0]).toBe(decisions.at(-1)!.id);
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 2]);
    expect(pages[0]!.pagination).toMatchObject({ totalElements: 6, elementsPerPage: 2, totalPages: 3 });
    // Last-Modified is the whole register's (the correction, on page 1), on every page.
    for (const p of pages) {
      const res = await get(p.links.self.slice(BASE.length));
      expect(res.headers['last-modified'], p.links.self).toBe(registerModified);
    }
    // One board's, its filter kept in every link; without a limit, a hundred to a page.
    const mine = `${BASE}/public/v1/decisions?boardId=${boardId}&limit=2`;
    const byBoard = await walk(mine);
    const expected = decisions.filter((d) => d.boardId === boardId).sort(decisionOrder);
    expect(byBoard.ids).toEqual(expected.map((d) => d.id));
    expect(byBoard.pages.map((p) => p.items.length)).toEqual([2, 2, 1]);
    for (const p of byBoard.pages) {
      for (const link of Object.values(p.links)) expect(link.startsWith(mine), link).toBe(true);
    }
    const all = await page('/public/v1/decisions');
    expect(all.items.map((d) => d.id)).toEqual(ids);
    expect(all.links.self).toBe(`${BASE}/public/v1/decisions?limit=100`);
    const beyond = await page(`${mine}&page=4`);
    expect(beyond.items).toEqual([]);
    expect(beyond.links).toMatchObject({ prev: `${mine}&page=3`, last: `${mine}&page=3` });
  });

  it('finds public actions by their words, by id rather than within the first rows of the list', async () => {
    const found = await ok<{ items: { kind: string; htmlUrl: string }[] }>(
      await get(`/public/v1/search?q=${encodeURIComponent('"Action 12"')}`),
    );
    const hits = found.items.filter((hit) => hit.kind === 'action');
    expect(hits).toHaveLength(1);
    expect(hits[0]!.htmlUrl).toBe(`/actions/${actions[12]!.id}`);
    const hidden = await ok<{ items: { kind: string }[] }>(await get('/public/v1/search?q=public'));
    expect(hidden.items.filter((hit) => hit.kind === 'action')).toEqual([]);
  });

  it('rejects a page or limit that is not a whole number in range (problem+json)', async () => {
    for (const path of [
      `/public/v1/decisions`,
      `/public/v1/meetings`,
      `/public/v1/boards/${boardId}/meetings`,
      `/public/v1/boards/${boardId}/actions`,
    ]) {
      for (const query of [
        'page=0',
        'page=-1',
        'page=two',
        'page=1.5',
        'page=',
        'limit=0',
        'limit=501',
        'limit=x',
      ]) {
        const problem = expectProblem(await get(`${path}?${query}`), 400);
        expect(JSON.stringify(problem.errors), `${path}?${query}`).toContain(query.split('=')[0]);
      }
    }
  });
});
