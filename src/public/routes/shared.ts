/**
 * Why this file exists: the schemas and small builders the open-data route files share (lists,
 * own JSON Schemas, meetings/actions/boards in OParl form).
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import * as oparl from '../oparl.ts';
import { sliceOf } from '../paging.ts';
import * as read from '../read/index.ts';
import {
  listMetaFields,
  pagedListMetaFields,
  publicActionDetailSchema,
  publicDecisionDetailSchema,
  type WhenQuery,
} from '../schemas.ts';
import * as view from '../view.ts';
import { baseUrlOf, type PublicDataOptions } from './caching.ts';

export const tags = ['open data'];
export const rawJson = z
  .any()
  .meta({ description: 'The canonical JSON exactly as published (its SHA-256 is the ETag)' });

/**
 * A list on one page: `items` as before, plus OParl's `pagination` and `links`. Only for lists that
 * stay tiny: /bodies (one office) and /boards (a handful of boards; read.listBoards). Lists that grow
 * with every meeting (meetings, actions, decisions) are paged; a meeting's agenda is one meeting's,
 * and /search gives the best matches only (MAX_RESULTS), not a list to walk.
 */
export const list = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), ...listMetaFields });
/** A list page by page (`?page=`, `?limit=`). */
export const pagedList = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), ...pagedListMetaFields });

const ownSchemas: Record<oparl.OwnType, z.ZodType> = {
  Action: publicActionDetailSchema,
  Decision: publicDecisionDetailSchema,
};

/** A JSON Schema of an own type's object (dates as date-time strings, as they are sent). */
export function jsonSchemaOf(base: string, name: oparl.OwnType) {
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

/** The app inside the open-data plugin (zod type provider), as the route files take it. */
export type Api = Parameters<FastifyPluginAsyncZod<PublicDataOptions>>[0];

/** What several route files build their answers with, bound to the configured base URL. */
export function helpersFor(opts: PublicDataOptions) {
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
  return { baseOf, meetings, actions, board, meetingsPage };
}
export type Helpers = ReturnType<typeof helpersFor>;
