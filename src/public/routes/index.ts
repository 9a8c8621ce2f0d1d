/**
 * Open data, no sign-in: JSON under /public/v1 and the feeds under /feeds. Only published, public
 * content (see read/). Every GET answers with an ETag (the published SHA-256 for frozen
 * versions, a hash of the body otherwise) and a Cache-Control, and 304 when the client has it.
 * Where the time of the last change is known (frozen versions, papers, the decisions register, the
 * feeds) a Last-Modified too, and If-Modified-Since is answered when there is no If-None-Match.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { chainRoutes } from '../chain-routes.ts';
import { actionRoutes } from './actions.ts';
import { bodyRoutes } from './bodies.ts';
import { type PublicDataOptions, registerPublicCaching } from './caching.ts';
import { decisionRoutes } from './decisions.ts';
import { feedRoutes } from './feeds.ts';
import { meetingRoutes } from './meetings.ts';
import { searchRoutes } from './search.ts';
import { helpersFor } from './shared.ts';

/** The JSON API: one plugin (one caching scope), its routes registered in the order they are listed. */
const jsonApi: FastifyPluginAsyncZod<PublicDataOptions> = async (app, opts) => {
  registerPublicCaching(app);
  const h = helpersFor(opts);
  bodyRoutes(app, opts, h);
  meetingRoutes(app, opts, h);
  actionRoutes(app, opts, h);
  decisionRoutes(app, opts, h);
  searchRoutes(app, opts, h);
};

/** Register at the root: `await app.register(publicDataRoutes, { baseUrl })`. */
export const publicDataRoutes: FastifyPluginAsyncZod<PublicDataOptions> = async (app, opts) => {
  await app.register(jsonApi, { prefix: '/public/v1', baseUrl: opts.baseUrl });
  await app.register(chainRoutes, { prefix: '/public/v1', baseUrl: opts.baseUrl });
  await app.register(feedRoutes, { prefix: '/feeds', baseUrl: opts.baseUrl });
};
