import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { createUserBody, updateUserBody, userList, userSchema } from './schemas.ts';
import * as service from './service.ts';

export const userRoutes: FastifyPluginAsyncZod = async (app) => {
  const tags = ['users'];
  app.get(
    '/users',
    { schema: { tags, summary: 'List users (admin)', response: { 200: userList, ...problems(401, 403) } } },
    async (request) => ({ items: await service.listUsers(request.ctx()) }),
  );
  app.get(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'One user (admin)',
        params: idParams,
        response: { 200: userSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => service.getUser(request.ctx(), request.params.id),
  );
  app.post(
    '/users',
    {
      schema: {
        tags,
        summary: 'Create a user (admin)',
        body: createUserBody,
        response: { 201: userSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createUser(request.ctx(), request.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user (admin); role, organisation, password or deactivation ends their sessions',
        params: idParams,
        body: updateUserBody,
        response: { 200: userSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.updateUser(request.ctx(), request.params.id, request.body),
  );
};
