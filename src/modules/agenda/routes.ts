import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import { papersRoutes } from './papers-routes.ts';
import { agendaItemSchema, agendaList, itemBody, itemPatch, reorderBody } from './schemas.ts';
import * as service from './service.ts';

export interface AgendaRoutesOptions {
  /** Largest paper accepted; app.ts may pass config.uploadLimitBytes. */
  uploadLimitBytes?: number;
}

const DEFAULT_UPLOAD_LIMIT = 20 * 1024 * 1024;

export const agendaRoutes: FastifyPluginAsyncZod<AgendaRoutesOptions> = async (app, opts) => {
  const tags = ['agenda'];

  app.get(
    '/meetings/:id/agenda',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'The agenda items of a meeting that you may see, numbered 1..n',
        params: idParams,
        response: { 200: agendaList, ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: await service.listAgenda(request.ctx(), request.params.id) }),
  );
  app.post(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary: "Add an item at the end of the agenda (admin, the board's secretariat)",
        params: idParams,
        body: itemBody,
        response: { 201: agendaItemSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const item = await idempotent(request, reply, 201, () =>
        service.createItem(request.ctx(), request.params.id, request.body),
      );
      setEtag(reply, item.id, item.version);
      return item;
    },
  );
  app.post(
    '/meetings/:id/agenda/reorder',
    {
      schema: {
        tags,
        summary:
          "Put the agenda in a new order; itemIds must name each of the meeting's items once (admin, secretariat)",
        params: idParams,
        body: reorderBody,
        response: { 200: agendaList, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      items: await service.reorderAgenda(request.ctx(), request.params.id, request.body.itemIds),
    }),
  );
  app.get(
    '/agenda-items/:id',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'One agenda item, with its ETag for editing',
        params: idParams,
        response: { 200: agendaItemSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const item = await service.getItem(request.ctx(), request.params.id);
      setEtag(reply, item.id, item.version);
      return item;
    },
  );
  app.patch(
    '/agenda-items/:id',
    {
      schema: {
        tags,
        summary: "Edit an item; needs If-Match (admin, the board's secretariat)",
        params: idParams,
        body: itemPatch,
        response: { 200: agendaItemSchema, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const item = await service.updateItem(
        request.ctx(),
        id,
        () => requireIfMatch(request, id),
        request.body,
      );
      setEtag(reply, item.id, item.version);
      return item;
    },
  );
  app.delete(
    '/agenda-items/:id',
    {
      schema: {
        tags,
        summary: "Remove an item and its papers (admin, the board's secretariat)",
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      await service.deleteItem(request.ctx(), request.params.id);
      return reply.code(204).send(null);
    },
  );

  await app.register(papersRoutes, { uploadLimitBytes: opts.uploadLimitBytes ?? DEFAULT_UPLOAD_LIMIT });
};
