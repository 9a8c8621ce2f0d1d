/**
 * The web foundation as one Fastify plugin, registered at the root with no prefix:
 *   /assets/*   static files (src/web/assets)
 *   /login, /logout
 *   /staff/...  the secretariat, officer and member workspaces (src/web/staff)
 * It owns cookie sessions, CSRF protection, form bodies, the page engine (`reply.page`) and HTML
 * error pages; none of it leaks into the JSON API, which keeps bearer tokens and problem+json.
 * The public site registers its routes inside this scope (see `publicRoutes` below) to share them.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import type { FastifyPluginAsync } from 'fastify';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { NotFoundPage } from '../http/error-handler.ts';
import * as auth from '../modules/auth/service.ts';
import { ASSETS_PREFIX, type AssetStore, loadAssets, registerAssetRoutes } from './assets.ts';
import { webAuthRoutes } from './auth-routes.ts';
import { registerCsrf } from './csrf.ts';
import { registerWebErrorHandler } from './errors.ts';
import { makePageRenderer } from './page.ts';
import { publicNotFoundPage } from './public/routes.ts';
import {
  clearSessionCookie,
  createSessionCodec,
  principalOf,
  readSession,
  type SessionEnd,
  sessionEnd,
  setSessionCookie,
  shouldTouch,
  type WebSession,
} from './session.ts';
import { staffRoutes } from './staff/routes.ts';
import { createViewEngine } from './views.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The web assets (src/web/assets), for routes that need an asset's hashed URL. */
    webAssets: AssetStore;
  }
  interface FastifyRequest {
    /** The browser session behind request.actor on web routes; null when signed out. */
    webSession: WebSession | null;
    /** Set when this request's session cookie had run out (idle or too old): the sign-in page says why. */
    sessionEnded: SessionEnd | null;
  }
}

/** Sent by the pages' scripts on calls the person did not make (polling, presence): not activity. */
export const BACKGROUND_HEADER = 'x-boardroom-background';
/** Tells a script why its call was refused 401, so it can send the person to sign in with the reason. */
export const SESSION_ENDED_HEADER = 'x-session-ended';

export interface WebPluginOptions {
  config: Config;
  db: Database;
  /** Extra route plugins to run inside the web scope (the public site), registered without prefix. */
  publicRoutes?: FastifyPluginAsync[];
  /** Filled in here: the page the app's not-found handler sends for unknown addresses of the site. */
  notFoundPage?: NotFoundPage;
}

export const webPlugin: FastifyPluginAsync<WebPluginOptions> = async (app, opts) => {
  const { config, db } = opts;
  const assets = loadAssets();
  const views = createViewEngine({ assetUrl: assets.url });
  const codec = createSessionCodec(config);

  // Pages and the scripts' endpoints are not the public API: keep them out of the OpenAPI document.
  app.addHook('onRoute', (route) => {
    route.schema = { ...route.schema, hide: true };
  });
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  app.decorate('webAssets', assets);
  app.decorateRequest('webSession', null);
  app.decorateRequest('sessionEnded', null);
  const page = makePageRenderer(views, config.env === 'production');
  app.decorateReply('page', page);
  // The app's not-found handler runs outside this scope, so it renders with the engine directly.
  if (opts.notFoundPage)
    opts.notFoundPage.render = (_request, reply) => page.call(reply, ...publicNotFoundPage());

  // Web routes are authenticated by the session cookie only (never a bearer header), once per request.
  app.addHook('onRequest', async (request, reply) => {
    if (request.url.startsWith(ASSETS_PREFIX)) return;
    request.actor = null;
    const session = readSession(request, codec);
    if (!session) return;
    const now = Math.floor(Date.now() / 1000);
    const ended = sessionEnd(session, codec, now);
    if (ended) {
      // Revoked, not only forgotten: a copy of the cookie is no use to anyone afterwards either.
      await auth.logout(db, session.refreshToken);
      clearSessionCookie(reply, codec);
      request.sessionEnded = ended;
      reply.header(SESSION_ENDED_HEADER, ended);
      return;
    }
    const principal = await principalOf(db, session);
    if (!principal) {
      clearSessionCookie(reply, codec);
      return;
    }
    request.webSession = session;
    request.actor = principal;
    if (request.headers[BACKGROUND_HEADER] !== '1' && shouldTouch(session, codec, now)) {
      setSessionCookie(reply, codec, { ...session, lastActiveAt: now });
    }
  });
  await registerCsrf(app, config);
  registerWebErrorHandler(app);
  registerAssetRoutes(app, assets);

  await app.register(webAuthRoutes, { db, codec, loginRateLimitPerMinute: config.loginRateLimitPerMinute });
  await app.register(staffRoutes, { prefix: '/staff', protectiveMarking: config.render.protectiveMarking });
  for (const routes of opts.publicRoutes ?? []) await app.register(routes);
};
