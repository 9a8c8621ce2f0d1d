import { randomUUID } from 'node:crypto';
import * as presence from '../../src/web/staff/presence.ts';
import { MINIMAL_PDF } from '../domain/meetings-fixtures.ts';
import { insertQuestion } from '../helpers/domain-fixtures.ts';
import { actions, boards, items, none, per } from './matrix-requests.ts';
import type { ObjectKind, World } from './matrix-world.ts';
import { adminStaffRequests } from './staff-matrix-admin-requests.ts';
import { decisionRequests } from './staff-matrix-decisions.ts';

/**
 * One valid request per staff web route (or named variant) and object kind, built on fresh
 * objects; the CSRF token is added by the test, as a browser would send it. The expected outcome
 * of each cell is in docs/staff-authorisation-matrix.md, not here.
 *
 * Besides the API matrix's kinds, the member's question routes have `asked`: a question the
 * matrix's member submitted themselves; their `own`, `other`, `exempt` and `opcc-only` questions
 * were submitted by another member.
 */
export type StaffObjectKind = ObjectKind | 'asked';

export interface StaffRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  /** A form post (urlencoded); repeated fields as arrays. */
  form?: Record<string, string | string[]>;
  /** A form with a file (multipart). */
  parts?: { name: string; filename?: string; contentType?: string; data: string | Buffer }[];
  /** A script's JSON call. */
  json?: unknown;
  headers?: Record<string, string>;
}

type StaffRouteRequests = Partial<Record<StaffObjectKind, (w: World) => Promise<StaffRequest>>>;

const get = (url: string): StaffRequest => ({ method: 'GET', url });
export const post = (url: string, form: Record<string, string | string[]> = {}): StaffRequest => ({
  method: 'POST',
  url,
  form,
});
export const script = (method: StaffRequest['method'], url: string, json?: unknown, version?: string) => ({
  method,
  url,
  json,
  ...(version ? { headers: { 'if-match': `W/"${version}:1"` } } : {}),
});
const questions: StaffObjectKind[] = ['asked', 'own', 'other', 'exempt', 'opcc-only'];

/** The version a shared row is at now (boards are shared by every cell). */
async function boardVersion(w: World, boardId: string): Promise<string> {
  const { version } = await w.db
    .selectFrom('boards')
    .select('version')
    .where('id', '=', boardId)
    .executeTakeFirstOrThrow();
  return String(version);
}

/** A question under an item of the kind, asked by the matrix's member (`asked`) or by another member. */
async function membersQuestion(w: World, kind: StaffObjectKind) {
  const by = kind === 'asked' ? w.users.member.id : (await w.user(['member'])).id;
  return w.questionOnItem(kind === 'asked' ? 'own' : kind, { submittedByUserId: by });
}

/** Two items of the kind on one meeting, the second to be moved up. */
export async function twoItems(w: World, kind: ObjectKind) {
  const first = await w.item(kind);
  return { meetingId: first.meetingId, second: (await w.item(kind, first.meetingId)).id };
}

/** Two questions under one item of the kind, the second to be moved up. */
export async function twoQuestions(w: World, kind: ObjectKind) {
  const { id: itemId, meetingId } = await w.item(kind);
  // Explicit places: two inserts in the same instant would otherwise be ordered by their random ids,
  // and "move up" on a question that is already first changes nothing.
  await insertQuestion(w.db, meetingId, { itemId, position: 1 });
  const second = await insertQuestion(w.db, meetingId, { itemId, position: 2 });
  return { meetingId, itemId, questionId: second.id };
}

/** A drafting-screen tab kept open on an item of the board by that board's secretariat. */
async function openTab(w: World, kind: ObjectKind) {
  const { id: itemId, meetingId } = await w.item(kind);
  const tab = randomUUID();
  const userId = (kind === 'other' ? w.users.otherSecretariat : w.users.secretariat).id;
  await presence.seen(w.db, { tab, userId, meetingId, itemId }, presence.HEARTBEAT_TTL_MS);
  return `/staff/api/meetings/${meetingId}/presence/${tab}`;
}

/** A request about a fresh item of each kind (and its meeting). */
const onItem = (
  build: (on: { item: { id: string; meetingId: string }; w: World; k: ObjectKind }) => StaffRequest,
): StaffRouteRequests => per(items, async (w, k) => build({ item: await w.item(k), w, k }));

/** A request about a fresh question under an item of each kind. */
const onQuestion = (
  build: (on: { q: { id: string; meetingId: string; itemId: string } }) => StaffRequest,
): StaffRouteRequests => per(items, async (w, k) => build({ q: await w.questionOnItem(k) }));

const notesStep = (
  step: string,
  state: Parameters<World['notes']>[1],
  form: (w: World, kind: ObjectKind) => Promise<Record<string, string>> = async () => ({}),
): StaffRouteRequests =>
  per(boards, async (w, k) =>
    post(`/staff/meetings/${await w.notes(k, state)}/notes/${step}`, await form(w, k)),
  );

export const staffRequests: Record<string, StaffRouteRequests> = {
  ...adminStaffRequests,
  'GET /staff': per(none, async () => get('/staff')),

  // --- actions: the owning organisation's officers and the board's secretariat ---
  'GET /staff/actions/:id': per(actions, async (w, k) => get(`/staff/actions/${await w.action(k)}`)),
  'POST /staff/actions/:id/updates': per(actions, async (w, k) => ({
    method: 'POST',
    url: `/staff/actions/${await w.action(k)}/updates`,
    parts: [
      { name: 'text', data: 'Dashboard shared with the OPCC.' },
      { name: 'public', data: 'yes' },
      { name: 'evidence', filename: 'dashboard.pdf', contentType: 'application/pdf', data: MINIMAL_PDF },
    ],
  })),
  'POST /staff/actions/:id/propose-completion': per(actions, async (w, k) =>
    post(`/staff/actions/${await w.action(k)}/propose-completion`, { text: 'Done' }),
  ),
  'POST /staff/actions/:id/close': per(actions, async (w, k) =>
    post(`/staff/actions/${await w.action(k)}/close`, { note: 'Closed' }),
  ),
  'POST /staff/actions/:id/reopen': per(actions, async (w, k) =>
    post(`/staff/actions/${await w.action(k, { status: 'closed' })}/reopen`, { note: 'Again' }),
  ),
  'POST /staff/actions/:id/reassign': per(actions, async (w, k) =>
    post(`/staff/actions/${await w.action(k)}/reassign`, {
      ownerOrganisationId: w.organisation(k === 'other' ? 'own' : 'other'),
      ownerPersonId: '',
      dueDate: '2026-12-31',
      version: '1',
    }),
  ),
  'GET /staff/actions/:id/updates/:updateId/evidence': per(actions, async (w, k) => {
    const { actionId, updateId } = await w.evidence(k);
    return get(`/staff/actions/${actionId}/updates/${updateId}/evidence`);
  }),
  'GET /staff/my-actions': per(none, async () => get('/staff/my-actions')),

  // --- boards ---
  'GET /staff/boards/:id': per(boards, async (w, k) => get(`/staff/boards/${w.board(k)}`)),
  'POST /staff/boards/:id/settings': per(boards, async (w, k) =>
    post(`/staff/boards/${w.board(k)}/settings`, {
      title: ['Apologies', ''],
      kind: ['attendance', 'other'],
      questionDeadlineDays: '7',
      version: await boardVersion(w, w.board(k)),
    }),
  ),
  'POST /staff/boards/:id/meetings': per(boards, async (w, k) =>
    post(`/staff/boards/${w.board(k)}/meetings`, {
      date: '2026-05-26',
      startTime: '10:00',
      location: 'Lloyd House',
      nextMeetingDate: '',
    }),
  ),
  'GET /staff/boards/:id/actions': per(boards, async (w, k) => get(`/staff/boards/${w.board(k)}/actions`)),
  'GET /staff/boards/:id/action-log.pdf': per(boards, async (w, k) =>
    get(`/staff/boards/${w.board(k)}/action-log.pdf`),
  ),
  'GET /staff/boards/:id/compliance': per(boards, async (w, k) =>
    get(`/staff/boards/${w.board(k)}/compliance`),
  ),
  'GET /staff/audit': per(none, async () => get('/staff/audit')),

  // --- meeting set-up ---
  'GET /staff/meetings/:id': per(boards, async (w, k) => get(`/staff/meetings/${await w.meeting(k)}`)),
  'POST /staff/meetings/:id/status': per(boards, async (w, k) =>
    post(`/staff/meetings/${await w.meeting(k)}/status`, { status: 'cancelled', version: '1' }),
  ),
  'POST /staff/meetings/:id/attendance': per(boards, async (w, k) =>
    post(`/staff/meetings/${await w.meeting(k)}/attendance`, {
      personId: await w.person(),
      status: 'present',
    }),
  ),
  'POST /staff/meetings/:id/attendance/:entryId': per(boards, async (w, k) => {
    const entry = await w.attendanceEntry(k);
    return post(`/staff/meetings/${entry.meetingId}/attendance/${entry.id}`, { status: 'apologies' });
  }),
  'POST /staff/meetings/:id/attendance/:entryId/remove': per(boards, async (w, k) => {
    const entry = await w.attendanceEntry(k);
    return post(`/staff/meetings/${entry.meetingId}/attendance/${entry.id}/remove`);
  }),
  'POST /staff/meetings/:id/people': per(boards, async (w, k) =>
    post(`/staff/meetings/${await w.meeting(k)}/people`, {
      name: 'Scott Green',
      jobTitle: 'Chief Constable',
      organisationId: '',
    }),
  ),
  'POST /staff/meetings/:id/agenda': per(boards, async (w, k) =>
    post(`/staff/meetings/${await w.meeting(k)}/agenda`, {
      title: 'Any other business',
      kind: 'aob',
      presenter: '',
      confidentiality: 'public',
    }),
  ),
  'POST /staff/meetings/:id/agenda/:itemId/move': per(items, async (w, k) => {
    const { meetingId, second } = await twoItems(w, k);
    return post(`/staff/meetings/${meetingId}/agenda/${second}/move`, { direction: 'up' });
  }),
  'GET /staff/meetings/:id/agenda/:itemId/remove': onItem(({ item }) =>
    get(`/staff/meetings/${item.meetingId}/agenda/${item.id}/remove`),
  ),
  'POST /staff/meetings/:id/agenda/:itemId/remove': onItem(({ item }) =>
    post(`/staff/meetings/${item.meetingId}/agenda/${item.id}/remove`),
  ),

  // --- the notes workflow: one route, a row per step ---
  'POST /staff/meetings/:id/notes/submit': notesStep('submit', 'draft'),
  'POST /staff/meetings/:id/notes/return': notesStep('return', 'submitted'),
  'POST /staff/meetings/:id/notes/approve': notesStep('approve', 'submitted', async (w, k) => ({
    atMeetingId: await w.meeting(k, { held: true, daysAgo: 6 }),
  })),
  'POST /staff/meetings/:id/notes/publish': notesStep('publish', 'approved'),
  'POST /staff/meetings/:id/notes/correct': notesStep('correct', 'published', async () => ({
    reason: 'A name was misspelt',
  })),
  'POST /staff/meetings/:id/notes/cancel-correction': notesStep('cancel-correction', 'correcting'),
  'POST /staff/meetings/:id/notes/publish-agenda': per(boards, async (w, k) =>
    post(`/staff/meetings/${await w.meeting(k)}/notes/publish-agenda`),
  ),
  'GET /staff/meetings/:id/notes.html': per(boards, async (w, k) =>
    get(`/staff/meetings/${await w.meeting(k)}/notes.html`),
  ),
  'GET /staff/meetings/:id/notes.pdf': per(boards, async (w, k) =>
    get(`/staff/meetings/${await w.meeting(k)}/notes.pdf`),
  ),

  // --- the drafting screen's forms ---
  'GET /staff/meetings/:id/draft': onItem(({ item }) =>
    get(`/staff/meetings/${item.meetingId}/draft?item=${item.id}`),
  ),
  'POST /staff/meetings/:id/draft/items/:itemId': onItem(({ item }) =>
    post(`/staff/meetings/${item.meetingId}/draft/items/${item.id}`, {
      text: 'The item was presented.',
      base: '',
      version: '1',
    }),
  ),
  'POST /staff/meetings/:id/draft/items/:itemId/confidentiality': onItem(({ item, k }) =>
    post(`/staff/meetings/${item.meetingId}/draft/items/${item.id}/confidentiality`, {
      confidentiality: k === 'opcc-only' ? 'public' : 'opcc_only',
      exemptReason: '',
      version: '1',
    }),
  ),
  'POST /staff/meetings/:id/draft/questions': onItem(({ item }) =>
    post(`/staff/meetings/${item.meetingId}/draft/questions`, {
      itemId: item.id,
      askedByPersonId: '',
      text: 'What assurance can you give?',
      answer: '',
    }),
  ),
  'POST /staff/meetings/:id/draft/questions/:questionId': onQuestion(({ q }) =>
    post(`/staff/meetings/${q.meetingId}/draft/questions/${q.id}`, {
      itemId: q.itemId,
      text: 'What assurance can you give now?',
      answer: '',
      askedByPersonId: '',
      version: '1',
      baseText: '',
      baseAnswer: '',
    }),
  ),
  'POST /staff/meetings/:id/draft/actions': onItem(({ item, w, k }) =>
    post(`/staff/meetings/${item.meetingId}/draft/actions`, {
      itemId: item.id,
      raisedUnder: '',
      text: 'WMP to report back.',
      ownerOrganisationId: w.organisation(k),
      dueDate: '',
    }),
  ),
  'POST /staff/meetings/:id/draft/attendance': per(boards, async (w, k) => {
    const item = await w.item(k);
    await w.attendanceEntry(k, item.meetingId);
    // Nobody ticked present: the one person present is recorded absent.
    return post(`/staff/meetings/${item.meetingId}/draft/attendance`, { itemId: item.id });
  }),
  'POST /staff/meetings/:id/draft/questions/:questionId/move': per(items, async (w, k) => {
    const { meetingId, itemId, questionId } = await twoQuestions(w, k);
    return post(`/staff/meetings/${meetingId}/draft/questions/${questionId}/move`, {
      itemId,
      direction: 'up',
    });
  }),
  'GET /staff/meetings/:id/draft/questions/:questionId/delete': onQuestion(({ q }) =>
    get(`/staff/meetings/${q.meetingId}/draft/questions/${q.id}/delete?item=${q.itemId}`),
  ),
  'POST /staff/meetings/:id/draft/questions/:questionId/delete': onQuestion(({ q }) =>
    post(`/staff/meetings/${q.meetingId}/draft/questions/${q.id}/delete`, {
      itemId: q.itemId,
      version: '1',
    }),
  ),

  // --- the drafting screen's scripts (JSON, problem+json errors) ---
  'GET /staff/api/csrf': per(none, async () => get('/staff/api/csrf')),
  'POST /staff/api/meetings/:meetingId/presence': onItem(({ item }) =>
    script('POST', `/staff/api/meetings/${item.meetingId}/presence`, {
      tab: randomUUID(),
      itemId: item.id,
    }),
  ),
  'DELETE /staff/api/meetings/:meetingId/presence/:tab': per(boards, async (w, k) =>
    script('DELETE', await openTab(w, k)),
  ),
  'GET /staff/api/meetings/:meetingId/items/:itemId/draft': onItem(({ item }) =>
    get(`/staff/api/meetings/${item.meetingId}/items/${item.id}/draft`),
  ),
  'PATCH /staff/api/meetings/:meetingId/items/:itemId': onItem(({ item }) =>
    script(
      'PATCH',
      `/staff/api/meetings/${item.meetingId}/items/${item.id}`,
      { text: 'The item was presented.' },
      item.id,
    ),
  ),
  'POST /staff/api/meetings/:meetingId/items/:itemId/questions': onItem(({ item }) =>
    script('POST', `/staff/api/meetings/${item.meetingId}/items/${item.id}/questions`, {
      text: 'What assurance can you give?',
    }),
  ),
  'PATCH /staff/api/meetings/:meetingId/questions/:questionId': onQuestion(({ q }) =>
    script('PATCH', `/staff/api/meetings/${q.meetingId}/questions/${q.id}`, { text: 'Changed' }, q.id),
  ),
  'DELETE /staff/api/meetings/:meetingId/questions/:questionId': onQuestion(({ q }) =>
    script('DELETE', `/staff/api/meetings/${q.meetingId}/questions/${q.id}`, undefined, q.id),
  ),
  'POST /staff/api/meetings/:meetingId/items/:itemId/actions': onItem(({ item, w, k }) =>
    script('POST', `/staff/api/meetings/${item.meetingId}/items/${item.id}/actions`, {
      text: 'WMP to report back.',
      ownerOrganisationId: w.organisation(k),
    }),
  ),
  'PUT /staff/api/meetings/:meetingId/attendance/:entryId': per(boards, async (w, k) => {
    const entry = await w.attendanceEntry(k);
    return script('PUT', `/staff/api/meetings/${entry.meetingId}/attendance/${entry.id}`, {
      status: 'apologies',
    });
  }),

  // --- members' questions ---
  'GET /staff/questions': per(none, async () => get('/staff/questions')),
  'GET /staff/questions/new': per(boards, async (w, k) =>
    get(`/staff/questions/new?meeting=${await w.meeting(k)}`),
  ),
  'POST /staff/questions': onItem(({ item }) =>
    post('/staff/questions', {
      meetingId: item.meetingId,
      itemId: item.id,
      text: 'What is the plan?',
    }),
  ),
  'GET /staff/questions/:id/edit': per(questions, async (w, k) =>
    get(`/staff/questions/${(await membersQuestion(w, k)).id}/edit`),
  ),
  'POST /staff/questions/:id': per(questions, async (w, k) =>
    post(`/staff/questions/${(await membersQuestion(w, k)).id}`, { version: '1', text: 'Changed' }),
  ),
  'POST /staff/questions/:id/withdraw': per(questions, async (w, k) =>
    post(`/staff/questions/${(await membersQuestion(w, k)).id}/withdraw`),
  ),
  ...decisionRequests,
};
