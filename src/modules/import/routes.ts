import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { importNotesBody, importResult } from './schemas.ts';
import * as service from './service.ts';

export const importRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/boards/:id/import-notes',
    {
      // Notes of a long meeting run to a few hundred KB of text.
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['import'],
        summary: 'Import "Notes of the Meeting" text as a new meeting of this board (secretariat)',
        description:
          'Parses attendees, apologies, items, questions with askers and answers, presenters and ACTION lines. ' +
          'Lines it cannot place are returned in `unplaced` with their line numbers. `dryRun` parses without saving.',
        params: idParams,
        body: importNotesBody,
        response: { 200: importResult, 201: importResult, ...problems(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const result = await service.importNotes(request.ctx(), request.params.id, request.body);
      return reply.code(result.dryRun ? 200 : 201).send(result);
    },
  );
};
