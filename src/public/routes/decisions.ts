/** Why this file exists: the open-data routes for the decisions register and decisions' versions. */
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { pdfResponse } from '../../documents/index.ts';
import { idParams, problems } from '../../http/common-schemas.ts';
import { publicCostlyRateLimit } from '../../http/rate-limits.ts';
import * as decisions from '../../modules/decisions/service.ts';
import { diffQuery, notesDiffSchema, versionParams } from '../../modules/publication/schemas.ts';
import * as oparl from '../oparl.ts';
import { sliceOf } from '../paging.ts';
import { api } from '../paths.ts';
import * as read from '../read/index.ts';
import { decisionsQuery, publicDecisionDetailSchema, publicDecisionSchema } from '../schemas.ts';
import * as view from '../view.ts';
import { type PublicDataOptions, sendJsonBytes, sendPdfBytes, setLastModified } from './caching.ts';
import { type Api, type Helpers, pagedList, rawJson, tags } from './shared.ts';

export function decisionRoutes(app: Api, _opts: PublicDataOptions, h: Helpers): void {
  const { baseOf } = h;
  app.get(
    '/decisions',
    {
      schema: {
        tags,
        summary:
          'The register of decisions of significant public interest (current versions): latest decision date first, ties by id',
        querystring: decisionsQuery,
        response: { 200: pagedList(publicDecisionSchema), ...problems(400) },
      },
    },
    async (request, reply) => {
      const base = baseOf(request);
      const { boardId, limit } = request.query;
      const found = await read.pageDecisions(request.ctx().db, { boardId, ...sliceOf(request.query) });
      // Of the whole register, not this page: a decision added anywhere moves every page after it.
      setLastModified(reply, found.modifiedAt);
      return {
        items: found.items.map((d) => ({ ...view.decision(d), ...oparl.decision(base, d) })),
        ...oparl.pageMeta(base, api.decisions(), { boardId, limit }, request.query, found.total),
      };
    },
  );
  app.get(
    '/decisions/:id',
    {
      schema: {
        tags,
        summary: 'A published decision with all its versions',
        params: idParams,
        response: { 200: publicDecisionDetailSchema, ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const { db } = request.ctx();
      const versions = await read.decisionVersions(db, request.params.id);
      const current = versions.at(-1);
      const found = current && (await read.decisionSnapshot(db, request.params.id, current.versionNo));
      if (!current || !found) throw new NotFound('decision');
      // Everything shown comes from the frozen versions.
      setLastModified(reply, current.publishedAt);
      const decision = {
        id: request.params.id,
        version: current.versionNo,
        publishedAt: current.publishedAt,
        firstPublishedAt: versions[0]!.publishedAt,
        jsonSha256: current.jsonSha256,
        decision: found.snapshot.decision,
      };
      return {
        ...view.decision(decision),
        ...oparl.decision(baseOf(request), decision),
        versions: versions.map((v) => view.decisionVersion(request.params.id, v)),
        diffUrl:
          versions.length > 1
            ? api.decisionDiff(request.params.id, versions.at(-2)!.versionNo, current.versionNo)
            : null,
      };
    },
  );
  app.get(
    '/decisions/:id/versions/:version',
    {
      schema: {
        tags,
        summary: 'A published version of a decision: the canonical JSON, byte for byte',
        params: versionParams,
        response: { 200: rawJson, 304: z.null(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await read.decisionSnapshot(request.ctx().db, request.params.id, request.params.version);
      if (!found) throw new NotFound('published version');
      return sendJsonBytes(reply, found.json, found.sha256, found.publishedAt);
    },
  );
  app.get(
    '/decisions/:id/versions/:version/pdf',
    {
      schema: {
        tags,
        summary: 'A published version of a decision as PDF',
        params: versionParams,
        response: { 200: pdfResponse, 304: z.null(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const row = await decisions.versionPdf(request.ctx().db, request.params.id, request.params.version);
      return sendPdfBytes(reply, row.pdf, row.pdf_sha256, row.pdf_filename, row.published_at);
    },
  );
  app.get(
    '/decisions/:id/diff',
    {
      config: { rateLimit: publicCostlyRateLimit },
      schema: {
        tags,
        summary: 'What changed between two published versions of a decision',
        params: idParams,
        querystring: diffQuery,
        response: { 200: notesDiffSchema, ...problems(400, 404, 429) },
      },
    },
    async (request) =>
      decisions.decisionDiff(request.ctx().db, request.params.id, request.query.from, request.query.to),
  );
}
