import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../http/common-schemas.ts';
import { auditPageSchema, auditQuery } from './schemas.ts';
import { listAuditEntries } from './service.ts';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary:
          'The audit log, newest first (admins: all; secretariat: entries about their boards’ entities)',
        querystring: auditQuery,
        response: { 200: auditPageSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => listAuditEntries(request.ctx(), request.query),
  );
};
