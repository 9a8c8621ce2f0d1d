/**
 * /staff/boards/:id/compliance: for the board's secretariat, per meeting, what the Elected Local
 * Policing Bodies (Specified Information) Order requires to be published (date, time and place before
 * the meeting, the agenda and papers, the notes once approved, decisions) and whether and when it
 * was. Missing and late items are flagged. The judging is the publication module's (compliance.ts).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as boardsService from '../../modules/boards/service.ts';
import {
  boardCompliance,
  type requirementSchema,
  type requirementStateSchema,
} from '../../modules/publication/compliance.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { requireBoardAdmin } from './access.ts';
import { staffMeta } from './nav.ts';

const params = z.object({ id: z.uuid() });
const filters = z.object({
  from: z.union([z.iso.date(), z.literal('')]).catch(''),
  to: z.union([z.iso.date(), z.literal('')]).catch(''),
});

type Requirement = z.infer<typeof requirementSchema>;

const STATES: Record<z.infer<typeof requirementStateSchema>, { label: string; colour: string }> = {
  published_on_time: { label: 'Published on time', colour: 'turquoise' },
  published_late: { label: 'Published late', colour: 'yellow' },
  missing: { label: 'Missing', colour: 'red' },
  pending: { label: 'Pending', colour: 'blue' },
  not_applicable: { label: 'Not applicable', colour: 'grey' },
};

function row(r: Requirement) {
  return {
    label: r.label,
    dueBy: r.dueBy,
    publishedAt: r.publishedAt,
    stateLabel: STATES[r.state].label,
    colour: STATES[r.state].colour,
    detail: r.detail,
    flagged: r.state === 'missing' || r.state === 'published_late',
  };
}

export const complianceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/boards/:id/compliance', { schema: { params } }, async (request, reply) => {
    const boardId = request.params.id;
    requireBoardAdmin(request, boardId);
    const ctx = request.ctx();
    const f = filters.parse(request.query ?? {});
    const [board, report] = await Promise.all([
      boardsService.getBoard(ctx, boardId),
      boardCompliance(ctx, boardId, { from: f.from || undefined, to: f.to || undefined }),
    ]);
    // Latest first: the meetings the secretariat is working on are at the top.
    const meetings = [...report.meetings].reverse().map((m) => ({
      id: m.meetingId,
      href: `/staff/meetings/${m.meetingId}`,
      date: m.date,
      startTime: m.startTime,
      location: m.location || 'Place not set',
      cancelled: m.cancelled,
      caption: `Publication for the meeting of ${formatLongDate(m.date)}`,
      flags: m.flags,
      rows: m.requirements.map(row),
    }));
    return reply.page(
      'staff/compliance',
      {
        board: { id: board.id, name: board.name },
        filters: f,
        policy: report.policy,
        flagCount: report.flagCount,
        flagged: meetings.filter((m) => m.flags.length),
        meetings,
        otherDecisions: report.otherDecisions.map(row),
      },
      {
        ...staffMeta(request, 'boards', { title: `Publication compliance – ${board.name}` }),
        breadcrumbs: [
          { href: '/staff', text: 'Boards and meetings' },
          { href: `/staff/boards/${board.id}`, text: board.name },
        ],
      },
    );
  });
};
