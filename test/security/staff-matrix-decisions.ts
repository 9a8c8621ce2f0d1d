/**
 * The staff authorisation matrix's requests for the secretariat's decision screens (issue 15), kept
 * apart from staff-matrix-requests.ts so that file stays small: one valid request per route and
 * board, on a fresh decision (a draft, or a published one where the route needs it).
 */
import { boards, none, per } from './matrix-requests.ts';
import type { World } from './matrix-world.ts';
import type { StaffRequest } from './staff-matrix-requests.ts';

const get = (url: string): StaffRequest => ({ method: 'GET', url });
const post = (url: string, form: Record<string, string> = {}): StaffRequest => ({
  method: 'POST',
  url,
  form,
});

const fields = {
  title: 'Approval of the estates strategy',
  decisionDate: '2026-03-24',
  decisionMaker: 'Police and Crime Commissioner',
  summary: 'The Commissioner approved the strategy.',
  meetingId: '',
  itemId: '',
};

export const decisionRequests = {
  'GET /staff/decisions': per(none, async () => get('/staff/decisions')),
  'GET /staff/boards/:id/decisions': per(boards, async (w: World, k) =>
    get(`/staff/boards/${w.board(k)}/decisions`),
  ),
  'GET /staff/boards/:id/decisions/new': per(boards, async (w: World, k) =>
    get(`/staff/boards/${w.board(k)}/decisions/new`),
  ),
  'POST /staff/boards/:id/decisions': per(boards, async (w: World, k) =>
    post(`/staff/boards/${w.board(k)}/decisions`, fields),
  ),
  'GET /staff/decisions/:id': per(boards, async (w: World, k) =>
    get(`/staff/decisions/${await w.decision(k)}`),
  ),
  'POST /staff/decisions/:id': per(boards, async (w: World, k) =>
    post(`/staff/decisions/${await w.decision(k)}`, { ...fields, title: 'Estates strategy', version: '1' }),
  ),
  'GET /staff/decisions/:id/publish': per(boards, async (w: World, k) =>
    get(`/staff/decisions/${await w.decision(k)}/publish`),
  ),
  'POST /staff/decisions/:id/publish': per(boards, async (w: World, k) =>
    post(`/staff/decisions/${await w.decision(k)}/publish`),
  ),
  'POST /staff/decisions/:id/corrections': per(boards, async (w: World, k) =>
    post(`/staff/decisions/${await w.decision(k, { published: true })}/corrections`, {
      ...fields,
      summary: 'Approved with conditions.',
      reason: 'Conditions left out',
    }),
  ),
};
