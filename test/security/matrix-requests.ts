import { insertQuestion } from '../helpers/domain-fixtures.ts';
import { type MatrixRequest, type ObjectKind, pdfUpload, type World } from './matrix-world.ts';

/**
 * One valid request per route and object kind, built on fresh objects. The expected status of
 * each (route, object, role) cell is in docs/authorisation-matrix.md, not here.
 */
export type RequestBuilder = (w: World) => Promise<MatrixRequest>;
export type RouteRequests = Partial<Record<ObjectKind, RequestBuilder>>;

const api = '/api/v1';
const etag = (id: string, version = 1) => ({ 'if-match': `W/"${id}:${version}"` });

/** The same builder for several object kinds. */
export function per<Kind extends string, Request = MatrixRequest>(
  kinds: Kind[],
  build: (w: World, kind: Kind) => Promise<Request>,
): Partial<Record<Kind, (w: World) => Promise<Request>>> {
  return Object.fromEntries(kinds.map((k) => [k, (w: World) => build(w, k)])) as Partial<
    Record<Kind, (w: World) => Promise<Request>>
  >;
}
export const boards: ObjectKind[] = ['own', 'other'];
export const items: ObjectKind[] = ['own', 'other', 'exempt', 'opcc-only'];
export const actions: ObjectKind[] = ['own', 'other', 'exempt', 'opcc-only'];
export const none: ObjectKind[] = ['-'];
const get = (url: string): MatrixRequest => ({ method: 'GET', url });

export const matrixRequests: Record<string, RouteRequests> = {
  // --- auth ---
  'POST /api/v1/auth/login': per(none, async (w) => {
    const { email } = await w.user();
    return {
      method: 'POST',
      url: `${api}/auth/login`,
      payload: { email, password: 'correct horse battery staple' },
    };
  }),
  'POST /api/v1/auth/refresh': per(none, async (w) => ({
    method: 'POST',
    url: `${api}/auth/refresh`,
    payload: { refreshToken: await w.refreshToken() },
  })),
  'POST /api/v1/auth/logout': per(none, async (w) => ({
    method: 'POST',
    url: `${api}/auth/logout`,
    payload: { refreshToken: await w.refreshToken() },
  })),
  'GET /api/v1/auth/me': per(none, async () => get(`${api}/auth/me`)),

  // --- users, organisations, people ---
  'GET /api/v1/users': per(none, async () => get(`${api}/users`)),
  'POST /api/v1/users': per(none, async () => ({
    method: 'POST',
    url: `${api}/users`,
    payload: {
      email: `new-${Math.random().toString(36).slice(2)}@example.org`,
      displayName: 'New User',
      password: 'a long enough password',
    },
  })),
  'GET /api/v1/users/:id': per(none, async (w) => get(`${api}/users/${(await w.user()).id}`)),
  'PATCH /api/v1/users/:id': per(none, async (w) => ({
    method: 'PATCH',
    url: `${api}/users/${(await w.user()).id}`,
    payload: { displayName: 'Renamed' },
  })),
  'GET /api/v1/organisations': per(none, async () => get(`${api}/organisations`)),
  'POST /api/v1/organisations': per(none, async () => {
    const n = Math.random().toString(36).slice(2, 8);
    return { method: 'POST', url: `${api}/organisations`, payload: { name: `Org ${n}`, shortName: `O${n}` } };
  }),
  'GET /api/v1/organisations/:id': per(none, async (w) => get(`${api}/organisations/${w.ref.wmp.id}`)),
  'PATCH /api/v1/organisations/:id': per(none, async (w) => {
    const n = Math.random().toString(36).slice(2, 8);
    const org = await w.db
      .insertInto('organisations')
      .values({ name: `Org ${n}`, short_name: `O${n}` })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { method: 'PATCH', url: `${api}/organisations/${org.id}`, payload: { name: `Renamed ${n}` } };
  }),
  'GET /api/v1/people': per(none, async () => get(`${api}/people`)),
  'POST /api/v1/people': per(none, async () => ({
    method: 'POST',
    url: `${api}/people`,
    payload: { name: 'Scott Green', jobTitle: 'Chief Constable' },
  })),
  'GET /api/v1/people/:id': per(none, async (w) => get(`${api}/people/${await w.person()}`)),
  'PATCH /api/v1/people/:id': per(none, async (w) => ({
    method: 'PATCH',
    url: `${api}/people/${await w.person()}`,
    payload: { jobTitle: 'Superintendent' },
  })),

  // --- boards and meetings ---
  'GET /api/v1/boards': per(none, async () => get(`${api}/boards`)),
  'POST /api/v1/boards': per(none, async () => ({
    method: 'POST',
    url: `${api}/boards`,
    payload: { name: 'New board', code: `NB${Math.floor(Math.random() * 1e6)}` },
  })),
  'GET /api/v1/boards/:id': per(boards, async (w, k) => get(`${api}/boards/${w.board(k)}`)),
  'PATCH /api/v1/boards/:id': per(boards, async (w, k) => {
    // Boards are shared by every cell: If-Match names the version the board is at now.
    const { version } = await w.db
      .selectFrom('boards')
      .select('version')
      .where('id', '=', w.board(k))
      .executeTakeFirstOrThrow();
    return {
      method: 'PATCH',
      url: `${api}/boards/${w.board(k)}`,
      headers: etag(w.board(k), version),
      payload: { description: `Changed ${Math.random()}` },
    };
  }),
  'GET /api/v1/boards/:id/compliance': per(boards, async (w, k) =>
    get(`${api}/boards/${w.board(k)}/compliance`),
  ),
  'GET /api/v1/boards/:id/action-log.html': per(boards, async (w, k) =>
    get(`${api}/boards/${w.board(k)}/action-log.html`),
  ),
  'GET /api/v1/boards/:id/action-log.pdf': per(boards, async (w, k) =>
    get(`${api}/boards/${w.board(k)}/action-log.pdf`),
  ),
  'POST /api/v1/boards/:id/import-notes': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/boards/${w.board(k)}/import-notes`,
    payload: { text: NOTES_TEXT, dryRun: true },
  })),
  'GET /api/v1/meetings': per(none, async () => get(`${api}/meetings`)),
  'POST /api/v1/meetings': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings`,
    payload: { boardId: w.board(k), date: '2026-05-26', startTime: '10:00', online: true },
  })),
  'GET /api/v1/meetings/:id': per(boards, async (w, k) => get(`${api}/meetings/${await w.meeting(k)}`)),
  'PATCH /api/v1/meetings/:id': per(boards, async (w, k) => {
    const id = await w.meeting(k);
    return {
      method: 'PATCH',
      url: `${api}/meetings/${id}`,
      headers: etag(id),
      payload: { summary: 'Changed', online: true },
    };
  }),
  'POST /api/v1/meetings/:id/status': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k)}/status`,
    payload: { status: 'cancelled' },
  })),
  'GET /api/v1/meetings/:id/attendance': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/attendance`),
  ),
  'POST /api/v1/meetings/:id/attendance': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k)}/attendance`,
    payload: { personId: await w.person(), status: 'present' },
  })),
  'PUT /api/v1/attendance/:id': per(boards, async (w, k) => ({
    method: 'PUT',
    url: `${api}/attendance/${await w.attendance(k)}`,
    payload: { status: 'apologies' },
  })),
  'DELETE /api/v1/attendance/:id': per(boards, async (w, k) => ({
    method: 'DELETE',
    url: `${api}/attendance/${await w.attendance(k)}`,
  })),
  'GET /api/v1/meetings/:id/declarations': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/declarations`),
  ),
  'POST /api/v1/meetings/:id/declarations': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k)}/declarations`,
    payload: { personId: await w.person(), interest: 'Trustee of a charity' },
  })),
  'DELETE /api/v1/declarations/:id': per(items, async (w, k) => ({
    method: 'DELETE',
    url: `${api}/declarations/${await w.declaration(k)}`,
  })),

  // --- agenda and papers ---
  'GET /api/v1/meetings/:id/agenda': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/agenda`),
  ),
  'POST /api/v1/meetings/:id/agenda': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k)}/agenda`,
    payload: { title: 'AOB', kind: 'aob' },
  })),
  'POST /api/v1/meetings/:id/agenda/reorder': per(boards, async (w, k) => {
    const meetingId = await w.meeting(k);
    const a = await w.item(k, meetingId);
    const b = await w.item(k, meetingId);
    return {
      method: 'POST',
      url: `${api}/meetings/${meetingId}/agenda/reorder`,
      payload: { itemIds: [b.id, a.id] },
    };
  }),
  'GET /api/v1/agenda-items/:id': per(items, async (w, k) =>
    get(`${api}/agenda-items/${(await w.item(k)).id}`),
  ),
  'PATCH /api/v1/agenda-items/:id': per(items, async (w, k) => {
    const { id } = await w.item(k);
    return {
      method: 'PATCH',
      url: `${api}/agenda-items/${id}`,
      headers: etag(id),
      payload: { bodyHtml: '<p>x</p>' },
    };
  }),
  'DELETE /api/v1/agenda-items/:id': per(items, async (w, k) => ({
    method: 'DELETE',
    url: `${api}/agenda-items/${(await w.item(k)).id}`,
  })),
  'GET /api/v1/agenda-items/:id/papers': per(items, async (w, k) =>
    get(`${api}/agenda-items/${(await w.item(k)).id}/papers`),
  ),
  'POST /api/v1/agenda-items/:id/papers': per(items, async (w, k) => ({
    method: 'POST',
    url: `${api}/agenda-items/${(await w.item(k)).id}/papers`,
    ...pdfUpload(),
  })),
  'GET /api/v1/papers/:id': per(items, async (w, k) => get(`${api}/papers/${await w.paper(k)}`)),
  'GET /api/v1/papers/:id/file': per(items, async (w, k) => get(`${api}/papers/${await w.paper(k)}/file`)),
  'DELETE /api/v1/papers/:id': per(items, async (w, k) => ({
    method: 'DELETE',
    url: `${api}/papers/${await w.paper(k)}`,
  })),

  // --- questions ---
  'GET /api/v1/meetings/:id/questions': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/questions`),
  ),
  'POST /api/v1/meetings/:id/questions': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k)}/questions`,
    payload: { source: 'in_meeting', text: 'What assurance can you give?' },
  })),
  'POST /api/v1/meetings/:id/questions/submit': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k)}/questions/submit`,
    payload: { text: 'What is the plan?' },
  })),
  'PUT /api/v1/meetings/:id/questions/order': per(boards, async (w, k) => {
    const meetingId = await w.meeting(k);
    const q1 = await insertQuestion(w.db, meetingId, { source: 'pre_submitted', text: 'One?' });
    const q2 = await insertQuestion(w.db, meetingId, { source: 'pre_submitted', text: 'Two?' });
    return {
      method: 'PUT',
      url: `${api}/meetings/${meetingId}/questions/order`,
      payload: { questionIds: [q2.id, q1.id] },
    };
  }),
  'GET /api/v1/questions/:id': per(items, async (w, k) => get(`${api}/questions/${await w.question(k)}`)),
  'PATCH /api/v1/questions/:id': per(items, async (w, k) => {
    const id = await w.question(k);
    return {
      method: 'PATCH',
      url: `${api}/questions/${id}`,
      headers: etag(id),
      payload: { text: 'Changed' },
    };
  }),
  'DELETE /api/v1/questions/:id': per(items, async (w, k) => ({
    method: 'DELETE',
    url: `${api}/questions/${await w.question(k)}`,
  })),

  // --- actions ---
  'GET /api/v1/actions': per(none, async () => get(`${api}/actions`)),
  'GET /api/v1/actions/:id': per(actions, async (w, k) => get(`${api}/actions/${await w.action(k)}`)),
  'POST /api/v1/meetings/:id/actions': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k, { held: true })}/actions`,
    payload: { text: 'WMP to report back.', ownerOrganisationId: w.organisation(k) },
  })),
  'PATCH /api/v1/actions/:id': per(actions, async (w, k) => {
    const id = await w.action(k);
    return { method: 'PATCH', url: `${api}/actions/${id}`, headers: etag(id), payload: { text: 'Changed' } };
  }),
  'POST /api/v1/actions/:id/updates': per(actions, async (w, k) => ({
    method: 'POST',
    url: `${api}/actions/${await w.action(k)}/updates`,
    payload: { text: 'Progress' },
  })),
  'POST /api/v1/actions/:id/propose-completion': per(actions, async (w, k) => ({
    method: 'POST',
    url: `${api}/actions/${await w.action(k)}/propose-completion`,
    payload: { text: 'Done' },
  })),
  'POST /api/v1/actions/:id/close': per(actions, async (w, k) => ({
    method: 'POST',
    url: `${api}/actions/${await w.action(k)}/close`,
    payload: { note: 'Closed' },
  })),
  'POST /api/v1/actions/:id/reopen': per(actions, async (w, k) => ({
    method: 'POST',
    url: `${api}/actions/${await w.action(k, { status: 'closed' })}/reopen`,
    payload: { note: 'Again' },
  })),
  'GET /api/v1/actions/:id/updates/:updateId/evidence': per(actions, async (w, k) => {
    const { actionId, updateId } = await w.evidence(k);
    return get(`${api}/actions/${actionId}/updates/${updateId}/evidence`);
  }),
  'GET /api/v1/meetings/:id/matters-arising': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/matters-arising`),
  ),

  // --- plans ---
  'GET /api/v1/plans': per(none, async () => get(`${api}/plans`)),
  'POST /api/v1/plans': per(none, async () => ({
    method: 'POST',
    url: `${api}/plans`,
    payload: { title: 'Police and Crime Plan 2029-2033', startsOn: '2029-05-10', endsOn: '2033-05-09' },
  })),
  'GET /api/v1/plans/:id': per(none, async (w) => get(`${api}/plans/${await w.plan()}`)),
  'PATCH /api/v1/plans/:id': per(none, async (w) => ({
    method: 'PATCH',
    url: `${api}/plans/${await w.plan()}`,
    payload: { title: 'Renamed' },
  })),
  'DELETE /api/v1/plans/:id': per(none, async (w) => ({
    method: 'DELETE',
    url: `${api}/plans/${await w.plan()}`,
  })),
  'GET /api/v1/plans/:id/commitments': per(none, async (w) =>
    get(`${api}/plans/${await w.plan()}/commitments`),
  ),
  'POST /api/v1/plans/:id/commitments': per(none, async (w) => ({
    method: 'POST',
    url: `${api}/plans/${await w.plan()}/commitments`,
    payload: { ref: 148, text: 'Work with the ROCU and the NCA.' },
  })),
  'GET /api/v1/commitments/:id': per(none, async (w) => get(`${api}/commitments/${await w.commitment()}`)),
  'PATCH /api/v1/commitments/:id': per(none, async (w) => {
    const id = await w.commitment();
    return {
      method: 'PATCH',
      url: `${api}/commitments/${id}`,
      headers: etag(id),
      payload: { chapter: 'Violence' },
    };
  }),
  'DELETE /api/v1/commitments/:id': per(none, async (w) => ({
    method: 'DELETE',
    url: `${api}/commitments/${await w.commitment()}`,
  })),
  'POST /api/v1/commitments/:id/ratings': per(none, async (w) => ({
    method: 'POST',
    url: `${api}/commitments/${await w.commitment()}/ratings`,
    payload: { period: 'Q2 25/26', rating: 'amber' },
  })),
  'DELETE /api/v1/commitments/:id/ratings/:ratingId': per(none, async (w) => {
    const { commitmentId, ratingId } = await w.rating();
    return { method: 'DELETE', url: `${api}/commitments/${commitmentId}/ratings/${ratingId}` };
  }),
  'POST /api/v1/commitments/:id/links': per(items, async (w, k) => ({
    method: 'POST',
    url: `${api}/commitments/${await w.commitment()}/links`,
    payload: { itemId: (await w.item(k)).id },
  })),
  'DELETE /api/v1/commitments/:id/links/:linkId': per(items, async (w, k) => {
    const { commitmentId, linkId } = await w.link(k);
    return { method: 'DELETE', url: `${api}/commitments/${commitmentId}/links/${linkId}` };
  }),

  // --- search and audit ---
  'GET /api/v1/search': per(none, async () => get(`${api}/search?q=domestic`)),
  'GET /api/v1/audit': per(none, async () => get(`${api}/audit`)),

  // --- documents ---
  'GET /api/v1/meetings/:id/notes.pdf': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/notes.pdf`),
  ),
  'GET /api/v1/meetings/:id/notes.html': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/notes.html`),
  ),
  'GET /api/v1/meetings/:id/agenda.pdf': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/agenda.pdf`),
  ),
  'GET /api/v1/meetings/:id/agenda.html': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/agenda.html`),
  ),
  'POST /api/v1/render-jobs': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/render-jobs`,
    payload: { kind: 'agenda', ids: [await w.meeting(k)] },
  })),
  'GET /api/v1/render-jobs/:id': per(boards, async (w, k) =>
    get(`${api}/render-jobs/${await w.renderJob(k)}`),
  ),

  // --- publication ---
  'GET /api/v1/meetings/:id/publication': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.meeting(k)}/publication`),
  ),
  'POST /api/v1/meetings/:id/agenda/publish': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.meeting(k)}/agenda/publish`,
  })),
  'POST /api/v1/meetings/:id/notes/submit': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.notes(k, 'draft')}/notes/submit`,
  })),
  'POST /api/v1/meetings/:id/notes/return': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.notes(k, 'submitted')}/notes/return`,
  })),
  'POST /api/v1/meetings/:id/notes/approve': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.notes(k, 'submitted')}/notes/approve`,
    payload: { atMeetingId: await w.meeting(k, { held: true, daysAgo: 6 }) },
  })),
  'POST /api/v1/meetings/:id/notes/publish': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.notes(k, 'approved')}/notes/publish`,
  })),
  'POST /api/v1/meetings/:id/notes/corrections': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.notes(k, 'published')}/notes/corrections`,
    payload: { reason: 'A name was misspelt' },
  })),
  'POST /api/v1/meetings/:id/notes/corrections/cancel': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/meetings/${await w.notes(k, 'correcting')}/notes/corrections/cancel`,
  })),
  'GET /api/v1/meetings/:id/notes/public-preview': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.notes(k, 'draft')}/notes/public-preview`),
  ),
  'GET /api/v1/meetings/:id/notes/versions': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.notes(k, 'published')}/notes/versions`),
  ),
  'GET /api/v1/meetings/:id/notes/versions/:version/pdf': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.notes(k, 'published')}/notes/versions/1/pdf`),
  ),
  'GET /api/v1/meetings/:id/notes/diff': per(boards, async (w, k) =>
    get(`${api}/meetings/${await w.notes(k, 'republished')}/notes/diff?from=1&to=2`),
  ),

  // --- decisions ---
  'GET /api/v1/decisions': per(none, async () => get(`${api}/decisions`)),
  'POST /api/v1/decisions': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/decisions`,
    payload: {
      boardId: w.board(k),
      title: 'Approval of the estates strategy',
      decisionDate: '2026-03-24',
      decisionMaker: 'Police and Crime Commissioner',
      summary: 'Approved.',
    },
  })),
  'GET /api/v1/decisions/:id': per(boards, async (w, k) => get(`${api}/decisions/${await w.decision(k)}`)),
  'PATCH /api/v1/decisions/:id': per(boards, async (w, k) => {
    const id = await w.decision(k);
    return {
      method: 'PATCH',
      url: `${api}/decisions/${id}`,
      headers: etag(id),
      payload: { title: 'Changed' },
    };
  }),
  'POST /api/v1/decisions/:id/publish': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/decisions/${await w.decision(k)}/publish`,
  })),
  'POST /api/v1/decisions/:id/corrections': per(boards, async (w, k) => ({
    method: 'POST',
    url: `${api}/decisions/${await w.decision(k, { published: true })}/corrections`,
    payload: { summary: 'Approved with conditions.', reason: 'Conditions left out' },
  })),
  'GET /api/v1/decisions/:id/versions/:version/pdf': per(boards, async (w, k) =>
    get(`${api}/decisions/${await w.decision(k, { published: true })}/versions/1/pdf`),
  ),
  'GET /api/v1/decisions/:id/diff': per(boards, async (w, k) =>
    get(`${api}/decisions/${await w.decision(k, { corrected: true })}/diff?from=1&to=2`),
  ),
};

const NOTES_TEXT = [
  'Accountability and Governance Board',
  'Notes of the Meeting',
  'Tuesday 24 March 2026',
  '',
  'Present:',
  'Wasim Ali – Deputy Police and Crime Commissioner (OPCC)',
  '',
  '1. Attendees',
  'As above.',
].join('\n');
