import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import {
  commitmentBody,
  commitmentPatch,
  commitmentSchema,
  linkBody,
  linkParams,
  planBody,
  planPatch,
  planSchema,
  ratingBody,
  ratingParams,
  ratingSchema,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['plans'];
const noContent = { 204: z.null() };

export const plansRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/plans',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'Police and Crime Plans',
        response: { 200: z.object({ items: z.array(planSchema) }), ...problems(401) },
      },
    },
    async (request) => ({ items: await service.listPlans(request.ctx()) }),
  );
  app.get(
    '/plans/:id',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'One plan',
        params: idParams,
        response: { 200: planSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => service.getPlan(request.ctx(), request.params.id),
  );
  app.post(
    '/plans',
    {
      schema: {
        tags,
        summary: 'Add a plan (admin, secretariat)',
        body: planBody,
        response: { 201: planSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, 201, () => service.createPlan(request.ctx(), request.body)),
  );
  app.patch(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Change a plan (admin, secretariat)',
        params: idParams,
        body: planPatch,
        response: { 200: planSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => service.updatePlan(request.ctx(), request.params.id, request.body),
  );
  app.delete(
    '/plans/:id',
    {
      schema: {
        tags,
        summary: 'Delete a plan and its commitments (admin, secretariat)',
        params: idParams,
        response: { ...noContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.deletePlan(request.ctx(), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/plans/:id/commitments',
    {
      schema: {
        tags,
        summary: 'A plan’s commitments with their ratings and the links you may see',
        params: idParams,
        response: { 200: z.object({ items: z.array(commitmentSchema) }), ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: await service.listCommitments(request.ctx(), request.params.id) }),
  );
  app.post(
    '/plans/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Add a commitment; its ref is unique within the plan (admin, secretariat)',
        params: idParams,
        body: commitmentBody,
        response: { 201: commitmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, 201, () =>
        service.createCommitment(request.ctx(), request.params.id, request.body),
      ),
  );
  app.get(
    '/commitments/:id',
    {
      schema: {
        tags,
        summary: 'One commitment',
        params: idParams,
        response: { 200: commitmentSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const commitment = await service.getCommitment(request.ctx(), request.params.id);
      setEtag(reply, commitment.id, commitment.version);
      return commitment;
    },
  );
  app.patch(
    '/commitments/:id',
    {
      schema: {
        tags,
        summary: 'Change a commitment (admin, secretariat)',
        params: idParams,
        body: commitmentPatch,
        response: { 200: commitmentSchema, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const commitment = await service.updateCommitment(request.ctx(), id, request.body, () =>
        requireIfMatch(request, id),
      );
      setEtag(reply, commitment.id, commitment.version);
      return commitment;
    },
  );
  app.delete(
    '/commitments/:id',
    {
      schema: {
        tags,
        summary: 'Delete a commitment (admin, secretariat)',
        params: idParams,
        response: { ...noContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.deleteCommitment(request.ctx(), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/commitments/:id/ratings',
    {
      schema: {
        tags,
        summary:
          'Rate a commitment for a period (red/amber/green); replaces that period’s rating (admin, secretariat)',
        params: idParams,
        body: ratingBody,
        response: { 200: ratingSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, 200, () =>
        service.rateCommitment(request.ctx(), request.params.id, request.body),
      ),
  );
  app.delete(
    '/commitments/:id/ratings/:ratingId',
    {
      schema: {
        tags,
        summary: 'Remove a rating (admin, secretariat)',
        params: ratingParams,
        response: { ...noContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.deleteRating(request.ctx(), request.params.id, request.params.ratingId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/commitments/:id/links',
    {
      schema: {
        tags,
        summary:
          'Link the commitment to exactly one agenda item, question or action (secretariat of its board)',
        params: idParams,
        body: linkBody,
        response: { 201: commitmentSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, 201, () => service.addLink(request.ctx(), request.params.id, request.body)),
  );
  app.delete(
    '/commitments/:id/links/:linkId',
    {
      schema: {
        tags,
        summary: 'Remove a link (secretariat of its board)',
        params: linkParams,
        response: { ...noContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.deleteLink(request.ctx(), request.params.id, request.params.linkId);
      return reply.code(204).send(null);
    },
  );
};
