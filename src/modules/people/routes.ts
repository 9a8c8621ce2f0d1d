import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import {
  organisationBody,
  organisationPatch,
  organisationSchema,
  peopleQuery,
  personBody,
  personPatch,
  personSchema,
} from './schemas.ts';
import * as service from './service.ts';

export const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  const orgTags = ['organisations'];
  const peopleTags = ['people'];

  app.get(
    '/organisations',
    {
      schema: {
        tags: orgTags,
        summary: 'List organisations',
        response: { 200: z.object({ items: z.array(organisationSchema) }), ...problems(401) },
      },
    },
    async (request) => ({ items: await service.listOrganisations(request.ctx()) }),
  );
  app.get(
    '/organisations/:id',
    {
      schema: {
        tags: orgTags,
        summary: 'One organisation',
        params: idParams,
        response: { 200: organisationSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => service.getOrganisation(request.ctx(), request.params.id),
  );
  app.post(
    '/organisations',
    {
      schema: {
        tags: orgTags,
        summary: 'Add an organisation (secretariat, admin)',
        body: organisationBody,
        response: { 201: organisationSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await service.createOrganisation(request.ctx(), request.body)),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags: orgTags,
        summary: 'Change an organisation (secretariat, admin)',
        params: idParams,
        body: organisationPatch,
        response: { 200: organisationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.updateOrganisation(request.ctx(), request.params.id, request.body),
  );

  app.get(
    '/people',
    {
      schema: {
        tags: peopleTags,
        summary: 'Search the people directory by part of a name',
        querystring: peopleQuery,
        response: { 200: z.object({ items: z.array(personSchema) }), ...problems(400, 401) },
      },
    },
    async (request) => ({ items: await service.searchPeople(request.ctx(), request.query) }),
  );
  app.get(
    '/people/:id',
    {
      schema: {
        tags: peopleTags,
        summary: 'One person',
        params: idParams,
        response: { 200: personSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => service.getPerson(request.ctx(), request.params.id),
  );
  app.post(
    '/people',
    {
      schema: {
        tags: peopleTags,
        summary: 'Add a person to the directory (secretariat, admin)',
        body: personBody,
        response: { 201: personSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createPerson(request.ctx(), request.body)),
  );
  app.patch(
    '/people/:id',
    {
      schema: {
        tags: peopleTags,
        summary: 'Change a person (secretariat, admin)',
        params: idParams,
        body: personPatch,
        response: { 200: personSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.updatePerson(request.ctx(), request.params.id, request.body),
  );
};
