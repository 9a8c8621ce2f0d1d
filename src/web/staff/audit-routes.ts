/**
 * /staff/audit: the audit log on screen for the secretariat (entries about their boards) and admins
 * (everything), filtered by board, kind of thing, person and London dates, newest first, page by page
 * with the API's cursor. Everything is read through the audit service the API uses.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canAdministerBoard } from '../../access/index.ts';
import { isAdmin } from '../../core/principal.ts';
import { invalidCursor } from '../../http/pagination.ts';
import { auditQuery } from '../../modules/audit/schemas.ts';
import { listAuditEntries, listAuditPeople } from '../../modules/audit/service.ts';
import * as boardsService from '../../modules/boards/service.ts';
import { addDays, startOfLondonDay } from '../../time/london.ts';
import { type FormErrors, formErrors } from '../forms.ts';
import { signedIn } from './access.ts';
import { ENTITY_LABELS, entryView } from './audit-view.ts';
import { staffMeta } from './nav.ts';

const text = z.string().max(100).catch('');
const filters = z.object({
  board: text,
  type: text,
  person: text,
  from: text,
  to: text,
  /** Not `.catch`: a cursor this site did not make is a 400 page, never a silent first page. */
  cursor: z.string().optional(),
});
type Filters = z.infer<typeof filters>;

const uuid = z.uuid();
const isDate = (v: string) => z.iso.date().safeParse(v).success;

/** What was typed, checked; each problem is shown beside its field and the list is not loaded. */
function check(f: Filters): FormErrors {
  const problems: [string, string][] = [];
  if (f.board && !uuid.safeParse(f.board).success) problems.push(['board', 'Choose a board from the list']);
  if (f.type && !(f.type in ENTITY_LABELS)) problems.push(['type', 'Choose a kind of record from the list']);
  if (f.person && !uuid.safeParse(f.person).success)
    problems.push(['person', 'Choose a person from the list']);
  if (f.from && !isDate(f.from))
    problems.push(['from', 'Enter the first day as a real date, for example 2026-03-24']);
  if (f.to && !isDate(f.to))
    problems.push(['to', 'Enter the last day as a real date, for example 2026-03-31']);
  if (f.from && f.to && isDate(f.from) && isDate(f.to) && f.to < f.from) {
    problems.push(['to', 'The last day must be the same as or after the first day']);
  }
  return formErrors(problems, 'audit-');
}

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', async (request, reply) => {
    const actor = signedIn(request);
    const ctx = request.ctx();
    const f = filters.parse(request.query ?? {});
    if (f.cursor !== undefined && f.cursor.length > 500) throw invalidCursor();
    const errors = check(f);
    const [boards, people] = await Promise.all([
      boardsService.listBoards(ctx).then((all) => all.filter((b) => canAdministerBoard(actor, b.id))),
      listAuditPeople(ctx),
    ]);
    const page = errors.list.length
      ? { items: [], nextCursor: null }
      : await listAuditEntries(
          ctx,
          auditQuery.parse({
            ...(f.board ? { boardId: f.board } : {}),
            ...(f.type ? { entityType: f.type } : {}),
            ...(f.person ? { actorUserId: f.person } : {}),
            // London days: from the start of the first to the start of the day after the last.
            ...(f.from ? { from: startOfLondonDay(f.from).toISOString() } : {}),
            ...(f.to ? { to: startOfLondonDay(addDays(f.to, 1)).toISOString() } : {}),
            limit: '25',
            ...(f.cursor ? { cursor: f.cursor } : {}),
          }),
        );
    const query = (extra: Record<string, string>) =>
      new URLSearchParams({
        board: f.board,
        type: f.type,
        person: f.person,
        from: f.from,
        to: f.to,
        ...extra,
      });
    return reply.page(
      'staff/audit',
      {
        filters: f,
        errors,
        allBoards: isAdmin(actor) ? 'All boards' : 'All my boards',
        boards: boards.map((b) => ({ id: b.id, name: b.name, selected: b.id === f.board })),
        types: Object.entries(ENTITY_LABELS).map(([value, label]) => ({
          value,
          label,
          selected: value === f.type,
        })),
        people: people.map((p) => ({ ...p, selected: p.id === f.person })),
        entries: page.items.map(entryView),
        nextHref: page.nextCursor ? `?${query({ cursor: page.nextCursor })}` : null,
        firstHref: f.cursor ? `?${query({})}` : null,
      },
      {
        ...staffMeta(request, 'audit', { title: errors.list.length ? 'Error: Audit log' : 'Audit log' }),
        breadcrumbs: [{ href: '/staff', text: 'Boards and meetings' }],
        status: errors.list.length ? 400 : 200,
      },
    );
  });
};
