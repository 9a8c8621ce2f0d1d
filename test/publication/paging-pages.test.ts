/**
 * The public pages' long lists page by page: a board's meetings (50 to a page, upcoming and past
 * each with pages of their own), the action tracker (100) and the register of decisions (50).
 * Following "Next page" visits every row once, in the open data's order and on the open data's
 * pages; the filters stay in every link; the pages' nav is there only when a list has more than one
 * page; a page that is not a whole number from 1 is the site's 400 page, and a page past the last
 * is an empty list with a link back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard, createMeeting, createOrganisation } from '../domain/meetings-fixtures.ts';
import { createTestApp, type TestApp, type TestUser } from '../helpers/app.ts';
import { ok, post, publishNotes } from './fixtures.ts';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** An attribute as the browser reads it (Handlebars writes `=` as &#x3D; and `&` as &amp;). */
const attribute = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
    .replaceAll('&amp;', '&');

/** The ids a stretch of a page links to as `/{kind}/{id}`, in order, each once. */
const idsIn = (html: string, kind: 'meetings' | 'actions' | 'decisions') => [
  ...new Set([...html.matchAll(new RegExp(`href="/${kind}/(${UUID})"`, 'g'))].map((m) => m[1]!)),
];

/** A board page's upcoming list (between its heading and the past list's) and its past list. */
const upcomingPart = (html: string) => html.slice(html.indexOf('id="upcoming"'), html.indexOf('id="past"'));
const pastPart = (html: string) => html.slice(html.indexOf('id="past"'), html.indexOf('</main>'));

interface Link {
  href: string;
  text: string;
}

interface Nav {
  status: string;
  prev?: Link;
  next?: Link;
}

/** The nav of the pages of a list, found by its accessible name; null when the page has none. */
function navOf(html: string, label: string): Nav | null {
  const navs = [...html.matchAll(/<nav class="pagination" aria-label="([^"]+)">([\s\S]*?)<\/nav>/g)];
  const mine = navs.filter((m) => m[1] === label);
  expect(mine.length, label).toBeLessThanOrEqual(1);
  const body = mine[0]?.[2];
  if (body === undefined) return null;
  const link = (rel: string): Link | undefined => {
    const m = new RegExp(`<a class="[^"]+" href="([^"]+)" rel="${rel}">([^<]*)<`).exec(body);
    return m ? { href: attribute(m[1]!), text: m[2]! } : undefined;
  };
  const status = /<p class="pagination__status">([^<]*)<\/p>/.exec(body)?.[1] ?? '';
  return {
    status,
    ...(link('prev') ? { prev: link('prev') } : {}),
    ...(link('next') ? { next: link('next') } : {}),
  };
}

interface MadeMeeting {
  id: string;
  startsAt: string;
}

const soonestFirst = (a: MadeMeeting, b: MadeMeeting) =>
  a.startsAt.localeCompare(b.startsAt) || a.id.localeCompare(b.id);
const latestFirst = (a: MadeMeeting, b: MadeMeeting) =>
  b.startsAt.localeCompare(a.startsAt) || a.id.localeCompare(b.id);

/** The date `days` after 2 January 2020 (past) or 2 January 2040 (upcoming). */
const dayAfter = (year: number, days: number) =>
  new Date(Date.UTC(year, 0, 2 + days)).toISOString().slice(0, 10);

describe('public pages: long lists page by page', () => {
  let t: TestApp;
  let admin: TestUser;
  let boardId: string;
  let otherId: string;
  let wmpId: string;
  const past: MadeMeeting[] = [];
  const upcoming: MadeMeeting[] = [];
  /** The board's public actions: all raised at one meeting, so in order of reference. */
  const actions: { id: string; reference: string; owner: string; closed: boolean }[] = [];
  const decisions: { id: string; boardId: string; date: string }[] = [];

  const get = (url: string) => t.request({ method: 'GET', url });

  /**
   * Every page of a list from `first` by its "Next page" link, checking on the way that each page
   * says where it stands and that "Previous page" leads back to the page before.
   */
  async function walk(first: string, label: string, rows: (html: string) => string[]) {
    const pages: { url: string; ids: string[]; nav: Nav }[] = [];
    let url: string | undefined = first;
    while (url) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(200);
      const nav = navOf(res.body, label);
      expect(nav, url).not.toBeNull();
      expect(nav!.status, url).toMatch(new RegExp(`^Page ${pages.length + 1} of \\d+, showing `));
      expect(nav!.prev?.href.split('#')[0], url).toBe(pages.at(-1)?.url);
      pages.push({ url, ids: rows(res.body), nav: nav! });
      url = nav!.next?.href.split('#')[0];
      expect(pages.length).toBeLessThan(10);
    }
    const count = pages.length;
    expect(pages.at(-1)!.nav.status).toMatch(new RegExp(`^Page ${count} of ${count}, showing `));
    return { pages, ids: pages.flatMap((p) => p.ids) };
  }

  /** One of the board page's lists of meetings, walked: every meeting once, in the order given. */
  async function walkMeetings(noun: string, part: (html: string) => string, inOrder: MadeMeeting[]) {
    const rows = (html: string) => idsIn(part(html), 'meetings');
    const { pages, ids } = await walk(`/boards/${boardId}`, `Pages of ${noun}`, rows);
    expect(ids, noun).toEqual(inOrder.map((m) => m.id));
    return pages;
  }

  /** The ids on each page of an open data list (the same read model, the same pages). */
  async function jsonPages(path: string, limit: number, count: number) {
    const out: string[][] = [];
    for (let page = 1; page <= count; page += 1) {
      const sep = path.includes('?') ? '&' : '?';
      const body = await ok<{ items: { id: string }[] }>(
        await get(`${path}${sep}limit=${limit}&page=${page}`),
      );
      out.push(body.items.map((i) => i.id));
    }
    return out;
  }

  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.user({ roles: ['admin'] });
    boardId = (await createBoard(t, admin)).id;
    otherId = (await createBoard(t, admin, { name: 'Ethics Committee' })).id;
    wmpId = (await createOrganisation(t, admin, 'West Midlands Police', 'WMP')).id;
    const opccId = (await createOrganisation(t, admin, 'Office of the Police and Crime Commissioner', 'OPCC'))
      .id;

    // 53 past meetings, the five earliest at one time, so that the boundary between the pages falls
    // inside the tie; 52 upcoming, the four latest at one time, for the same reason.
    for (let i = 0; i < 53; i += 1) {
      const m = await createMeeting(t, admin, boardId, { date: dayAfter(2020, Math.max(0, i - 4) * 7) });
      past.push({ id: m.id, startsAt: m.startsAt });
    }
    for (let i = 0; i < 52; i += 1) {
      const m = await createMeeting(t, admin, boardId, { date: dayAfter(2040, Math.min(i, 48) * 7) });
      upcoming.push({ id: m.id, startsAt: m.startsAt });
    }
    await createMeeting(t, admin, otherId, { date: '2024-05-01' });

    // 156 public actions on one past meeting, made public by its published notes: owned by WMP but
    // every fourth by the OPCC, every third closed. (paging.test.ts shows hidden ones uncounted.)
    const [raisedAt, approvedAt] = [...past].sort(latestFirst).slice(1, 3).reverse();
    for (let i = 0; i < 156; i += 1) {
      const owner = i % 4 === 3 ? opccId : wmpId;
      const a = await ok<{ id: string; reference: string }>(
        await post(t, admin, `/api/v1/meetings/${raisedAt!.id}/actions`, {
          text: `Action ${i}`,
          ownerOrganisationId: owner,
          dueDate: '2099-12-31',
        }),
        201,
      );
      actions.push({ id: a.id, reference: a.reference, owner, closed: false });
    }
    await publishNotes(t, admin, raisedAt!.id, approvedAt!.id);
    for (const [i, a] of actions.entries()) {
      if (i % 3 !== 0) continue;
      await ok(await post(t, admin, `/api/v1/actions/${a.id}/close`, { note: 'Done' }));
      a.closed = true;
    }

    // 52 published decisions of the board, three on each day; one of the other board's.
    for (let i = 0; i < 53; i += 1) {
      const board = i === 52 ? otherId : boardId;
      const date = dayAfter(2024, Math.floor(i / 3));
      const d = await ok<{ id: string }>(
        await post(t, admin, '/api/v1/decisions', {
          boardId: board,
          title: `Decision ${i}`,
          decisionDate: date,
          decisionMaker: 'Police and Crime Commissioner',
          summary: 'The Commissioner approved it.',
        }),
        201,
      );
      // Publishing is limited to 30 a minute from one address: each from its own.
      const publish = { method: 'POST', url: `/api/v1/decisions/${d.id}/publish` } as const;
      await ok(await t.request({ ...publish, as: admin, remoteAddress: `10.201.0.${i + 1}` }));
      decisions.push({ id: d.id, boardId: board, date });
    }
  }, 300_000);
  afterAll(() => t?.close());

  it('a board’s past meetings: Next visits every one once, latest first, on the open data’s pages', async () => {
    const first = `/boards/${boardId}`;
    const pages = await walkMeetings('past meetings', pastPart, [...past].sort(latestFirst));
    expect(pages.map((p) => p.ids.length)).toEqual([50, 3]);
    expect(pages.map((p) => p.nav.status)).toEqual([
      'Page 1 of 2, showing 1 to 50 of 53 past meetings',
      'Page 2 of 2, showing 51 to 53 of 53 past meetings',
    ]);
    expect(pages[0]!.nav.next).toEqual({ href: `${first}?page=2#past`, text: 'Next page' });
    expect(pages[1]!.nav.prev).toEqual({ href: `${first}#past`, text: 'Previous page' });
    expect(pages.map((p) => p.ids)).toEqual(
      await jsonPages(`/public/v1/boards/${boardId}/meetings?when=past`, 50, 2),
    );
  });

  it('upcoming meetings have pages of their own; each list’s links keep the other’s page', async () => {
    const first = `/boards/${boardId}`;
    const pages = await walkMeetings('upcoming meetings', upcomingPart, [...upcoming].sort(soonestFirst));
    expect(pages.map((p) => p.ids.length)).toEqual([50, 2]);
    expect(pages[0]!.nav.next!.href).toBe(`${first}?upcomingPage=2#upcoming`);

    const both = await get(`${first}?page=2&upcomingPage=2`);
    expect(idsIn(upcomingPart(both.body), 'meetings')).toEqual(pages[1]!.ids);
    expect(idsIn(pastPart(both.body), 'meetings')).toEqual(
      [...past]
        .sort(latestFirst)
        .slice(50)
        .map((m) => m.id),
    );
    expect(navOf(both.body, 'Pages of upcoming meetings')!.prev!.href).toBe(`${first}?page=2#upcoming`);
    expect(navOf(both.body, 'Pages of past meetings')!.prev!.href).toBe(`${first}?upcomingPage=2#past`);
  });

  it('the action tracker: Next visits every action once, in the open data’s order, its filters kept', async () => {
    const inOrder = [...actions].sort(
      (a, b) => a.reference.localeCompare(b.reference, 'en', { numeric: true }) || a.id.localeCompare(b.id),
    );
    const cases: [string, (a: (typeof actions)[number]) => boolean, string][] = [
      ['status=all', () => true, '156 actions'],
      ['status=open', (a) => !a.closed, '104 open actions'],
      [`status=all&owner=${wmpId}`, (a) => a.owner === wmpId, '117 actions owned by West Midlands Police'],
    ];
    for (const [filter, keep, heading] of cases) {
      const first = `/boards/${boardId}/actions?${filter}`;
      const { pages, ids } = await walk(first, 'Pages of actions', (html) => idsIn(html, 'actions'));
      expect(ids, filter).toEqual(inOrder.filter(keep).map((a) => a.id));
      expect(pages.length, filter).toBe(2);
      expect(pages[0]!.ids.length, filter).toBe(100);
      for (const p of pages) {
        for (const link of [p.nav.prev, p.nav.next]) {
          if (link)
            expect(link.href, filter).toMatch(
              new RegExp(`^${first.replace('?', '\\?')}(&page=2)?#results-heading$`),
            );
        }
      }
      const page1 = await get(first);
      expect(page1.body, filter).toContain(`id="results-heading">${heading}</h2>`);
      expect(
        pages.map((p) => p.ids),
        filter,
      ).toEqual(await jsonPages(`/public/v1/boards/${boardId}/actions?${filter}`, 100, 2));
    }
    // A list that fits on one page has no pages' nav.
    const few = await get(`/boards/${boardId}/actions?status=open&owner=${wmpId}`);
    expect(few.body).toContain('id="results-heading">78 open actions owned by West Midlands Police</h2>');
    expect(idsIn(few.body, 'actions')).toHaveLength(78);
    expect(few.body).not.toContain('class="pagination"');
  });

  it('the register of decisions: Next visits every decision once, latest first, its board filter kept', async () => {
    const latest = (a: (typeof decisions)[number], b: (typeof decisions)[number]) =>
      b.date.localeCompare(a.date) || a.id.localeCompare(b.id);
    const all = await walk('/decisions', 'Pages of decisions', (html) => idsIn(html, 'decisions'));
    expect(all.ids).toEqual([...decisions].sort(latest).map((d) => d.id));
    expect(all.pages.map((p) => p.ids.length)).toEqual([50, 3]);
    expect(all.pages.map((p) => p.ids)).toEqual(await jsonPages('/public/v1/decisions', 50, 2));

    const first = `/decisions?board=${boardId}`;
    const mine = await walk(first, 'Pages of decisions', (html) => idsIn(html, 'decisions'));
    expect(mine.ids).toEqual(
      decisions
        .filter((d) => d.boardId === boardId)
        .sort(latest)
        .map((d) => d.id),
    );
    expect(mine.pages[0]!.nav.next!.href).toBe(`${first}&page=2#decisions`);
    expect(mine.pages[1]!.nav.prev!.href).toBe(`${first}#decisions`);

    const one = await get(`/decisions?board=${otherId}`);
    expect(idsIn(one.body, 'decisions')).toEqual([decisions.at(-1)!.id]);
    expect(one.body).not.toContain('class="pagination"');
  });

  it('a list that fits on one page has no pages’ nav', async () => {
    const other = await get(`/boards/${otherId}`);
    expect(other.statusCode).toBe(200);
    expect(idsIn(other.body, 'meetings')).toHaveLength(1);
    expect(other.body).not.toContain('class="pagination"');
  });

  it('a page past the last is an empty list with a link back to the last', async () => {
    const board = await get(`/boards/${boardId}?page=5`);
    expect(board.statusCode).toBe(200);
    expect(idsIn(pastPart(board.body), 'meetings')).toEqual([]);
    expect(pastPart(board.body)).toContain('There are no past meetings on page 5.');
    expect(idsIn(upcomingPart(board.body), 'meetings')).toHaveLength(50);
    expect(navOf(board.body, 'Pages of past meetings')).toEqual({
      status: 'There is no page 5: the last page of past meetings is page 2',
      prev: { href: `/boards/${boardId}?page=2#past`, text: 'Back to page 2' },
    });

    const tracker = await get(`/boards/${boardId}/actions?status=open&page=3`);
    expect(tracker.statusCode).toBe(200);
    expect(idsIn(tracker.body, 'actions')).toEqual([]);
    expect(tracker.body).toContain('There are no actions on page 3.');
    expect(navOf(tracker.body, 'Pages of actions')!.prev!.href).toBe(
      `/boards/${boardId}/actions?status=open&page=2#results-heading`,
    );

    const register = await get(`/decisions?board=${otherId}&page=2`);
    expect(idsIn(register.body, 'decisions')).toEqual([]);
    expect(register.body).toContain('There are no decisions on page 2.');
    expect(navOf(register.body, 'Pages of decisions')).toEqual({
      status: 'There is no page 2: the last page of decisions is page 1',
      prev: { href: `/decisions?board=${otherId}#decisions`, text: 'Back to page 1' },
    });
  });

  it('a page that is not a whole number from 1 is the site’s 400 page', async () => {
    for (const path of [
      `/boards/${boardId}?page=`,
      `/boards/${boardId}?upcomingPage=`,
      `/boards/${boardId}/actions?status=open&page=`,
      `/decisions?page=`,
    ]) {
      for (const value of ['0', '-1', 'two', '1.5', '', '9007199254740993']) {
        const res = await get(`${path}${value}`);
        expect(res.statusCode, `${path}${value}`).toBe(400);
        expect(res.headers['content-type'], `${path}${value}`).toMatch(/^text\/html/);
        expect(res.body, `${path}${value}`).toContain('There is a problem with the address');
        expect(res.headers['cache-control'], `${path}${value}`).toBe('no-store');
      }
    }
  });
});
