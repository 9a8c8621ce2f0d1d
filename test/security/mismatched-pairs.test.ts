import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import { World } from './matrix-world.ts';
import { type ChildBoard, pairRequests } from './pair-requests.ts';
import { type Browser, browserFor, send } from './staff-browser.ts';
import type { StaffRequest } from './staff-matrix-requests.ts';

/**
 * Every route whose URL names a parent and a child (two or more path parameters naming objects; also
 * the drafting page, whose item is in the query), asked about a pair that does not exist: the child of another parent on the same board, and the
 * child of a parent on another board, by an admin (allowed on both boards), the secretariat of the
 * parent's board and the secretariat of the child's board (the same board's secretariat when the
 * two parents share one). Each must answer 404 — problem+json from the API, the open data and the
 * drafting screen's scripts, the site's "Page not found" page from pages and forms — and change no
 * row. The same request with the child's own parent, sent by an admin, must then work, so each
 * 404 is the pair's. A route of the route table with two object ids and no case here fails the test.
 */

/** Path parameters that name no object: the notes workflow's step (`…/notes/:step`). */
const NOT_OBJECTS = new Set(['step']);
/**
 * A drafting tab's goodbye (sent as the page closes) answers 204 whether or not it ended a tab —
 * the tab had expired, or said goodbye twice — so its answer tells nothing; its one DELETE matches
 * tab, meeting and user together. Here it must change nothing, and answers 204.
 */
const NO_CHANGE_204 = new Set(['DELETE /staff/api/meetings/:meetingId/presence/:tab']);

type Caller = Exclude<MatrixRole, 'officerOwn' | 'officerOther' | 'member'>;
const callers: Record<ChildBoard, Caller[]> = {
  // One board: its secretariat is allowed on both the parent's board and the child's.
  own: ['admin', 'secretariat'],
  // The parent on AGB, the child on OTH: AGB's secretariat is allowed only on the parent's board, OTH's only on the child's.
  other: ['admin', 'secretariat', 'otherSecretariat'],
};
const isPublic = (route: string) => !/^[A-Z]+ \/(api\/v1|staff)\//.test(route);
const callersOf = (route: string, board: ChildBoard): Caller[] =>
  isPublic(route) ? ['anonymous'] : callers[board];

const objectParams = (url: string) =>
  (url.match(/:[A-Za-z]+/g) ?? []).map((p) => p.slice(1)).filter((p) => !NOT_OBJECTS.has(p));

const cases = Object.entries(pairRequests).flatMap(([route, r]) =>
  r.boards.map((board) => ({
    route,
    board,
    name: `${route} [child's parent on ${board === 'own' ? 'the same' : 'another'} board] as ${callersOf(route, board).join(', ')}`,
  })),
);

/** What a 404 looks like here: problem+json for API-style answers, the site's 404 page otherwise. */
function notFoundProblems(res: LightMyRequestResponse, url: string): string[] {
  const type = String(res.headers['content-type']);
  if (res.statusCode !== 404) return [`${res.statusCode} ${res.body.slice(0, 200)}`];
  if (/^\/(api\/v1|public\/v1|staff\/api)\//.test(url)) {
    if (!type.startsWith('application/problem+json')) return [`404 answered as ${type}`];
    if ((res.json() as { status?: number }).status !== 404) return [`404 problem says ${res.body}`];
    return [];
  }
  if (!type.startsWith('text/html') || !res.body.includes('Page not found'))
    return [`404 is not the site's page: ${type} ${res.body.slice(0, 200)}`];
  return [];
}

describe('a URL that pairs a parent with another parent’s child', () => {
  let w: World;
  const browsers = {} as Record<Caller, Browser>;
  let requests = 0;
  beforeAll(async () => {
    w = await World.create();
    for (const role of ['admin', 'secretariat', 'otherSecretariat', 'anonymous'] as const)
      browsers[role] = await browserFor(w, role);
  });
  afterAll(async () => {
    console.info(`mismatched pairs: ${requests} requests over ${cases.length} cases`);
    await w?.close();
  });

  const sendAs = (role: Caller, req: StaffRequest): Promise<LightMyRequestResponse> =>
    req.url.startsWith('/staff/')
      ? send(w, browsers[role], req)
      : w.request(role, { method: req.method, url: req.url, headers: req.headers, payload: req.json });

  it('has a case for every route that names two objects, and for nothing else', () => {
    const routes = w.t.app.routeTable.map((r) => `${r.method} ${r.url}`);
    const pairs = routes.filter((r) => objectParams(r).length >= 2);
    expect(pairs.length).toBeGreaterThan(0);
    expect(
      pairs.filter((r) => !pairRequests[r]),
      'routes with two object ids and no case in pair-requests.ts',
    ).toEqual([]);
    // A case's route (before any query) exists, and names both objects in its path or its query.
    expect(
      Object.keys(pairRequests).filter(
        (c) => !routes.includes(c.split('?')[0]!) || objectParams(c).length < 2,
      ),
      'cases for routes that do not exist (or name fewer than two objects)',
    ).toEqual([]);
  });

  for (const { route, board, name } of cases)
    it(name, async () => {
      const problems: string[] = [];
      for (const role of callersOf(route, board)) {
        const { mismatched } = await pairRequests[route]!.build(w, board, role);
        const before = await w.fingerprint();
        const res = await sendAs(role, mismatched);
        requests += 1;
        const after = await w.fingerprint();
        const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
        const said = `${role} ${mismatched.method} ${mismatched.url}`;
        if (changed.length) problems.push(`${said}: ${res.statusCode}, changed ${changed.join(', ')}`);
        const wrong = NO_CHANGE_204.has(route)
          ? res.statusCode === 204
            ? []
            : [`${res.statusCode} ${res.body.slice(0, 200)}`]
          : notFoundProblems(res, mismatched.url);
        problems.push(...wrong.map((p) => `${said}: ${p}`));
      }
      // The child with its own parent works, so the 404s above are the pair's.
      const control = callersOf(route, board)[0]!;
      const { matched } = await pairRequests[route]!.build(w, board, control);
      const before = await w.fingerprint();
      const res = await sendAs(control, matched);
      requests += 1;
      const after = await w.fingerprint();
      if (res.statusCode >= 400)
        problems.push(`matched ${matched.url}: ${res.statusCode} ${res.body.slice(0, 200)}`);
      if (matched.method !== 'GET' && Object.keys(after).every((t) => after[t] === before[t]))
        problems.push(`matched ${matched.method} ${matched.url}: ${res.statusCode} but nothing changed`);
      expect(problems).toEqual([]);
    });
});
