/** /staff: where each person starts. The secretariat sees their boards; others go to their own workspace. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { canAdministerBoard } from '../../access/index.ts';
import * as boardsService from '../../modules/boards/service.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import { toLondon } from '../../time/london.ts';
import { isMember, isOfficer, isSecretariat, signedIn } from './access.ts';
import { MEETING_STATUS_LABELS } from './format.ts';
import { staffMeta } from './nav.ts';

export const homeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/', async (request, reply) => {
    const actor = signedIn(request);
    if (!isSecretariat(actor)) {
      if (isOfficer(actor)) return reply.redirect('/staff/my-actions', 303);
      if (isMember(actor)) return reply.redirect('/staff/questions', 303);
      return reply.page('staff/no-workspace', {}, staffMeta(request, 'none', { title: 'No workspace yet' }));
    }
    const ctx = request.ctx();
    const today = toLondon(new Date()).date;
    const boards = (await boardsService.listBoards(ctx)).filter((b) => canAdministerBoard(actor, b.id));
    const cards = await Promise.all(
      boards.map(async (board) => {
        const upcoming = await meetingsService.listMeetings(ctx, {
          boardId: board.id,
          from: today,
          limit: 3,
        });
        return {
          id: board.id,
          name: board.name,
          code: board.code,
          href: `/staff/boards/${board.id}`,
          actionsHref: `/staff/boards/${board.id}/actions`,
          meetings: upcoming.items.map((m) => ({
            href: `/staff/meetings/${m.id}`,
            draftHref: `/staff/meetings/${m.id}/draft`,
            dateText: m.dateText,
            startTime: m.startTime,
            statusLabel: MEETING_STATUS_LABELS[m.status],
          })),
        };
      }),
    );
    return reply.page(
      'staff/home',
      { boards: cards, displayName: actor.displayName },
      staffMeta(request, 'boards', { title: 'Boards and meetings' }),
    );
  });
};
