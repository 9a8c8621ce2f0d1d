import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import { boardBody, boardPatch, boardSchema } from './schemas.ts';
import * as service from './service.ts';

export const boardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['boards'];

  app.get(
    '/boards',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'List boards',
        response: { 200: z.object({ items: z.array(boardSchema) }), ...problems(401) },
      },
    },
    async (request) => ({ items: await service.listBoards(request.ctx()) }),
  );
  app.get(
    '/boards/:id',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'One board',
        params: idParams,
        response: { 200: boardSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const board = await service.getBoard(request.ctx(), request.params.id);
      setEtag(reply, board.id, board.version);
      return board;
    },
  );
  app.post(
    '/boards',
    {
      schema: {
        tags,
        summary: 'Create a board (admin)',
        body: boardBody,
        response: { 201: boardSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, 201, () => service.createBoard(request.ctx(), request.body)),
  );
  app.patch(
    '/boards/:id',
    {
      schema: {
        tags,
        summary: "Change a board (admin, the board's secretariat)",
        params: idParams,
        body: boardPatch,
        response: { 200: boardSchema, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const board = await service.updateBoard(request.ctx(), id, request.body, () =>
        requireIfMatch(request, id),
      );
      setEtag(reply, board.id, board.version);
      return board;
    },
  );
};
