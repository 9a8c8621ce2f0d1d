/** Why this file exists: the open-data routes for the system, the body (the office) and its boards. */
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { idParams, problems } from '../../http/common-schemas.ts';
import * as oparl from '../oparl.ts';
import { sliceOf } from '../paging.ts';
import { api } from '../paths.ts';
import * as read from '../read/index.ts';
import {
  actionsQuery,
  oparlBodyListSchema,
  oparlBodySchema,
  oparlSystemSchema,
  publicActionSchema,
  publicBoardSchema,
  publicMeetingSummarySchema,
  whenQuery,
} from '../schemas.ts';
import type { PublicDataOptions } from './caching.ts';
import { type Api, type Helpers, jsonSchemaOf, list, pagedList, tags } from './shared.ts';

export function bodyRoutes(app: Api, _opts: PublicDataOptions, h: Helpers): void {
  const { baseOf, actions, board, meetingsPage } = h;
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
}
