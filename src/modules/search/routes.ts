import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { problems } from '../../http/common-schemas.ts';
import { searchQuery, searchResultSchema } from './schemas.ts';
import * as service from './service.ts';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/search',
    {
      config: { readCache: true },
      schema: {
        tags: ['search'],
        summary:
          'Full-text search of agenda items, questions and actions you may see, best first, with highlighted snippets',
        querystring: searchQuery,
        response: { 200: searchResultSchema, ...problems(400, 401) },
      },
    },
    async (request) => ({ items: await service.search(request.ctx(), request.query) }),
  );
};
