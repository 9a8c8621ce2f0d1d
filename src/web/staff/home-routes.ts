/**
 * /staff: where each person starts. The secretariat sees, for each board they administer, what is
 * waiting on them (notes to draft or approve, completion proposals, questions received, overdue
 * actions by owner) and the meetings coming up; others go to their own workspace.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import * as actionsService from '../../modules/actions/service.ts';
import * as boardsService from '../../modules/boards/service.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import { meetingsWaiting, type WaitingMeeting } from '../../modules/meetings/waiting-service.ts';
import { toLondon } from '../../time/london.ts';
import { isMember, isOfficer, isSecretariat, signedIn } from './access.ts';
import { MEETING_STATUS_LABELS } from './format.ts';
import { staffMeta } from './nav.ts';

const meetingLink = (m: WaitingMeeting, suffix = '') => ({
  href: `/staff/meetings/${m.id}${suffix}`,
  text: `${m.dateText}, ${m.startTime}`,
});

/** One board's waiting actions: completion proposals, and overdue actions counted per owner organisation. */
async function actionsWaiting(ctx: ServiceContext, boardId: string) {
  const [proposed, overdue] = await Promise.all([
    actionsService.listAllActions(ctx, { boardId, status: ['completion_proposed'], sort: 'dueDate' }, 200),
    actionsService.listAllActions(ctx, { boardId, overdue: true, sort: 'dueDate' }, 1000),
  ]);
  const byOwner = new Map<string, { name: string; count: number }>();
  for (const a of overdue) {
    const owner = byOwner.get(a.ownerOrganisationId) ?? { name: a.ownerOrganisationShortName, count: 0 };
    owner.count += 1;
    byOwner.set(a.ownerOrganisationId, owner);
  }
  return {
    proposals: proposed.map((a) => ({
      href: `/staff/actions/${a.id}`,
      reference: a.reference,
      text: a.text,
    })),
    overdueByOwner: [...byOwner.entries()]
      .map(([id, o]) => ({ ...o, href: `/staff/boards/${boardId}/actions?owner=${id}&overdue=yes` }))
      .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
  };
}

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
    const waiting = await meetingsWaiting(ctx);
    const cards = await Promise.all(
      boards.map(async (board) => {
        const [upcoming, actions] = await Promise.all([
          meetingsService.listMeetings(ctx, { boardId: board.id, from: today, limit: 3 }),
          actionsWaiting(ctx, board.id),
        ]);
        const ofBoard = <T extends WaitingMeeting>(list: T[]) => list.filter((m) => m.boardId === board.id);
        const todo = {
          notesToDraft: ofBoard(waiting.notesToDraft).map((m) => meetingLink(m, '/draft')),
          notesAwaitingApproval: ofBoard(waiting.notesAwaitingApproval).map((m) =>
            meetingLink(m, '#notes-workflow'),
          ),
          questionsReceived: ofBoard(waiting.questionsReceived).map((m) => ({
            ...meetingLink(m, '/draft'),
            count: m.questions,
            plural: m.questions !== 1,
          })),
          ...actions,
        };
        const hasWork = Object.values(todo).some((list) => list.length > 0);
        return {
          id: board.id,
          name: board.name,
          code: board.code,
          href: `/staff/boards/${board.id}`,
          actionsHref: `/staff/boards/${board.id}/actions`,
          todo,
          hasWork,
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
