/**
 * The notes workflow on the meeting page, through the publication module: submit the draft, return
 * it, record its approval at a later meeting, publish (which freezes a version), and corrections.
 * Publishing the agenda lives here too.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import * as publication from '../../modules/publication/service.ts';
import { field, formBody, idField } from '../forms.ts';
import { renderMeeting } from './meeting-page.ts';

const params = z.object({ id: z.uuid() });
const stepParams = params.extend({
  step: z.enum(['submit', 'return', 'approve', 'publish', 'correct', 'cancel-correction', 'publish-agenda']),
});

export interface PublicationRoutesOptions {
  protectiveMarking: string;
}

const NOTICES: Record<z.infer<typeof stepParams>['step'], string> = {
  submit: 'notes-submitted',
  return: 'notes-returned',
  approve: 'notes-approved',
  publish: 'notes-published',
  correct: 'correction-opened',
  'cancel-correction': 'correction-cancelled',
  'publish-agenda': 'agenda-published',
};

export const publicationRoutes: FastifyPluginAsyncZod<PublicationRoutesOptions> = async (app, opts) => {
  app.post('/meetings/:id/notes/:step', { schema: { params: stepParams } }, async (request, reply) => {
    const { id, step } = request.params;
    const ctx = request.ctx();
    const body = formBody(request);
    try {
      switch (step) {
        case 'submit':
          await publication.submitNotes(ctx, id);
          break;
        case 'return':
          await publication.returnNotes(ctx, id);
          break;
        case 'approve': {
          const at = idField(body, 'atMeetingId');
          if (!at) {
            return renderMeeting(request, reply, id, {
              error: 'Choose the meeting at which the board approved the notes.',
            });
          }
          await publication.approveNotes(ctx, id, at);
          break;
        }
        case 'publish':
          await publication.publishNotes(
            ctx,
            { documents: app.documents.service, protectiveMarking: opts.protectiveMarking },
            id,
          );
          break;
        case 'correct': {
          const reason = field(body, 'reason').trim();
          if (!reason || reason.length > 1000) {
            return renderMeeting(request, reply, id, {
              error: 'Say what the correction changes, in up to 1,000 characters. The public will see it.',
            });
          }
          await publication.openCorrection(ctx, id, reason);
          break;
        }
        case 'cancel-correction':
          await publication.cancelCorrection(ctx, opts.protectiveMarking, id);
          break;
        case 'publish-agenda':
          await publication.publishAgenda(ctx, id);
          break;
      }
    } catch (err) {
      if (!(err instanceof AppError) || ![400, 404, 409].includes(err.status)) throw err;
      return renderMeeting(request, reply, id, { error: err.message });
    }
    return reply.redirect(`/staff/meetings/${id}?notice=${NOTICES[step]}#notes-workflow`, 303);
  });
};
