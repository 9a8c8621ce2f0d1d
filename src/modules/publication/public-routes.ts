/**
 * Open data, no sign-in: JSON under /public/v1 and the feeds under /feeds. Only published, public
 * content (see public-read.ts). Every GET answers with an ETag (the published SHA-256 for frozen
 * versions, a hash of the body otherwise) and a Cache-Control, and 304 when the client has it.
 * Where the time of the last change is known (frozen versions, papers, the decisions register, the
 * feeds) a Last-Modified too, and If-Modified-Since is answered when there is no If-None-Match.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { idParams, problems } from '../../http/common-schemas.ts';
import { publicCostlyRateLimit } from '../../http/rate-limits.ts';
import * as decisions from '../decisions/service.ts';
import { pdfResponse } from '../documents/schemas.ts';
import { chainHeads } from './chain.ts';
import { chainRoutes } from './chain-routes.ts';
import {
  atomFeed,
  atomLastModified,
  icsFeed,
  icsLastModified,
  publicationEntries,
  upcomingMeetings,
} from './feeds.ts';
import { sliceOf } from './paging.ts';
import * as oparl from './public-oparl.ts';
import { api } from './public-paths.ts';
import * as read from './public-read.ts';
import {
  actionsQuery,
  decisionsQuery,
  listMetaFields,
  oparlBodyListSchema,
  oparlBodySchema,
  oparlSystemSchema,
  pagedListMetaFields,
  publicActionDetailSchema,
  publicActionSchema,
  publicAgendaItemSchema,
  publicBoardSchema,
  publicDecisionDetailSchema,
  publicDecisionSchema,
  publicMeetingSchema,
  publicMeetingSummarySchema,
  searchQuery,
  searchResultSchema,
  type WhenQuery,
  whenQuery,
} from './public-schemas.ts';
import { plainSnippet, searchPublished } from './public-search.ts';
import * as view from './public-view.ts';
import { diffQuery, notesDiffSchema, versionParams } from './schemas.ts';
import * as notes from './service.ts';
import { etagMatches, inlineDisposition, notModifiedSince } from './versions.ts';

export interface PublicDataOptions {
  /** Absolute base of the public site for feeds ("https://www.example.police.uk"); else the request's. */
  baseUrl?: string | undefined;
}

const notModified = z
  .null()
  .describe('Not Modified: the copy the client holds (If-None-Match, If-Modified-Since) is current');

/** Frozen content never changes: cache it for a year. Everything else: a minute, then revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=60, must-revalidate';

/**
 * An ETag for every public GET that did not set one, and 304 when If-None-Match has it, or, without
 * If-None-Match (which takes precedence, RFC 9110 13.2.2), when If-Modified-Since is no earlier than
 * the Last-Modified the route set.
 */
export function registerPublicCaching(app: FastifyInstance): void {
  // Every GET here can answer 304, so every GET documents it (the hook below decides when).
  app.addHook('onRoute', (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (response && !response['304'] && [route.method].flat().includes('GET')) {
      route.schema = { ...route.schema, response: { ...response, 304: notModified } };
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200) {
      reply.header('cache-control', 'no-store');
      return payload;
    }
    if (!reply.getHeader('cache-control')) reply.header('cache-control', SHORT);
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    let etag = reply.getHeader('etag') as string | undefined;
    if (!etag && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
      etag = `"${createHash('sha256').update(payload).digest('hex')}"`;
      reply.header('etag', etag);
    }
    const ifNoneMatch = request.headers['if-none-match'];
    const fresh =
      ifNoneMatch !== undefined
        ? etag !== undefined && etagMatches(ifNoneMatch, etag)
        : notModifiedSince(
            request.headers['if-modified-since'],
            reply.getHeader('last-modified') as string | undefined,
          );
    if (fresh) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}

/** Last-Modified as an HTTP date (whole seconds); nothing when the time is unknown. */
export function setLastModified(reply: FastifyReply, at: Date | null | undefined): FastifyReply {
  if (at) reply.header('last-modified', at.toUTCString());
  return reply;
}

export function baseUrlOf(request: FastifyRequest, configured: string | undefined): string {
  return (configured ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

function sendJsonBytes(reply: FastifyReply, json: string, sha256: string, publishedAt: Date): FastifyReply {
  return setLastModified(reply, publishedAt)
    .header('etag', `"${sha256}"`)
    .header('cache-control', IMMUTABLE)
    .type('application/json; charset=utf-8')
    .send(json);
}

function sendPdfBytes(
  reply: FastifyReply,
  pdf: Buffer | Uint8Array,
  sha256: string,
  filename: string,
  modifiedAt: Date,
): FastifyReply {
  return setLastModified(reply, modifiedAt)
    .header('etag', `"${sha256}"`)
    .header('cache-control', IMMUTABLE)
    .header('content-disposition', inlineDisposition(filename))
    .type('application/pdf')
    .send(Buffer.from(pdf));
}

const tags = ['open data'];
const rawJson = z
  .any()
  .meta({ description: 'The canonical JSON exactly as published (its SHA-256 is the ETag)' });

/**
 * A list on one page: `items` as before, plus OParl's `pagination` and `links`. Only for lists that
 * stay tiny: /bodies (one office) and /boards (a handful of boards; read.listBoards). Lists that grow
 * with every meeting (meetings, actions, decisions) are paged; a meeting's agenda is one meeting's,
 * and /search gives the best matches only (MAX_RESULTS), not a list to walk.
 */
const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), ...listMetaFields });
/** A list page by page (`?page=`, `?limit=`). */
const pagedList = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), ...pagedListMetaFields });

const ownSchemas: Record<oparl.OwnType, z.ZodType> = {
  Action: publicActionDetailSchema,
  Decision: publicDecisionDetailSchema,
};

/** A JSON Schema of an own type's object (dates as date-time strings, as they are sent). */
function jsonSchemaOf(base: string, name: oparl.OwnType) {
  return {
    ...z.toJSONSchema(ownSchemas[name], {
      io: 'output',
      unrepresentable: 'any',
      override: (ctx) => {
        if (ctx.zodSchema._zod.def.type === 'date')
          Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
      },
    }),
    $id: oparl.ownType(base, name),
    title: name,
  };
}

const jsonApi: FastifyPluginAsyncZod<PublicDataOptions> = async (app, opts) => {
  registerPublicCaching(app);
  const baseOf = (request: FastifyRequest) => baseUrlOf(request, opts.baseUrl);
  const meetings = (base: string, items: read.PublicMeetingSummary[]) =>
    items.map((m) => ({ ...view.meetingSummary(m), ...oparl.meeting(base, m) }));
  const actions = (base: string, items: read.PublicAction[]) =>
    items.map((a) => ({ ...view.action(a), ...oparl.action(base, a) }));
  const board = (base: string, b: read.PublicBoard) => ({ ...view.board(b), ...oparl.board(base, b) });
  /** A page of meetings (of one board, or of all); its links keep `when` and `limit`. */
  const meetingsPage = async (request: FastifyRequest, path: string, query: WhenQuery, boardId?: string) => {
    const base = baseOf(request);
    const { when, limit } = query;
    const found = await read.pageMeetings(request.ctx().db, {
      ...(boardId ? { boardId } : {}),
      when,
      ...sliceOf(query),
    });
    return {
      items: meetings(base, found.items),
      ...oparl.pageMeta(base, path, { when, limit }, query, found.total),
    };
  };

  app.get(
    '/system',
    {
      schema: {
        tags,
        summary: 'OParl System: the entry point (its body lists the boards and meetings)',
        response: { 200: oparlSystemSchema },
      },
    },
    async (request) => oparl.system(baseOf(request)),
  );
  app.get(
    '/bodies',
    {
      schema: {
        tags,
        summary: 'OParl bodies: the one office publishing here',
        response: { 200: oparlBodyListSchema },
      },
    },
    async (request) => {
      const base = baseOf(request);
      return { data: [oparl.body(base)], ...oparl.listMeta(base, api.bodies(), 1) };
    },
  );
  app.get(
    '/bodies/:id',
    {
      schema: {
        tags,
        summary: 'OParl Body: the office publishing here',
        params: z.object({ id: z.string().max(100) }),
        response: { 200: oparlBodySchema, ...problems(404) },
      },
    },
    async (request) => {
      if (request.params.id !== oparl.BODY.id) throw new NotFound('body');
      return oparl.body(baseOf(request));
    },
  );
  app.get(
    '/schema/:name',
    {
      schema: {
        tags,
        summary: 'The JSON Schema of this API’s own object types (the `type` of actions and decisions)',
        params: z.object({ name: z.enum(oparl.OWN_TYPES) }),
        response: {
          200: {
            description: 'A JSON Schema (draft 2020-12)',
            content: { 'application/schema+json': { schema: z.any() } },
          },
          ...problems(400),
        },
      },
    },
    async (request, reply) => {
      reply.type('application/schema+json; charset=utf-8');
      return JSON.stringify(jsonSchemaOf(baseOf(request), request.params.name));
    },
  );
  app.get(
    '/boards',
    { schema: { tags, summary: 'Boards (OParl Organizations)', response: { 200: list(publicBoardSchema) } } },
    async (request) => {
      const base = baseOf(request);
      const items = (await read.listBoards(request.ctx().db)).map((b) => board(base, b));
      return { items, ...oparl.listMeta(base, api.boards(), items.length) };
    },
  );
  app.get(
    '/boards/:id',
    {
      schema: {
        tags,
        summary: 'One board',
        params: idParams,
        response: { 200: publicBoardSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const found = await read.findBoard(request.ctx().db, request.params.id);
      if (!found) throw new NotFound('board');
      return board(baseOf(request), found);
    },
  );
  app.get(
    '/boards/:id/meetings',
    {
      schema: {
        tags,
        summary:
          'A board’s meetings: upcoming (soonest first) or past (latest first), with date, time and place',
        params: idParams,
        querystring: whenQuery,
        response: { 200: pagedList(publicMeetingSummarySchema), ...problems(400, 404) },
      },
    },
    async (request) => {
      const { id } = request.params;
      if (!(await read.findBoard(request.ctx().db, id))) throw new NotFound('board');
      return meetingsPage(request, api.boardMeetings(id), request.query, id);
    },
  );
  app.get(
    '/boards/:id/actions',
    {
      schema: {
        tags,
        summary:
          'The public action tracker of a board: actions made public by published notes, with their status',
        params: idParams,
        querystring: actionsQuery,
        response: { 200: pagedList(publicActionSchema), ...problems(400, 404) },
      },
    },
    async (request) => {
      const { db } = request.ctx();
      const base = baseOf(request);
      const { id } = request.params;
      const { status, owner, limit } = request.query;
      if (!(await read.findBoard(db, id))) throw new NotFound('board');
      const found = await read.pageActions(db, {
        boardId: id,
        filter: status,
        ownerId: owner,
        ...sliceOf(request.query),
      });
      return {
        items: actions(base, found.items),
        ...oparl.pageMeta(base, api.boardActions(id), { status, owner, limit }, request.query, found.total),
      };
    },
  );
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
  app.get(
    '/actions/:id',
    {
      schema: {
        tags,
        summary: 'A public action with its public updates',
        params: idParams,
        response: { 200: publicActionDetailSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const found = await read.findAction(request.ctx().db, request.params.id);
      if (!found) throw new NotFound('action');
      return { ...view.action(found), ...oparl.action(baseOf(request), found), updates: found.updates };
    },
  );
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
  app.get(
    '/search',
    {
      config: { rateLimit: publicCostlyRateLimit },
      schema: {
        tags,
        summary: 'Search published notes, decisions, agenda titles and public actions',
        querystring: searchQuery,
        response: { 200: searchResultSchema, ...problems(400, 429) },
      },
    },
    async (request) => {
      const hits = await searchPublished(request.ctx().db, request.query.q);
      return {
        query: request.query.q,
        items: hits.map((h) => ({
          kind: h.kind,
          title: h.title,
          htmlUrl: h.url,
          date: h.date,
          snippet: plainSnippet(h.snippet),
        })),
      };
    },
  );
};

const feeds: FastifyPluginAsyncZod<PublicDataOptions> = async (app, opts) => {
  registerPublicCaching(app);
  app.get(
    '/publications.atom',
    {
      schema: {
        tags: ['feeds'],
        summary: 'Atom feed: agendas, notes (and corrections) and decisions as published',
        response: {
          200: { description: 'Atom 1.0', content: { 'application/atom+xml': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      const entries = await publicationEntries(request.ctx().db);
      const heads = await chainHeads(request.ctx().db);
      return setLastModified(reply, atomLastModified(entries))
        .type('application/atom+xml; charset=utf-8')
        .send(atomFeed(baseUrlOf(request, opts.baseUrl), entries, heads));
    },
  );
  app.get(
    '/meetings.ics',
    {
      schema: {
        tags: ['feeds'],
        summary: 'iCalendar feed of upcoming public meetings (date, time in Europe/London, place)',
        response: {
          200: { description: 'iCalendar (RFC 5545)', content: { 'text/calendar': { schema: z.string() } } },
        },
      },
    },
    async (request, reply) => {
      const base = baseUrlOf(request, opts.baseUrl);
      const { db } = request.ctx();
      const now = new Date();
      const meetings = await upcomingMeetings(db, now);
      return setLastModified(reply, await icsLastModified(db, meetings, now))
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="meetings.ics"')
        .send(icsFeed(base, new URL(base).hostname, meetings));
    },
  );
};

/** Register at the root: `await app.register(publicDataRoutes, { baseUrl })`. */
export const publicDataRoutes: FastifyPluginAsyncZod<PublicDataOptions> = async (app, opts) => {
  await app.register(jsonApi, { prefix: '/public/v1', baseUrl: opts.baseUrl });
  await app.register(chainRoutes, { prefix: '/public/v1', baseUrl: opts.baseUrl });
  await app.register(feeds, { prefix: '/feeds', baseUrl: opts.baseUrl });
};
