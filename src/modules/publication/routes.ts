import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pdfResponse } from '../../documents/index.ts';
import { idParams, problems } from '../../http/common-schemas.ts';
import { boardCompliance, complianceQuery, complianceSchema } from './compliance.ts';
import { notesLines } from './readable-text.ts';
import {
  approveBody,
  correctionBody,
  diffQuery,
  notesDiffSchema,
  notesVersionSchema,
  previewSchema,
  publicationSchema,
  versionParams,
} from './schemas.ts';
import * as service from './service.ts';
import { sendFrozenPdf } from './versions.ts';

const tags = ['publication'];

/**
 * The secretariat's side of publication (under /api/v1): the notes workflow, frozen versions and
 * their diff, and the compliance view (the decisions register has its own routes in
 * src/modules/decisions, registered in src/app.ts). The public reads them at /public/v1 (src/public).
 */
export const publicationRoutes: FastifyPluginAsyncZod<{ protectiveMarking: string }> = async (app, opts) => {
  const deps = () => ({ documents: app.documents.service, protectiveMarking: opts.protectiveMarking });

  app.get(
    '/meetings/:id/publication',
    {
      schema: {
        tags,
        summary: 'Where the notes are in their workflow, the steps you may take, and every published version',
        params: idParams,
        response: { 200: publicationSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => service.getPublication(request.ctx(), request.params.id),
  );

  app.post(
    '/meetings/:id/agenda/publish',
    {
      schema: {
        tags,
        summary: 'Publish the agenda and public papers on the public site (secretariat)',
        params: idParams,
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.publishAgenda(request.ctx(), request.params.id),
  );

  app.post(
    '/meetings/:id/notes/submit',
    {
      schema: {
        tags,
        summary: 'Submit the draft notes for approval (secretariat)',
        params: idParams,
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.submitNotes(request.ctx(), request.params.id),
  );
  app.post(
    '/meetings/:id/notes/return',
    {
      schema: {
        tags,
        summary: 'Return submitted notes to draft (secretariat)',
        params: idParams,
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.returnNotes(request.ctx(), request.params.id),
  );
  app.post(
    '/meetings/:id/notes/approve',
    {
      schema: {
        tags,
        summary: 'Record that the board approved the notes at a later meeting (secretariat)',
        params: idParams,
        body: approveBody,
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.approveNotes(request.ctx(), request.params.id, request.body.atMeetingId),
  );
  app.post(
    '/meetings/:id/notes/publish',
    {
      config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Publish approved notes, or the open correction: freezes a version (PDF, canonical JSON, SHA-256 of each)',
        params: idParams,
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404, 409, 429, 503) },
      },
    },
    async (request) => service.publishNotes(request.ctx(), deps(), request.params.id),
  );
  app.post(
    '/meetings/:id/notes/corrections',
    {
      schema: {
        tags,
        summary: 'Open a correction of published notes, with the reason the public will see (secretariat)',
        params: idParams,
        body: correctionBody,
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.openCorrection(request.ctx(), request.params.id, request.body.reason),
  );
  app.post(
    '/meetings/:id/notes/corrections/cancel',
    {
      schema: {
        tags,
        summary: 'Close an open correction without publishing (only when nothing was changed)',
        params: idParams,
        response: { 200: publicationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.cancelCorrection(request.ctx(), deps().protectiveMarking, request.params.id),
  );
  app.get(
    '/meetings/:id/notes/public-preview',
    {
      schema: {
        tags,
        summary: 'The notes as publishing now would show them to the public (secretariat)',
        params: idParams,
        response: { 200: previewSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const { vm } = await service.previewPublicNotes(
        request.ctx(),
        deps().protectiveMarking,
        request.params.id,
      );
      return { edited: vm.edited !== null, editedNotice: vm.edited?.text ?? null, lines: notesLines(vm) };
    },
  );

  app.get(
    '/meetings/:id/notes/versions',
    {
      schema: {
        tags,
        summary: 'Published versions of the notes',
        params: idParams,
        response: { 200: z.object({ items: z.array(notesVersionSchema) }), ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: (await service.getPublication(request.ctx(), request.params.id)).versions }),
  );
  app.get(
    '/meetings/:id/notes/versions/:version/pdf',
    {
      schema: {
        tags,
        summary: 'The PDF of a published version, byte for byte as frozen (ETag: its SHA-256)',
        params: versionParams,
        response: { 200: pdfResponse, 304: z.null(), ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      await service.readableMeeting(request.ctx(), request.params.id);
      const row = await service.versionPdf(request.ctx().db, request.params.id, request.params.version);
      return sendFrozenPdf(request, reply, row, 'private, no-cache');
    },
  );
  app.get(
    '/meetings/:id/notes/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two published versions, line by line',
        params: idParams,
        querystring: diffQuery,
        response: { 200: notesDiffSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => {
      await service.readableMeeting(request.ctx(), request.params.id);
      return service.notesDiff(request.ctx().db, request.params.id, request.query.from, request.query.to);
    },
  );

  app.get(
    '/boards/:id/compliance',
    {
      schema: {
        tags,
        summary:
          'Per meeting: what the Specified Information Order requires to be published, whether and when it was (secretariat)',
        params: idParams,
        querystring: complianceQuery,
        response: { 200: complianceSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => boardCompliance(request.ctx(), request.params.id, request.query),
  );
};
