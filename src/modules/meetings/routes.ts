import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import { attendanceRoutes } from './attendance-routes.ts';
import { declarationsRoutes } from './declarations-routes.ts';
import {
  meetingBody,
  meetingDetailSchema,
  meetingListQuery,
  meetingPage,
  meetingPatch,
  statusBody,
} from './schemas.ts';
import * as service from './service.ts';

export const meetingsRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['meetings'];

  app.get(
    '/meetings',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'List meetings by start time, filtered by board, status and London dates; keyset pages',
        querystring: meetingListQuery,
        response: { 200: meetingPage, ...problems(400, 401) },
      },
    },
    async (request) => service.listMeetings(request.ctx(), request.query),
  );
  app.get(
    '/meetings/:id',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary:
          'A meeting with its attendance, the agenda items you may see, their papers, and declarations',
        params: idParams,
        response: { 200: meetingDetailSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const meeting = await service.getMeeting(request.ctx(), request.params.id);
      setEtag(reply, meeting.id, meeting.version);
      return meeting;
    },
  );
  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary:
          "Create a meeting and its agenda from the board's standing items (admin, the board's secretariat)",
        body: meetingBody,
        response: { 201: meetingDetailSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const meeting = await idempotent(request, reply, 201, () =>
        service.createMeeting(request.ctx(), request.body),
      );
      setEtag(reply, meeting.id, meeting.version);
      return meeting;
    },
  );
  app.patch(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary:
          "Change a meeting's date, time, place or summary; needs If-Match (admin, the board's secretariat)",
        params: idParams,
        body: meetingPatch,
        response: { 200: meetingDetailSchema, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const meeting = await service.updateMeeting(
        request.ctx(),
        id,
        () => requireIfMatch(request, id),
        request.body,
      );
      setEtag(reply, meeting.id, meeting.version);
      return meeting;
    },
  );
  app.post(
    '/meetings/:id/status',
    {
      schema: {
        tags,
        summary:
          'Move a meeting along scheduled → held → notes_drafted → notes_approved → published, or scheduled → cancelled',
        params: idParams,
        body: statusBody,
        response: { 200: meetingDetailSchema, ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const ifMatch = () =>
        request.headers['if-match'] === undefined ? undefined : requireIfMatch(request, id);
      const meeting = await service.changeStatus(request.ctx(), id, request.body.status, ifMatch);
      setEtag(reply, meeting.id, meeting.version);
      return meeting;
    },
  );

  await app.register(attendanceRoutes);
  await app.register(declarationsRoutes);
};
