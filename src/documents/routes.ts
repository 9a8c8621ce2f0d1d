import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problems } from '../http/common-schemas.ts';
import { idempotent } from '../http/idempotency.ts';
import { createRenderJob, getRenderJob } from './render-jobs.ts';
import { readableDocument, sendPdf, sendPreview } from './responses.ts';
import {
  actionLogQuery,
  htmlResponse,
  ifNoneMatchHeaders,
  notModified,
  pdfResponse,
  renderJobBody,
  renderJobCreated,
  renderJobSchema,
} from './schemas.ts';

/** Rendering is the most expensive thing the API does: bounded per signed-in user. */
const renderRateLimit = {
  max: 60,
  timeWindow: '1 minute',
  keyGenerator: (request: { actor?: { userId: string } | null; ip: string }) =>
    request.actor?.userId ?? request.ip,
};

/** Documents of meetings and boards, as PDF and as HTML preview, and background render jobs. */
export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['documents'];
  const documents = () => app.documents.service;
  const pdfResponses = { 200: pdfResponse, 304: notModified, ...problems(400, 401, 404, 429, 503) };
  const htmlResponses = { 200: htmlResponse, ...problems(400, 401, 404, 429) };

  for (const kind of ['notes', 'agenda'] as const) {
    const name = kind === 'notes' ? 'Notes of the Meeting' : 'Agenda';
    app.get(
      `/meetings/:id/${kind}.pdf`,
      {
        config: { rateLimit: renderRateLimit },
        schema: {
          tags,
          summary: `${name} as PDF (the public version; ETag is the SHA-256 of the PDF)`,
          params: idParams,
          headers: ifNoneMatchHeaders,
          response: pdfResponses,
        },
      },
      async (request, reply) => {
        const input = await readableDocument(request.ctx(), documents(), kind, request.params.id);
        return sendPdf(request, reply, documents(), input, request.params.id);
      },
    );
    app.get(
      `/meetings/:id/${kind}.html`,
      {
        config: { rateLimit: renderRateLimit },
        schema: {
          tags,
          summary: `${name}: HTML preview of the PDF, served with a Content-Security-Policy that loads nothing`,
          params: idParams,
          response: htmlResponses,
        },
      },
      async (request, reply) =>
        sendPreview(
          reply,
          documents(),
          await readableDocument(request.ctx(), documents(), kind, request.params.id),
        ),
    );
  }

  app.get(
    '/boards/:id/action-log.pdf',
    {
      config: { rateLimit: renderRateLimit },
      schema: {
        tags,
        summary: "A board's action log as PDF, open actions first, overdue ones marked",
        params: idParams,
        querystring: actionLogQuery,
        headers: ifNoneMatchHeaders,
        response: pdfResponses,
      },
    },
    async (request, reply) => {
      const input = await readableDocument(
        request.ctx(),
        documents(),
        'action-log',
        request.params.id,
        request.query,
      );
      return sendPdf(request, reply, documents(), input, request.params.id);
    },
  );
  app.get(
    '/boards/:id/action-log.html',
    {
      config: { rateLimit: renderRateLimit },
      schema: {
        tags,
        summary: "A board's action log: HTML preview of the PDF",
        params: idParams,
        querystring: actionLogQuery,
        response: htmlResponses,
      },
    },
    async (request, reply) =>
      sendPreview(
        reply,
        documents(),
        await readableDocument(request.ctx(), documents(), 'action-log', request.params.id, request.query),
      ),
  );

  app.post(
    '/render-jobs',
    {
      schema: {
        tags,
        summary: 'Render documents in the background (secretariat of the boards concerned, admin)',
        body: renderJobBody,
        response: { 202: renderJobCreated, ...problems(400, 401, 403, 404, 409, 422, 503) },
      },
    },
    async (request, reply) => {
      const created = await idempotent(request, reply, 202, () =>
        createRenderJob(request.ctx(), app.documents.queue, request.body),
      );
      reply.header('location', `/api/v1/render-jobs/${created.jobId}`);
      return created;
    },
  );
  app.get(
    '/render-jobs/:id',
    {
      schema: {
        tags,
        summary: 'State of a render job, with progress per document',
        params: idParams,
        response: { 200: renderJobSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => getRenderJob(request.ctx(), app.documents.queue, request.params.id),
  );
};
