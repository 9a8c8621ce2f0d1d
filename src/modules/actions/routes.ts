import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import {
  actionCreateBody,
  actionDetailSchema,
  actionListQuery,
  actionPageSchema,
  actionPatchBody,
  actionUpdateBody,
  closeBody,
  mattersArisingSchema,
  proposeCompletionBody,
  reopenBody,
  updateParams,
} from './schemas.ts';
import * as service from './service.ts';
import * as workflow from './workflow-service.ts';

const tags = ['actions'];
const detail = { 200: actionDetailSchema };

export const actionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/actions',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary:
          'The action log: actions you may see, filtered, sorted, keyset-paginated; each with its latest update',
        querystring: actionListQuery,
        response: { 200: actionPageSchema, ...problems(400, 401) },
      },
    },
    async (request) => service.listActions(request.ctx(), request.query),
  );

  app.get(
    '/actions/:id',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'One action with all its updates',
        params: idParams,
        response: { ...detail, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const action = await service.getAction(request.ctx(), request.params.id);
      setEtag(reply, action.id, action.version);
      return action;
    },
  );

  app.post(
    '/meetings/:id/actions',
    {
      schema: {
        tags,
        summary:
          'Record an action raised at a meeting; its reference is CODE/YYYY-MM/n (board secretariat, admin)',
        params: idParams,
        body: actionCreateBody,
        response: { 201: actionDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const action = await idempotent(request, reply, 201, () =>
        service.createAction(request.ctx(), request.params.id, request.body),
      );
      setEtag(reply, action.id, action.version);
      return action;
    },
  );

  app.patch(
    '/actions/:id',
    {
      schema: {
        tags,
        summary:
          'Change text, owner (logged as a reassignment, published on the public website only with `reassignmentPublic: true`), due date, confidentiality, or supersede (secretariat; If-Match)',
        params: idParams,
        body: actionPatchBody,
        response: { ...detail, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request, request.params.id);
      const action = await service.updateAction(request.ctx(), request.params.id, version, request.body);
      setEtag(reply, action.id, action.version);
      return action;
    },
  );

  app.post(
    '/actions/:id/updates',
    {
      schema: {
        tags,
        summary:
          'Add a progress update, optionally with a PDF as evidence (owning organisation’s officers, secretariat); published on the public website only with `public: true`',
        params: idParams,
        body: actionUpdateBody,
        response: { 201: actionDetailSchema, ...problems(400, 401, 403, 404, 409, 413, 415, 422) },
      },
    },
    async (request, reply) => {
      const action = await idempotent(request, reply, 201, () =>
        workflow.addUpdate(request.ctx(), request.params.id, request.body),
      );
      setEtag(reply, action.id, action.version);
      return action;
    },
  );

  app.post(
    '/actions/:id/propose-completion',
    {
      schema: {
        tags,
        summary:
          'Propose that the action is complete (owning organisation’s officers, secretariat); the text is published on the public website only with `public: true`',
        params: idParams,
        body: proposeCompletionBody,
        response: { ...detail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const action = await idempotent(request, reply, 200, () =>
        workflow.proposeCompletion(request.ctx(), request.params.id, request.body.text, request.body.public),
      );
      setEtag(reply, action.id, action.version);
      return action;
    },
  );

  app.post(
    '/actions/:id/close',
    {
      schema: {
        tags,
        summary:
          'Close the action with a note (board secretariat, admin); the note is published on the public website only with `public: true`',
        params: idParams,
        body: closeBody,
        response: { ...detail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const action = await idempotent(request, reply, 200, () =>
        workflow.closeAction(request.ctx(), request.params.id, request.body),
      );
      setEtag(reply, action.id, action.version);
      return action;
    },
  );

  app.post(
    '/actions/:id/reopen',
    {
      schema: {
        tags,
        summary:
          'Reopen a closed or superseded action, or reject a proposed completion (board secretariat, admin); the reason is published on the public website only with `public: true`',
        params: idParams,
        body: reopenBody,
        response: { ...detail, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const action = await idempotent(request, reply, 200, () =>
        workflow.reopenAction(request.ctx(), request.params.id, request.body.note, request.body.public),
      );
      setEtag(reply, action.id, action.version);
      return action;
    },
  );

  app.get(
    '/actions/:id/updates/:updateId/evidence',
    {
      schema: {
        tags,
        summary: 'Download the PDF attached to an update',
        params: updateParams,
        response: {
          200: {
            description: 'The PDF',
            content: { 'application/pdf': { schema: z.any().meta({ format: 'binary' }) } },
          },
          ...problems(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.getEvidence(request.ctx(), request.params.id, request.params.updateId);
      const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return (
        reply
          .type(file.contentType)
          .header(
            'content-disposition',
            `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          // A Buffer bypasses the JSON serialiser; the cast only quiets the problem-typed reply.
          .send(file.data as never)
      );
    },
  );

  app.get(
    '/meetings/:id/matters-arising',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'Actions from earlier meetings of the board still open at this meeting (or now)',
        params: idParams,
        response: { 200: mattersArisingSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => service.mattersArising(request.ctx(), request.params.id),
  );
};
