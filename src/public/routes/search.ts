/** Why this file exists: the open-data route for searching what is published. */
import { problems } from '../../http/common-schemas.ts';
import { publicCostlyRateLimit } from '../../http/rate-limits.ts';
import { searchQuery, searchResultSchema } from '../schemas.ts';
import { plainSnippet, searchPublished } from '../search.ts';
import type { PublicDataOptions } from './caching.ts';
import { type Api, type Helpers, tags } from './shared.ts';

export function searchRoutes(app: Api, _opts: PublicDataOptions, _h: Helpers): void {
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
}
