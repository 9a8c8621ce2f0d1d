import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateForApp } from './db/migrate.ts';
import { useEmbeddedAppRole } from './db/roles.ts';
import { installDrain } from './http/drain.ts';

/** Entry point: read config, open the database, migrate, listen, and shut down cleanly on a signal. */
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }

  const database = await openDatabase(config.database);
  // As the owner (MIGRATION_DATABASE_URL, if given), then the grants for DATABASE_URL's role.
  if (config.migrateOnStart) await migrateForApp(config.database, database.db);
  // The embedded database has one superuser session: from here on it runs as a role without rights
  // to change the frozen versions (src/db/roles.ts; docs/reliability.md says what that protects).
  if (database.kind === 'embedded') await useEmbeddedAppRole(database.db);
  const app = await buildApp({
    config,
    db: database.db,
    pglite: database.pglite,
    databaseUrl: config.database.kind === 'postgres' ? config.database.url : undefined,
  });

  // Templates compiled before the first request (a broken one stops the server here).
  app.documents.service.prepare();
  const drainer = installDrain(app);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    // If something hangs, exit anyway rather than linger half-closed.
    const force = setTimeout(() => {
      app.log.error('shutdown took too long; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    try {
      // Queued renders get their grace period while HTTP drains, not after it.
      const queueStopped = app.documents.queue?.stop().catch((err) => app.log.warn({ err }, 'queue stop'));
      // Stop accepting, let open connections finish their requests (Connection: close), then close.
      if (!(await drainer.drain({ idleGraceMs: 1_000, timeoutMs: 6_000 }))) {
        app.log.warn('connections still open after 6 s; closing them');
      }
      await queueStopped;
      await app.close(); // runs onClose hooks: the queue (already stopped), Chromium
      await database.close();
      process.exit(0);
    } catch (err) {
      app.log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { database: database.kind, docs: `http://${config.host}:${config.port}/docs` },
    'Boardroom is listening',
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
