/**
 * Why this exists: the two processes (src/server.ts, the API; src/worker.ts, the render worker) start
 * and stop the same way: read the configuration or say what is wrong with it, open the database, and
 * on SIGTERM/SIGINT stop once, exiting anyway if stopping hangs. That shared part lives here; each
 * entry point keeps only what is its own (listening and draining; taking batches off the queue).
 */
import type { Logger } from 'pino';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { type DatabaseHandle, openDatabase } from './db/database.ts';
import { migrateForApp } from './db/migrate.ts';
import { useEmbeddedAppRole } from './db/roles.ts';

/** What start-up and shutdown log through: pino, or Fastify's pino-based app.log. */
export interface ProcessLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

/** Runs a process's main(); a failure it does not handle is printed and the process exits 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

/** The configuration from the environment; if it is wrong, says why on stderr and exits 1. */
export function loadConfigOrExit(): Config {
  try {
    return loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}

/**
 * Opens the configured database. With `migrate` (the API process, when MIGRATE_ON_START allows):
 * migrates as the owner (MIGRATION_DATABASE_URL, if given), then grants DATABASE_URL's role; on the
 * embedded database, whose one session is a superuser, it then runs as a role without rights to
 * change the frozen versions (src/db/roles.ts; docs/reliability.md says what that protects).
 */
export async function openProcessDatabase(
  config: Config,
  options: { migrate: boolean; log?: Logger },
): Promise<DatabaseHandle> {
  const database = await openDatabase(config.database, options.log);
  if (options.migrate && config.migrateOnStart) await migrateForApp(config.database, database.db);
  if (options.migrate && database.kind === 'embedded') await useEmbeddedAppRole(database.db);
  return database;
}

/**
 * On the first SIGTERM or SIGINT, runs `stop` (later signals are ignored) and exits 0 when it is done,
 * 1 if it throws or has not finished after `forceExitMs`: a hang must not leave the process half-closed.
 */
export function onShutdownSignal(options: {
  log: ProcessLog;
  /** Logged with the signal when stopping starts. */
  message: string;
  forceExitMs: number;
  stop: () => Promise<void>;
}): void {
  const { log, message, forceExitMs, stop } = options;
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, message);
    const force = setTimeout(() => {
      log.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, forceExitMs);
    force.unref();
    try {
      await stop();
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
