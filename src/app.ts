import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import { TooManyRequests } from './core/errors.ts';
import { changeFeedOf } from './db/change-feed.ts';
import type { Database } from './db/database.ts';
import { documentsRoutes, startDocuments } from './documents/index.ts';
import { type NotFoundPage, registerErrorHandling } from './http/error-handler.ts';
import { healthRoutes } from './http/health-routes.ts';
import { registerOpenApi } from './http/openapi.ts';
import { sendProblem } from './http/problem.ts';
import { readCachePlugin } from './http/read-cache.ts';
import { recordRoutes } from './http/route-table.ts';
import { actionsRoutes } from './modules/actions/routes.ts';
import { agendaRoutes } from './modules/agenda/routes.ts';
import { auditRoutes } from './modules/audit/routes.ts';
import { authPlugin } from './modules/auth/plugin.ts';
import { authRoutes } from './modules/auth/routes.ts';
import { boardsRoutes } from './modules/boards/routes.ts';
import { decisionsRoutes } from './modules/decisions/routes.ts';
import { importRoutes } from './modules/import/routes.ts';
import { meetingsRoutes } from './modules/meetings/routes.ts';
import { peopleRoutes } from './modules/people/routes.ts';
import { plansRoutes } from './modules/plans/routes.ts';
import { publicationRoutes } from './modules/publication/routes.ts';
import { questionsRoutes } from './modules/questions/routes.ts';
import { searchRoutes } from './modules/search/routes.ts';
import { userRoutes } from './modules/users/routes.ts';
import { publicDataRoutes } from './public/routes/index.ts';
import { webPlugin } from './web/plugin.ts';
import { publicSiteRoutes } from './web/public/routes.ts';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  version: string;
};

export interface AppDeps {
  config: Config;
  db: Database;
  // Documents module: how its job queue reaches the same database (neither given: no queue).
  /** The embedded database instance, when running on PGlite. */
  pglite?: PGlite | undefined;
  /** The PostgreSQL URL, when running on PostgreSQL (the queue opens its own small pool). */
  databaseUrl?: string | undefined;
  /** Where logs go (default stdout); tests pass a stream to read them. */
  logStream?: NodeJS.WritableStream;
}

/** Builds the whole HTTP application; it does not listen (src/server.ts does) so tests can inject. */
export async function buildApp({
  config,
  db,
  pglite,
  databaseUrl,
  logStream,
}: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(logStream ? { stream: logStream } : {}),
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers.cookie',
          'res.headers["set-cookie"]',
          '*.password',
          '*.refreshToken',
        ],
        censor: '[redacted]',
      },
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    // Slow clients cannot hold sockets: Node answers 408 and closes when the headers (slowloris) or
    // the whole request (a body trickled in) take too long; the check runs often enough to matter.
    http: {
      headersTimeout: config.httpTimeouts.headersMs,
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(config.httpTimeouts.headersMs / 4)),
    },
    requestTimeout: config.httpTimeouts.requestMs,
    keepAliveTimeout: config.httpTimeouts.keepAliveMs,
    connectionTimeout: config.httpTimeouts.connectionMs,
    routerOptions: { maxParamLength: 200 },
    // Malformed URLs and over-long path parameters are the client's fault: problem+json, not a bare body.
    frameworkErrors: (error, request, reply) =>
      sendProblem(
        request,
        reply,
        error.statusCode ?? 400,
        error.statusCode === 414 ? 'URI Too Long' : 'Bad Request',
        error.message,
      ),
  }).withTypeProvider<ZodTypeProvider>();

  recordRoutes(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // Unknown addresses of the website get its 404 page once the web plugin has made it.
  const notFoundPage: NotFoundPage = { render: null };
  registerErrorHandling(app, notFoundPage);
  // JSON only: anything else is answered 415 rather than guessed at.
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyHelmet, { global: true });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new TooManyRequests(Math.max(1, Math.ceil(context.ttl / 1000))),
  });
  await registerOpenApi(app, pkg.version);
  const changes = changeFeedOf(db);
  await app.register(readCachePlugin, { feed: changes, ...config.readCache });
  await app.register(authPlugin, { config, db, changes });

  // Documents module: browser pool, job queue and (on PGlite) the render worker; closed with the app.
  const documents = await startDocuments({ config, db, log: app.log, pglite, databaseUrl });
  app.decorate('documents', documents);
  app.addHook('onClose', () => documents.close());

  await app.register(healthRoutes, { db });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { loginRateLimitPerMinute: config.loginRateLimitPerMinute });
      await api.register(userRoutes);
      await api.register(peopleRoutes);
      await api.register(boardsRoutes);
      await api.register(meetingsRoutes);
      await api.register(agendaRoutes, { uploadLimitBytes: config.uploadLimitBytes });
      await api.register(questionsRoutes);
      await api.register(actionsRoutes);
      await api.register(plansRoutes);
      await api.register(searchRoutes);
      await api.register(auditRoutes);
      await api.register(documentsRoutes);
      await api.register(importRoutes);
      await api.register(publicationRoutes, { protectiveMarking: config.render.protectiveMarking });
      await api.register(decisionsRoutes, { pool: () => api.documents.pool });
    },
    { prefix: '/api/v1' },
  );
  await app.register(publicDataRoutes, { baseUrl: config.publicBaseUrl });
  await app.register(webPlugin, { config, db, publicRoutes: [publicSiteRoutes], notFoundPage });
  return app;
}
