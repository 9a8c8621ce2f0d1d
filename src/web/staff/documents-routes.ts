/**
 * The Notes of the Meeting beside the draft: the HTML the PDF is printed from (for the preview frame)
 * and the PDF itself, through the documents module, for the board's secretariat.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readableDocument, sendPdf, sendPreview } from '../../documents/index.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import { requireBoardAdmin } from './access.ts';

const params = z.object({ id: z.uuid() });

/** Rendering is the most expensive thing there is: bounded per user, as on the API. */
const rateLimit = {
  max: 60,
  timeWindow: '1 minute',
  keyGenerator: (request: { actor?: { userId: string } | null; ip: string }) =>
    request.actor?.userId ?? request.ip,
};

export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const documents = () => app.documents.service;

  const allowed = async (request: Parameters<typeof requireBoardAdmin>[0], id: string) => {
    const meeting = await meetingsService.getMeeting(request.ctx(), id);
    requireBoardAdmin(request, meeting.boardId);
  };

  app.get(
    '/meetings/:id/notes.html',
    { config: { rateLimit }, schema: { params } },
    async (request, reply) => {
      await allowed(request, request.params.id);
      const input = await readableDocument(request.ctx(), documents(), 'notes', request.params.id);
      // A frame of this origin only; the document itself may load and run nothing (its own CSP).
      return sendPreview(reply.header('x-frame-options', 'SAMEORIGIN'), documents(), input);
    },
  );

  app.get(
    '/meetings/:id/notes.pdf',
    { config: { rateLimit }, schema: { params } },
    async (request, reply) => {
      await allowed(request, request.params.id);
      const input = await readableDocument(request.ctx(), documents(), 'notes', request.params.id);
      return sendPdf(request, reply, documents(), input, request.params.id);
    },
  );
};
