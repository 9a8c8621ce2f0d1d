/**
 * The render worker process (`npm run worker`): takes batches off the `render-documents` queue and
 * renders them with its own Chromium, so big batches never compete with the API's interactive renders.
 *
 * PostgreSQL only (DATABASE_URL): the embedded database belongs to the one process that opened it,
 * so on PGlite the API process runs the worker itself (see src/modules/documents/runtime.ts).
 *
 * Shutdown (SIGTERM/SIGINT): stop fetching, give running batches a grace period to finish, fail what
 * is still running back to the queue (a retry picks it up), then close Chromium and the database.
 */
import pino from 'pino';
import { ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import {
  createDocumentService,
  createDocumentsPool,
  startJobQueue,
  startRenderWorker,
} from './documents/index.ts';

const SHUTDOWN_GRACE_MS = 8_000;

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
  const log = pino({ level: config.logLevel, name: 'render-worker' });
  if (config.database.kind !== 'postgres') {
    log.error(
      {},
      'The render worker needs DATABASE_URL (PostgreSQL). On the embedded database the API process runs render jobs itself.',
    );
    process.exit(1);
  }

  const database = await openDatabase(config.database, log);
  const pool = createDocumentsPool(config);
  const documents = createDocumentService({
    db: database.db,
    pool,
    protectiveMarking: config.render.protectiveMarking,
    log,
  });
  documents.prepare();
  const queue = await startJobQueue(config.database, log, { applicationName: 'boardroom-worker' });
  const worker = await startRenderWorker({ queue, db: database.db, documents, log });
  log.info({ worker: worker.id, pid: process.pid }, 'render worker started');

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log.info({ signal }, 'render worker stopping');
    const force = setTimeout(() => {
      log.error({}, 'shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS + 5_000);
    force.unref();
    try {
      await queue.stop(SHUTDOWN_GRACE_MS);
      await pool.close();
      await database.close();
      log.info({}, 'render worker stopped');
      process.exit(0);
    } catch (err) {
      log.error({ err }, 'error during shutdown');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
