/** Why this file exists: the open-data routes for meetings, their agendas, notes versions and papers. */
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { pdfResponse } from '../../documents/index.ts';
import { idParams, problems } from '../../http/common-schemas.ts';
import { publicCostlyRateLimit } from '../../http/rate-limits.ts';
import { diffQuery, notesDiffSchema, versionParams } from '../../modules/publication/schemas.ts';
import * as notes from '../../modules/publication/service.ts';
import * as oparl from '../oparl.ts';
import { api } from '../paths.ts';
import * as read from '../read/index.ts';
import {
  publicAgendaItemSchema,
  publicMeetingSchema,
  publicMeetingSummarySchema,
  whenQuery,
} from '../schemas.ts';
import * as view from '../view.ts';
import { type PublicDataOptions, sendJsonBytes, sendPdfBytes } from './caching.ts';
import { type Api, type Helpers, pagedList, rawJson, tags } from './shared.ts';

export function meetingRoutes(app: Api, _opts: PublicDataOptions, h: Helpers): void {
  const { baseOf, meetingsPage } = h;
  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: 'Meetings of every board: upcoming (soonest first) or past (latest first)',
        querystring: whenQuery,
        response: { 200: pagedList(publicMeetingSummarySchema), ...problems(400) },
      },
    },
    async (request) => meetingsPage(request, api.meetings(), request.query),
  );
  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary:
          'A meeting: when and where, its public agenda and papers, published notes, actions and decisions',
        params: idParams,
        response: { 200: publicMeetingSchema, ...problems(400, 404) },
      },
    },
    async (request) =>
      oparl.meetingDetail(baseOf(request), await view.meetingDetail(request.ctx().db, request.params.id)),
  );
  app.get(
    '/meetings/:id/agenda',
    {
      schema: {
        tags,
        summary:
          'The public agenda of a meeting: items numbered 1..n, presenters and public papers (404 until published)',
        params: idParams,
        response: { 200: z.object({ items: z.array(publicAgendaItemSchema) }), ...problems(400, 404) },
      },
    },
    async (request) => {
      const meeting = await view.meetingDetail(request.ctx().db, request.params.id);
      const items = oparl.agendaItems(baseOf(request), meeting);
      if (!items) throw new NotFound('published agenda');
      return { items };
    },
  );
  app.get(
    '/agenda-items/:id',
    {
      schema: {
        tags,
        summary: 'One item of a published agenda (OParl AgendaItem)',
        params: idParams,
        response: { 200: publicAgendaItemSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { db } = request.ctx();
      const meetingId = await read.publicItemMeeting(db, request.params.id);
      const meeting = meetingId ? await view.meetingDetail(db, meetingId) : null;
      const item =
        meeting && oparl.agendaItems(baseOf(request), meeting)?.find((i) => i.id === request.params.id);
      if (!item) throw new NotFound('agenda item');
      return item;
    },
  );
  app.get(
    '/meetings/:id/notes/versions/:version',
    {
      schema: {
        tags,
        summary: 'A published version of the notes: the canonical JSON, byte for byte',
        params: versionParams,
        response: { 200: rawJson, 304: z.null(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const found = await read.notesSnapshot(request.ctx().db, request.params.id, request.params.version);
      if (!found) throw new NotFound('published version');
      return sendJsonBytes(reply, found.json, found.sha256, found.publishedAt);
    },
  );
  app.get(
    '/meetings/:id/notes/versions/:version/pdf',
    {
      schema: {
        tags,
        summary: 'A published version of the notes as PDF (tagged, accessible), byte for byte',
        params: versionParams,
        response: { 200: pdfResponse, 304: z.null(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const row = await notes.versionPdf(request.ctx().db, request.params.id, request.params.version);
      return sendPdfBytes(reply, row.pdf, row.pdf_sha256, row.pdf_filename, row.published_at);
    },
  );
  app.get(
    '/meetings/:id/notes/diff',
    {
      config: { rateLimit: publicCostlyRateLimit },
      schema: {
        tags,
        summary: 'What changed between two published versions of the notes',
        params: idParams,
        querystring: diffQuery,
        response: { 200: notesDiffSchema, ...problems(400, 404, 429) },
      },
    },
    async (request) =>
      notes.notesDiff(request.ctx().db, request.params.id, request.query.from, request.query.to),
  );
  app.get(
    '/papers/:id',
    {
      schema: {
        tags,
        summary: 'A public paper (PDF) of a published agenda',
        params: idParams,
        response: { 200: pdfResponse, 304: z.null(), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const paper = await read.findPublicPaper(request.ctx().db, request.params.id);
      if (!paper) throw new NotFound('paper');
      return sendPdfBytes(reply, paper.data, paper.sha256, paper.filename, paper.created_at);
    },
  );
}
