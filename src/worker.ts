/**
 * The render worker process (`npm run worker`): takes batches off the `render-documents` queue and
 * renders them with its own Chromium, so big batches never compete with the API's interactive renders.
 *
 * PostgreSQL only (DATABASE_URL): the embedded database belongs to the one process that opened it,
 * so on PGlite the API process runs the worker itself (see src/documents/runtime.ts).
 *
 * Shutdown (SIGTERM/SIGINT): stop fetching, give running batches a grace period to finish, fail what
 * is still running back to the queue (a retry picks it up), then close Chromium and the database.
 */
import pino from 'pino';
import {
  createDocumentService,
  createDocumentsPool,
  startJobQueue,
  startRenderWorker,
} from './documents/index.ts';
import { loadConfigOrExit, onShutdownSignal, openProcessDatabase, runMain } from './startup.ts';

const SHUTDOWN_GRACE_MS = 8_000;

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  const log = pino({ level: config.logLevel, name: 'render-worker' });
  if (config.database.kind !== 'postgres') {
    log.error(
      {},
      'The render worker needs DATABASE_URL (PostgreSQL). On the embedded database the API process runs render jobs itself.',
    );
    process.exit(1);
  }

  // The API process migrates; the worker only uses the schema.
  const database = await openProcessDatabase(config, { migrate: false, log });
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

  onShutdownSignal({
    log,
    message: 'render worker stopping',
    forceExitMs: SHUTDOWN_GRACE_MS + 5_000,
    stop: async () => {
      await queue.stop(SHUTDOWN_GRACE_MS);
      await pool.close();
      await database.close();
      log.info({}, 'render worker stopped');
    },
  });
}

runMain(main);
