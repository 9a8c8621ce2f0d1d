import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BrowserPool, pdfResponse } from '../../documents/index.ts';
import { idParams, problems } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import { diffQuery, notesDiffSchema, versionParams } from '../publication/schemas.ts';
import { sendFrozenPdf } from '../publication/versions.ts';
import {
  decisionBody,
  decisionCorrectionBody,
  decisionListQuery,
  decisionPatch,
  decisionSchema,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['decisions'];

/** The register of decisions of significant public interest, for the secretariat (under /api/v1). */
export const decisionsRoutes: FastifyPluginAsyncZod<{ pool: () => BrowserPool }> = async (app, opts) => {
  const deps = () => ({ pool: opts.pool() });

  app.get(
    '/decisions',
    {
      schema: {
        tags,
        summary: 'Decisions: published ones, and the drafts of the boards you administer',
        querystring: decisionListQuery,
        response: { 200: z.object({ items: z.array(decisionSchema) }), ...problems(400, 401) },
      },
    },
    async (request) => ({ items: await service.listDecisions(request.ctx(), request.query) }),
  );
  app.get(
    '/decisions/:id',
    {
      schema: {
        tags,
        summary: 'One decision with its published versions',
        params: idParams,
        response: { 200: decisionSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const decision = await service.getDecision(request.ctx(), request.params.id);
      setEtag(reply, decision.id, decision.version);
      return decision;
    },
  );
  app.post(
    '/decisions',
    {
      schema: {
        tags,
        summary: 'Draft a decision for the register (board secretariat)',
        body: decisionBody,
        response: { 201: decisionSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const decision = await idempotent(request, reply, 201, () =>
        service.createDecision(request.ctx(), request.body),
      );
      setEtag(reply, decision.id, decision.version);
      return decision;
    },
  );
  app.patch(
    '/decisions/:id',
    {
      schema: {
        tags,
        summary: 'Change a draft decision (If-Match); a published one answers 409: correct it instead',
        params: idParams,
        body: decisionPatch,
        response: { 200: decisionSchema, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const decision = await service.updateDecision(
        request.ctx(),
        request.params.id,
        () => requireIfMatch(request, request.params.id),
        request.body,
      );
      setEtag(reply, decision.id, decision.version);
      return decision;
    },
  );
  app.post(
    '/decisions/:id/publish',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Publish a draft decision: gives its reference and freezes version 1 (PDF and JSON)',
        params: idParams,
        response: { 200: decisionSchema, ...problems(400, 401, 403, 404, 409, 429, 503) },
      },
    },
    async (request) => service.publishDecision(request.ctx(), deps(), request.params.id),
  );
  app.post(
    '/decisions/:id/corrections',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Correct a published decision: the changed fields and the reason; freezes the next version',
        params: idParams,
        body: decisionCorrectionBody,
        response: { 200: decisionSchema, ...problems(400, 401, 403, 404, 409, 429, 503) },
      },
    },
    async (request) => service.correctDecision(request.ctx(), deps(), request.params.id, request.body),
  );
  app.get(
    '/decisions/:id/versions/:version/pdf',
    {
      schema: {
        tags,
        summary: 'The PDF notice of a published version (ETag: its SHA-256)',
        params: versionParams,
        response: { 200: pdfResponse, 304: z.null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await service.assertReadable(request.ctx(), request.params.id);
      const row = await service.versionPdf(request.ctx().db, request.params.id, request.params.version);
      return sendFrozenPdf(request, reply, row, 'private, no-cache');
    },
  );
  app.get(
    '/decisions/:id/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two published versions of a decision',
        params: idParams,
        querystring: diffQuery,
        response: { 200: notesDiffSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      await service.assertReadable(request.ctx(), request.params.id);
      return service.decisionDiff(request.ctx().db, request.params.id, request.query.from, request.query.to);
    },
  );
};
