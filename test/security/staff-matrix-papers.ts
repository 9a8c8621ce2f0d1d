/**
 * The staff authorisation matrix's requests for the papers screen (issue 15), kept apart from
 * staff-matrix-requests.ts so that file stays small: one valid request per route and item kind, on
 * a fresh item (and a fresh paper on it where the route names one).
 */
import { MINIMAL_PDF } from '../domain/meetings-fixtures.ts';
import { items, per } from './matrix-requests.ts';
import type { ObjectKind, World } from './matrix-world.ts';
import type { StaffRequest } from './staff-matrix-requests.ts';

const base = (item: { id: string; meetingId: string }) =>
  `/staff/meetings/${item.meetingId}/agenda/${item.id}/papers`;

/** A paper on a fresh item of the kind, with the address of its page. */
async function paperOn(w: World, k: ObjectKind) {
  const paperId = await w.paper(k);
  const row = await w.db
    .selectFrom('papers')
    .innerJoin('agenda_items', 'agenda_items.id', 'papers.item_id')
    .select(['papers.item_id as id', 'agenda_items.meeting_id as meetingId'])
    .where('papers.id', '=', paperId)
    .executeTakeFirstOrThrow();
  return `${base(row)}/${paperId}`;
}

export const paperRequests = {
  'GET /staff/meetings/:id/agenda/:itemId/papers': per(items, async (w: World, k) => ({
    method: 'GET' as const,
    url: base(await w.item(k)),
  })),
  'POST /staff/meetings/:id/agenda/:itemId/papers': per(
    items,
    async (w: World, k): Promise<StaffRequest> => ({
      method: 'POST',
      url: base(await w.item(k)),
      parts: [
        { name: 'title', data: 'Estates Strategy' },
        { name: 'confidentiality', data: 'public' },
        { name: 'file', filename: 'estates.pdf', contentType: 'application/pdf', data: MINIMAL_PDF },
      ],
    }),
  ),
  'GET /staff/meetings/:id/agenda/:itemId/papers/:paperId/file': per(items, async (w: World, k) => ({
    method: 'GET' as const,
    url: `${await paperOn(w, k)}/file`,
  })),
  'GET /staff/meetings/:id/agenda/:itemId/papers/:paperId/remove': per(items, async (w: World, k) => ({
    method: 'GET' as const,
    url: `${await paperOn(w, k)}/remove`,
  })),
  'POST /staff/meetings/:id/agenda/:itemId/papers/:paperId/remove': per(items, async (w: World, k) => ({
    method: 'POST' as const,
    url: `${await paperOn(w, k)}/remove`,
    form: {},
  })),
};
