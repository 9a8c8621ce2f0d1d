import { readFileSync } from 'node:fs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import { columns, type MatrixRow, matrixDocument } from './matrix-table.ts';
import { World } from './matrix-world.ts';
import { type Browser, browserFor, send } from './staff-browser.ts';
import { post, type StaffObjectKind, staffRequests, twoQuestions } from './staff-matrix-requests.ts';

/**
 * Every staff web route (/staff pages, forms and the drafting screen's script calls) × every object
 * kind it applies to × every kind of caller, against docs/staff-authorisation-matrix.md. Callers
 * sign in through /login and send each form with their session's CSRF token (anonymous callers the
 * sign-in page's), so a refusal is the route's own. Every request must leave the database as it was
 * unless it is allowed; a refused caller's objects are reused by the next caller, and objects are
 * made afresh only after a request changed something.
 */
const record = process.env.MATRIX_RECORD === '1';
const STAFF_PREFIX = '/staff';
/** The cell of a POST that succeeded without changing any row (the text after the status). */
const UNCHANGED = ' (no change)';

const HEADER = `# Staff web authorisation matrix

Generated from the route table and checked by \`test/security/staff-authorisation-matrix.test.ts\`:
every route under \`/staff\` (pages, form posts, and the drafting screen's script calls under
\`/staff/api\`) × object × caller below is one request, sent as a browser sends it: callers sign in
through \`/login\` and every form carries the session's CSRF token (the script calls, its header), so
a refusal is the route's own and never a CSRF one. The test fails if an outcome differs, if any
request that is not allowed changes a row of any table, or if a staff route has no row here. One
route, \`POST /staff/meetings/:id/notes/:step\`, has a row per step. To re-record after a deliberate
change: \`MATRIX_RECORD=1 npx vitest run test/security/staff-authorisation-matrix.test.ts\`, then
review the diff. The API's own matrix is \`docs/authorisation-matrix.md\`.

Callers and objects are the API matrix's: an admin; the secretariat of AGB; the secretariat of OTH;
an officer of WMP (which owns AGB's actions); an officer of the OPCC; a board member (members are
not tied to boards); nobody (not signed in). **own** — on AGB, public, owned by WMP where there is
an owner; **other** — on OTH, owned by the OPCC; **exempt** — on AGB under an exempt item;
**opcc-only** — on AGB, marked OPCC-only; **–** — not tied to a board. On the member's question
routes, **asked** is a question the member in the table submitted; the other kinds there are
questions another member submitted.

Outcomes: **200**/**204** — the page or answer; **303** — allowed, and sent on to the object's page
(or, from \`/staff\`, to the caller's workspace); **login** — sent to sign in (303 to \`/login\`);
**403** — refused: not the caller's workspace, or an object they may see but not change; **404** —
the object does not exist for this caller; **400** — the form is shown again with the service's
refusal; **401** — a script call without a session (problem+json). A write marked **(no change)** was answered as allowed but changed
no row (another person's drafting tab, which only its own user can close).
`;

const doc = matrixDocument<string, StaffObjectKind>(
  new URL('../../docs/staff-authorisation-matrix.md', import.meta.url),
  HEADER,
  (text) => (/^(login|[1-5]\d\d( \(no change\))?)$/.test(text) ? text : undefined),
);
type Row = MatrixRow<string, StaffObjectKind>;

const expected = doc.read();
const key = (route: string, object: string) => `${route} [${object}]`;
const expectedByKey = new Map(expected.map((r) => [key(r.route, r.object), r]));
const kinds: StaffObjectKind[] = ['-', 'asked', 'own', 'other', 'exempt', 'opcc-only'];
const cases = Object.entries(staffRequests).flatMap(([route, perObject]) =>
  kinds.filter((k) => perObject[k]).map((object) => ({ route, object })),
);

/**
 * The route-table route a row is for: the row's own name, or the one route whose parameters the
 * row fills in (`POST /staff/meetings/:id/notes/publish` is `…/notes/:step`).
 */
function routesOf(row: string, routes: Set<string>): string[] {
  if (routes.has(row)) return [row];
  const [method, path] = row.split(' ') as [string, string];
  const parts = path.split('/');
  return [...routes].filter((route) => {
    const [m, p] = route.split(' ') as [string, string];
    const segments = p.split('/');
    return (
      m === method &&
      segments.length === parts.length &&
      segments.every((s, i) => s === parts[i] || (s.startsWith(':') && !parts[i]!.startsWith(':')))
    );
  });
}

function outcomeOf(res: LightMyRequestResponse, write: boolean, changed: boolean): string {
  const location = String(res.headers.location ?? '');
  if (res.statusCode === 303 && location.startsWith('/login')) return 'login';
  return `${res.statusCode}${write && res.statusCode < 400 && !changed ? UNCHANGED : ''}`;
}

describe('staff web authorisation matrix', () => {
  let w: World;
  const browsers = {} as Record<MatrixRole, Browser>;
  const observed: Row[] = [];
  beforeAll(async () => {
    w = await World.create();
    for (const { role } of columns) browsers[role] = await browserFor(w, role);
  });
  afterAll(async () => {
    if (record) {
      const order = new Map(cases.map((c, i) => [key(c.route, c.object), i]));
      observed.sort((a, b) => order.get(key(a.route, a.object))! - order.get(key(b.route, b.object))!);
      doc.write(observed);
    }
    await w?.close();
  });

  it(`classifies every ${STAFF_PREFIX} route, and nothing else`, () => {
    const routes = new Set(
      w.t.app.routeTable
        .filter((r) => r.url === STAFF_PREFIX || r.url.startsWith(`${STAFF_PREFIX}/`))
        .map((r) => `${r.method} ${r.url}`),
    );
    const rows = Object.keys(staffRequests);
    expect(
      rows.filter((row) => routesOf(row, routes).length !== 1),
      'rows in staff-matrix-requests.ts that name no route (or more than one)',
    ).toEqual([]);
    const covered = new Set(rows.flatMap((row) => routesOf(row, routes)));
    expect(
      [...routes].filter((r) => !covered.has(r)),
      'staff routes with no request in staff-matrix-requests.ts',
    ).toEqual([]);
    if (!record) {
      // The file is exactly what the table renders to: its header and cell count cannot drift either.
      expect(readFileSync(doc.file, 'utf8')).toBe(doc.render(expected));
      expect(expected.map((r) => key(r.route, r.object)).sort()).toEqual(
        cases.map((c) => key(c.route, c.object)).sort(),
      );
    }
  });

  it('refuses to "move up" a question already first to anyone but the board’s secretariat', async () => {
    // A move that changes nothing must not be answered as done before the caller is known to be
    // allowed (it was, for anyone who could read the item).
    const { meetingId, itemId, questionId } = await twoQuestions(w, 'own');
    const first = await w.db
      .selectFrom('questions')
      .select('id')
      .where('item_id', '=', itemId)
      .where('id', '!=', questionId)
      .executeTakeFirstOrThrow();
    const req = post(`${STAFF_PREFIX}/meetings/${meetingId}/draft/questions/${first.id}/move`, {
      itemId,
      direction: 'up',
    });
    const before = await w.fingerprint();
    expect((await send(w, browsers.otherSecretariat, req)).statusCode).toBe(403);
    expect((await send(w, browsers.secretariat, req)).statusCode).toBe(303);
    expect(await w.fingerprint()).toEqual(before);
  });

  it.each(cases)('$route [$object]', async ({ route, object }) => {
    const build = staffRequests[route]![object]!;
    const want = expectedByKey.get(key(route, object));
    if (!want && !record) throw new Error(`${key(route, object)} is not in ${doc.file.pathname}`);
    const got = {} as Record<MatrixRole, string>;
    const problems: string[] = [];
    let req = await build(w);
    let before = await w.fingerprint();
    for (const { role } of columns) {
      const res = await send(w, browsers[role], req);
      const after = await w.fingerprint();
      const changed = Object.keys(after).filter((t) => after[t] !== before[t]);
      const cell = outcomeOf(res, req.method !== 'GET', changed.length > 0);
      got[role] = cell;
      const said = `${role}: ${cell} ${res.body.slice(0, 160)}`;
      if (want && !record && cell !== want.expect[role])
        problems.push(`expected ${want.expect[role]}, ${said}`);
      if (res.statusCode >= 500) problems.push(said);
      const refused = cell === 'login' || res.statusCode >= 400;
      if (refused && changed.length)
        problems.push(`${role}: refused (${cell}) but changed ${changed.join(', ')}`);
      if (res.statusCode === 403 && res.body.includes('This form has expired'))
        problems.push(`${role}: refused by the CSRF check, not by the route`);
      const type = String(res.headers['content-type']);
      const script = req.url.startsWith(`${STAFF_PREFIX}/api/`);
      if (res.statusCode >= 400 && !type.startsWith(script ? 'application/problem+json' : 'text/html'))
        problems.push(`${role}: ${res.statusCode} answered as ${type}`);
      if (cell === '303' && !String(res.headers.location).startsWith(`${STAFF_PREFIX}/`))
        problems.push(`${role}: sent on to ${res.headers.location}`);
      // A refused caller leaves the objects as they were: the next caller is asked about the same ones.
      if (changed.length) {
        req = await build(w);
        before = await w.fingerprint();
      } else {
        before = after;
      }
    }
    observed.push({ route, object, expect: got });
    expect(problems).toEqual([]);
  });
});
