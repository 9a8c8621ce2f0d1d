/**
 * /staff/my-actions: the actions an officer's organisation answers for (or, with "only mine", those
 * assigned to them by name), overdue first, then by due date.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actionListQuery } from '../../modules/actions/schemas.ts';
import * as actionsService from '../../modules/actions/service.ts';
import * as peopleService from '../../modules/people/service.ts';
import { signedIn } from './access.ts';
import { actionRow } from './action-view.ts';
import { staffMeta } from './nav.ts';

const query = z.object({
  show: z.enum(['open', 'closed']).catch('open'),
  mine: z.enum(['yes', '']).catch(''),
});

export const myActionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/my-actions', async (request, reply) => {
    const actor = signedIn(request);
    const organisationId = actor.organisationId!;
    const q = query.parse(request.query ?? {});
    const ctx = request.ctx();
    const [organisation, page] = await Promise.all([
      peopleService.getOrganisation(ctx, organisationId),
      actionsService.listActions(
        ctx,
        actionListQuery.parse({
          ownerOrganisationId: organisationId,
          ...(q.mine && actor.personId ? { ownerPersonId: actor.personId } : {}),
          status:
            q.show === 'open' ? ['open', 'in_progress', 'completion_proposed'] : ['closed', 'superseded'],
          sort: q.show === 'open' ? 'dueDate' : '-createdAt',
          limit: '200',
        }),
      ),
    ]);
    const rows = page.items.map(actionRow);
    // Overdue first; within each group the service's order (due date) stands.
    const ordered = [...rows.filter((r) => r.overdue), ...rows.filter((r) => !r.overdue)];
    return reply.page(
      'staff/my-actions',
      {
        organisation: { name: organisation.name, shortName: organisation.shortName },
        show: q.show,
        mine: q.mine === 'yes',
        canFilterMine: actor.personId !== null,
        actions: ordered,
        overdueCount: rows.filter((r) => r.overdue).length,
        truncated: page.nextCursor !== null,
      },
      staffMeta(request, 'my-actions', { title: 'My actions' }),
    );
  });
};
