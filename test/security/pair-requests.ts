import { randomUUID } from 'node:crypto';
import * as presence from '../../src/web/staff/presence.ts';
import type { MatrixRole } from '../helpers/domain-fixtures.ts';
import type { World } from './matrix-world.ts';
import { post, type StaffRequest, script, twoItems, twoQuestions } from './staff-matrix-requests.ts';

/**
 * Requests for the routes whose URL names a parent and a child (`/meetings/:id/agenda/:itemId/…`,
 * `/commitments/:id/links/:linkId`, `/decisions/:id/versions/:version`, …), built on fresh objects:
 * the parent is always on the reference board (AGB); the child belongs to another parent, on AGB too
 * (`own`) or on the other board (`other`). `mismatched` names the parent with that child; `matched`
 * names the child with its own parent, the request that must work. Where a form also names an item
 * (`itemId`, `?item=`), the mismatched request names one of the parent's items, so the only thing
 * wrong is the pair in the path.
 */
export type ChildBoard = 'own' | 'other';
export interface Pair {
  mismatched: StaffRequest;
  matched: StaffRequest;
}
export interface PairRoute {
  /** The boards the child's parent can be on (a commitment's rating has no board: `own` only). */
  boards: ChildBoard[];
  /** `caller`: who will send it, for children that belong to a user (a drafting tab). */
  build(w: World, board: ChildBoard, caller: MatrixRole): Promise<Pair>;
}

const both: ChildBoard[] = ['own', 'other'];
const get = (url: string): StaffRequest => ({ method: 'GET', url });
const api = '/api/v1';

function pairs<Parent, Child>(spec: {
  boards?: ChildBoard[];
  parent(w: World): Promise<Parent>;
  child(w: World, board: ChildBoard, caller: MatrixRole): Promise<Child>;
  /** The child's own parent. */
  parentOf(child: Child): Parent;
  request(parent: Parent, child: Child, w: World): StaffRequest;
}): PairRoute {
  return {
    boards: spec.boards ?? both,
    async build(w, board, caller) {
      const parent = await spec.parent(w);
      const child = await spec.child(w, board, caller);
      return {
        mismatched: spec.request(parent, child, w),
        matched: spec.request(spec.parentOf(child), child, w),
      };
    },
  };
}

interface ItemRef {
  id: string;
  meetingId: string;
}
interface QuestionRef {
  id: string;
  meetingId: string;
  itemId: string;
}
/**
 * A child of a meeting, under a parent meeting that has an item of its own, for forms that name one;
 * `itemOf` is the item a form would name with the child's own meeting.
 */
const meetingParent = (w: World) => w.item('own');
const inMeeting =
  <Child extends { meetingId: string }>(
    child: (w: World, board: ChildBoard) => Promise<Child>,
    itemOf: (child: Child) => string,
  ) =>
  (request: (meeting: ItemRef, child: Child, w: World) => StaffRequest) =>
    pairs<ItemRef, Child>({
      parent: meetingParent,
      child,
      parentOf: (c) => ({ id: itemOf(c), meetingId: c.meetingId }),
      request,
    });
const onItem = inMeeting<ItemRef>(
  (w, board) => w.item(board),
  (item) => item.id,
);
const onQuestion = inMeeting<QuestionRef>(
  (w, board) => w.questionOnItem(board),
  (q) => q.itemId,
);
const onTwoItems = inMeeting(twoItems, (two) => two.second);
const onTwoQuestions = inMeeting(twoQuestions, (two) => two.itemId);
const onEntry = (request: (meetingId: string, entryId: string) => StaffRequest) =>
  pairs<string, ItemRef>({
    parent: (w) => w.meeting('own'),
    child: (w, board) => w.attendanceEntry(board),
    parentOf: (entry) => entry.meetingId,
    request: (meetingId, entry) => request(meetingId, entry.id),
  });
const onEvidence = (base: string) =>
  pairs<string, { actionId: string; updateId: string }>({
    parent: (w) => w.action('own'),
    child: (w, board) => w.evidence(board),
    parentOf: (e) => e.actionId,
    request: (actionId, e) => get(`${base}/actions/${actionId}/updates/${e.updateId}/evidence`),
  });

/**
 * Versions are numbered per parent, so a version cannot be named under another parent by id: the
 * child is version 2 of a parent that has two, named under a parent that has only version 1. Read
 * only, so the parents of each kind are made once per World and shared by every request.
 */
type Versioned = 'notes' | 'decision';
const versionParents = new WeakMap<World, Map<string, Promise<string>>>();
function versionParent(w: World, kind: Versioned, board: ChildBoard, versions: 1 | 2): Promise<string> {
  const cache = versionParents.get(w) ?? new Map<string, Promise<string>>();
  versionParents.set(w, cache);
  const key = `${kind} ${board} ${versions}`;
  const made =
    cache.get(key) ??
    (kind === 'notes'
      ? w.notes(board, versions === 2 ? 'republished' : 'published')
      : w.decision(board, versions === 2 ? { corrected: true } : { published: true }));
  cache.set(key, made);
  return made;
}
const onVersion = (kind: Versioned, url: (parentId: string, version: number) => string) =>
  pairs<string, string>({
    parent: (w) => versionParent(w, kind, 'own', 1),
    child: (w, board) => versionParent(w, kind, board, 2),
    parentOf: (parentId) => parentId,
    request: (parentId) => get(url(parentId, 2)),
  });

const itemForm = { text: 'The item was presented.', base: '', version: '1' };
const questionForm = {
  text: 'Changed?',
  answer: '',
  askedByPersonId: '',
  version: '1',
  baseText: '',
  baseAnswer: '',
};

/**
 * Every route of the route table whose path names a parent and a child, and pages that name the
 * child in the query (`…?item=:itemId`).
 */
export const pairRequests: Record<string, PairRoute> = {
  // --- /api/v1 ---
  'GET /api/v1/actions/:id/updates/:updateId/evidence': onEvidence(api),
  'DELETE /api/v1/commitments/:id/ratings/:ratingId': pairs({
    boards: ['own'],
    parent: (w) => w.commitment(),
    child: (w) => w.rating(),
    parentOf: (r) => r.commitmentId,
    request: (id, r) => ({ method: 'DELETE', url: `${api}/commitments/${id}/ratings/${r.ratingId}` }),
  }),
  'DELETE /api/v1/commitments/:id/links/:linkId': pairs({
    parent: (w) => w.commitment(),
    // The link's board is its target item's.
    child: (w, board) => w.link(board),
    parentOf: (l) => l.commitmentId,
    request: (id, l) => ({ method: 'DELETE', url: `${api}/commitments/${id}/links/${l.linkId}` }),
  }),
  'GET /api/v1/meetings/:id/notes/versions/:version/pdf': onVersion(
    'notes',
    (id, n) => `${api}/meetings/${id}/notes/versions/${n}/pdf`,
  ),
  'GET /api/v1/decisions/:id/versions/:version/pdf': onVersion(
    'decision',
    (id, n) => `${api}/decisions/${id}/versions/${n}/pdf`,
  ),

  // --- the open data and the public site ---
  'GET /public/v1/meetings/:id/notes/versions/:version': onVersion(
    'notes',
    (id, n) => `/public/v1/meetings/${id}/notes/versions/${n}`,
  ),
  'GET /public/v1/meetings/:id/notes/versions/:version/pdf': onVersion(
    'notes',
    (id, n) => `/public/v1/meetings/${id}/notes/versions/${n}/pdf`,
  ),
  'GET /public/v1/decisions/:id/versions/:version': onVersion(
    'decision',
    (id, n) => `/public/v1/decisions/${id}/versions/${n}`,
  ),
  'GET /public/v1/decisions/:id/versions/:version/pdf': onVersion(
    'decision',
    (id, n) => `/public/v1/decisions/${id}/versions/${n}/pdf`,
  ),
  'GET /meetings/:id/notes/versions/:version': onVersion(
    'notes',
    (id, n) => `/meetings/${id}/notes/versions/${n}`,
  ),
  'GET /decisions/:id/versions/:version': onVersion('decision', (id, n) => `/decisions/${id}/versions/${n}`),

  // --- staff pages and forms ---
  'GET /staff/actions/:id/updates/:updateId/evidence': onEvidence('/staff'),
  'POST /staff/meetings/:id/attendance/:entryId': onEntry((m, e) =>
    post(`/staff/meetings/${m}/attendance/${e}`, { status: 'apologies' }),
  ),
  'POST /staff/meetings/:id/attendance/:entryId/remove': onEntry((m, e) =>
    post(`/staff/meetings/${m}/attendance/${e}/remove`),
  ),
  'POST /staff/meetings/:id/agenda/:itemId/move': onTwoItems((m, two) =>
    post(`/staff/meetings/${m.meetingId}/agenda/${two.second}/move`, { direction: 'up' }),
  ),
  'GET /staff/meetings/:id/agenda/:itemId/remove': onItem((m, item) =>
    get(`/staff/meetings/${m.meetingId}/agenda/${item.id}/remove`),
  ),
  'POST /staff/meetings/:id/agenda/:itemId/remove': onItem((m, item) =>
    post(`/staff/meetings/${m.meetingId}/agenda/${item.id}/remove`),
  ),
  'POST /staff/meetings/:id/draft/items/:itemId': onItem((m, item) =>
    post(`/staff/meetings/${m.meetingId}/draft/items/${item.id}`, itemForm),
  ),
  'POST /staff/meetings/:id/draft/items/:itemId/confidentiality': onItem((m, item) =>
    post(`/staff/meetings/${m.meetingId}/draft/items/${item.id}/confidentiality`, {
      confidentiality: 'opcc_only',
      exemptReason: '',
      version: '1',
    }),
  ),
  'POST /staff/meetings/:id/draft/questions/:questionId': onQuestion((m, q) =>
    post(`/staff/meetings/${m.meetingId}/draft/questions/${q.id}`, { ...questionForm, itemId: m.id }),
  ),
  'POST /staff/meetings/:id/draft/questions/:questionId/move': onTwoQuestions((m, two) =>
    post(`/staff/meetings/${m.meetingId}/draft/questions/${two.questionId}/move`, {
      itemId: m.id,
      direction: 'up',
    }),
  ),
  'GET /staff/meetings/:id/draft/questions/:questionId/delete': onQuestion((m, q) =>
    get(`/staff/meetings/${m.meetingId}/draft/questions/${q.id}/delete?item=${m.id}`),
  ),
  'POST /staff/meetings/:id/draft/questions/:questionId/delete': onQuestion((m, q) =>
    post(`/staff/meetings/${m.meetingId}/draft/questions/${q.id}/delete`, { itemId: m.id, version: '1' }),
  ),

  // The drafting page names its item in the query: the same pair, read.
  'GET /staff/meetings/:id/draft?item=:itemId': onItem((m, item) =>
    get(`/staff/meetings/${m.meetingId}/draft?item=${item.id}`),
  ),

  // --- the drafting screen's scripts ---
  'DELETE /staff/api/meetings/:meetingId/presence/:tab': pairs({
    parent: (w) => w.meeting('own'),
    // The caller's own tab, open on a meeting of the board: the one tab they could end.
    async child(w, board, caller) {
      const { id: itemId, meetingId } = await w.item(board);
      const tab = randomUUID();
      const userId = w.users[caller === 'anonymous' ? 'admin' : caller].id;
      await presence.seen(w.db, { tab, userId, meetingId, itemId }, presence.HEARTBEAT_TTL_MS);
      return { meetingId, tab };
    },
    parentOf: (t) => t.meetingId,
    request: (m, t) => script('DELETE', `/staff/api/meetings/${m}/presence/${t.tab}`),
  }),
  'GET /staff/api/meetings/:meetingId/items/:itemId/draft': onItem((m, item) =>
    get(`/staff/api/meetings/${m.meetingId}/items/${item.id}/draft`),
  ),
  'PATCH /staff/api/meetings/:meetingId/items/:itemId': onItem((m, item) =>
    script('PATCH', `/staff/api/meetings/${m.meetingId}/items/${item.id}`, { text: 'Presented.' }, item.id),
  ),
  'POST /staff/api/meetings/:meetingId/items/:itemId/questions': onItem((m, item) =>
    script('POST', `/staff/api/meetings/${m.meetingId}/items/${item.id}/questions`, { text: 'Why?' }),
  ),
  'PATCH /staff/api/meetings/:meetingId/questions/:questionId': onQuestion((m, q) =>
    script('PATCH', `/staff/api/meetings/${m.meetingId}/questions/${q.id}`, { text: 'Changed?' }, q.id),
  ),
  'DELETE /staff/api/meetings/:meetingId/questions/:questionId': onQuestion((m, q) =>
    script('DELETE', `/staff/api/meetings/${m.meetingId}/questions/${q.id}`, undefined, q.id),
  ),
  'POST /staff/api/meetings/:meetingId/items/:itemId/actions': onItem((m, item, w) =>
    script('POST', `/staff/api/meetings/${m.meetingId}/items/${item.id}/actions`, {
      text: 'WMP to report back.',
      ownerOrganisationId: w.ref.wmp.id,
    }),
  ),
  'PUT /staff/api/meetings/:meetingId/attendance/:entryId': onEntry((m, e) =>
    script('PUT', `/staff/api/meetings/${m}/attendance/${e}`, { status: 'apologies' }),
  ),
};
