import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import { declarationBody, declarationList, declarationSchema } from './declarations-schemas.ts';
import * as service from './declarations-service.ts';

export const declarationsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['declarations'];

  app.get(
    '/meetings/:id/declarations',
    {
      schema: {
        tags,
        summary: 'Declarations of interest made at a meeting',
        params: idParams,
        response: { 200: declarationList, ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: await service.listDeclarations(request.ctx(), request.params.id) }),
  );
  app.post(
    '/meetings/:id/declarations',
    {
      schema: {
        tags,
        summary: "Record a declaration of interest (admin, the board's secretariat)",
        params: idParams,
        body: declarationBody,
        response: { 201: declarationSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, 201, () =>
        service.addDeclaration(request.ctx(), request.params.id, request.body),
      ),
  );
  app.delete(
    '/declarations/:id',
    {
      schema: {
        tags,
        summary: "Remove a declaration of interest (admin, the board's secretariat)",
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.removeDeclaration(request.ctx(), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
