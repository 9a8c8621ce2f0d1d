import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { idempotent } from '../../http/idempotency.ts';
import {
  attendanceBody,
  attendanceEntrySchema,
  attendanceList,
  attendanceReplace,
} from './attendance-schemas.ts';
import * as service from './attendance-service.ts';

export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['attendance'];

  app.get(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: 'Who attended, sent apologies, was absent or in attendance for an item',
        params: idParams,
        response: { 200: attendanceList, ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: await service.listAttendance(request.ctx(), request.params.id) }),
  );
  app.post(
    '/meetings/:id/attendance',
    {
      schema: {
        tags,
        summary: "Add a person to a meeting's attendance (admin, the board's secretariat)",
        params: idParams,
        body: attendanceBody,
        response: { 201: attendanceEntrySchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, 201, () =>
        service.addAttendance(request.ctx(), request.params.id, request.body),
      ),
  );
  app.put(
    '/attendance/:id',
    {
      schema: {
        tags,
        summary:
          "Replace an attendance entry's status, printed role and organisation (admin, the board's secretariat)",
        params: idParams,
        body: attendanceReplace,
        response: { 200: attendanceEntrySchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.replaceAttendance(request.ctx(), request.params.id, request.body),
  );
  app.delete(
    '/attendance/:id',
    {
      schema: {
        tags,
        summary: "Remove an attendance entry (admin, the board's secretariat)",
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.removeAttendance(request.ctx(), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
