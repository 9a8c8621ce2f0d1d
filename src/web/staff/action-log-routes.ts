/** /staff/boards/:id/actions: a board's action log for its secretariat, filtered and sorted, page by page. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableDocument, sendPdf } from '../../documents/index.ts';
import { invalidCursor } from '../../http/pagination.ts';
import { type ActionStatus, actionListQuery } from '../../modules/actions/schemas.ts';
import * as actionsService from '../../modules/actions/service.ts';
import * as boardsService from '../../modules/boards/service.ts';
import * as peopleService from '../../modules/people/service.ts';
import { requireBoardAdmin } from './access.ts';
import { actionRow } from './action-view.ts';
import { staffMeta } from './nav.ts';

const params = z.object({ id: z.uuid() });
const STATUS_SETS: Record<string, ActionStatus[] | undefined> = {
  open: ['open', 'in_progress', 'completion_proposed'],
  proposed: ['completion_proposed'],
  closed: ['closed', 'superseded'],
  all: undefined,
};
const SORTS = [
  { value: 'dueDate', label: 'Due date, soonest first' },
  { value: '-dueDate', label: 'Due date, latest first' },
  { value: 'reference', label: 'Reference' },
  { value: '-createdAt', label: 'Newest first' },
] as const;

const filters = z.object({
  status: z.enum(['open', 'proposed', 'closed', 'all']).catch('open'),
  owner: z.union([z.uuid(), z.literal('')]).catch(''),
  overdue: z.enum(['yes', '']).catch(''),
  sort: z.enum(['dueDate', '-dueDate', 'reference', '-createdAt']).catch('dueDate'),
  /** Not `.catch`: a cursor this site did not make is a 400 page, never a silent first page or a 500. */
  cursor: z.string().optional(),
});

export const actionLogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/boards/:id/actions', { schema: { params } }, async (request, reply) => {
    const boardId = request.params.id;
    requireBoardAdmin(request, boardId);
    const ctx = request.ctx();
    const f = filters.parse(request.query ?? {});
    if (f.cursor !== undefined && f.cursor.length > 500) throw invalidCursor();
    const [board, organisations] = await Promise.all([
      boardsService.getBoard(ctx, boardId),
      peopleService.listOrganisations(ctx),
    ]);
    const page = await actionsService.listActions(
      ctx,
      actionListQuery.parse({
        boardId,
        status: STATUS_SETS[f.status],
        ...(f.owner ? { ownerOrganisationId: f.owner } : {}),
        ...(f.overdue ? { overdue: 'true' } : {}),
        sort: f.sort,
        limit: '50',
        ...(f.cursor ? { cursor: f.cursor } : {}),
      }),
    );
    const query = (extra: Record<string, string>) =>
      new URLSearchParams({
        status: f.status,
        owner: f.owner,
        overdue: f.overdue,
        sort: f.sort,
        ...extra,
      }).toString();
    return reply.page(
      'staff/action-log',
      {
        board: { id: board.id, name: board.name, pdfHref: `/staff/boards/${board.id}/action-log.pdf` },
        filters: f,
        statusOptions: [
          { value: 'open', label: 'Open (including proposed complete)' },
          { value: 'proposed', label: 'Completion proposed' },
          { value: 'closed', label: 'Closed' },
          { value: 'all', label: 'All' },
        ].map((o) => ({ ...o, selected: o.value === f.status })),
        organisations: organisations.map((o) => ({
          id: o.id,
          shortName: o.shortName,
          selected: o.id === f.owner,
        })),
        sorts: SORTS.map((s) => ({ ...s, selected: s.value === f.sort })),
        actions: page.items.map(actionRow),
        nextHref: page.nextCursor ? `?${query({ cursor: page.nextCursor })}` : null,
        firstHref: f.cursor ? `?${query({})}` : null,
      },
      {
        ...staffMeta(request, 'boards', { title: `Action log – ${board.name}` }),
        breadcrumbs: [
          { href: '/staff', text: 'Boards and meetings' },
          { href: `/staff/boards/${board.id}`, text: board.name },
        ],
      },
    );
  });

  app.get('/boards/:id/action-log.pdf', { schema: { params } }, async (request, reply) => {
    requireBoardAdmin(request, request.params.id);
    const documents = app.documents.service;
    const input = await readableDocument(request.ctx(), documents, 'action-log', request.params.id);
    return sendPdf(request, reply, documents, input, request.params.id);
  });
};
