/**
 * Starting the API process: read config, open the database, migrate, listen, and shut down cleanly on
 * a signal. Its own file so that `src/server.ts` (production) and `scripts/demo.ts` (the demo, which
 * then says where to go) start the server the same way.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.ts';
import type { Config } from './config.ts';
import { installDrain } from './http/drain.ts';
import { loadConfigOrExit, onShutdownSignal, openProcessDatabase } from './startup.ts';

export async function startServer(): Promise<{ app: FastifyInstance; config: Config }> {
  const config = loadConfigOrExit();
  const database = await openProcessDatabase(config, { migrate: true });
  const app = await buildApp({
    config,
    db: database.db,
    pglite: database.pglite,
    databaseUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
  });

  // Templates compiled before the first request (a broken one stops the server here).
  app.documents.service.prepare();
  const drainer = installDrain(app);
  onShutdownSignal({
    log: app.log,
    message: 'shutting down',
    forceExitMs: 10_000,
    stop: async () => {
      // Queued renders get their grace period while HTTP drains, not after it.
      const queueStopped = app.documents.queue?.stop().catch((err) => app.log.warn({ err }, 'queue stop'));
      // Stop accepting, let open connections finish their requests (Connection: close), then close.
      if (!(await drainer.drain({ idleGraceMs: 1_000, timeoutMs: 6_000 }))) {
        app.log.warn('connections still open after 6 s; closing them');
      }
      await queueStopped;
      await app.close(); // runs onClose hooks: the queue (already stopped), Chromium
      await database.close();
    },
  });

  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { database: database.kind, docs: `http://${config.host}:${config.port}/docs` },
    'Boardroom is listening',
  );
  return { app, config };
}
