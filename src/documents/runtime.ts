/**
 * What the documents module runs inside the API process: the browser pool (launched on first use),
 * the document service, the job queue (when the app was given its database connection details) and,
 * where it belongs here, the render worker.
 *
 * Where render jobs run:
 * - embedded database (PGlite): always in the API process, since no other process can open it;
 * - PostgreSQL: by `npm run worker` (src/worker.ts), with its own Chromium, unless RENDER_WORKER=in-process.
 * Interactive requests never go through the queue: they render directly on the API's pool.
 */
import type { PGlite } from '@electric-sql/pglite';
import type { Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { createLazyBrowserPool, type ObservedBrowserPool, resolveChromiumExecutable } from './browser.ts';
import { type JobQueue, type QueueLogger, startJobQueue } from './queue.ts';
import { type RenderWorker, startRenderWorker } from './render-worker.ts';
import { createDocumentService, type DocumentService } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    documents: DocumentsRuntime;
  }
}

export interface DocumentsRuntime {
  service: DocumentService;
  pool: ObservedBrowserPool;
  /** Null when the app was built without queue connection details (e.g. most tests). */
  queue: JobQueue | null;
  /** The in-process render worker, when this process runs one. */
  worker: RenderWorker | null;
  /** Stop taking jobs, let running ones finish (or fail them back to the queue), close Chromium. */
  close(): Promise<void>;
}

export interface DocumentsOptions {
  config: Config;
  db: Database;
  log: QueueLogger;
  /** The embedded database instance, when the app runs on PGlite. */
  pglite?: PGlite | undefined;
  /** The PostgreSQL URL, when the app runs on PostgreSQL: the queue opens its own small pool. */
  databaseUrl?: string | undefined;
}

export function createDocumentsPool(config: Config): ObservedBrowserPool {
  return createLazyBrowserPool({
    executablePath: resolveChromiumExecutable(config.render.chromiumPath),
    poolSize: config.render.poolSize,
    renderTimeoutMs: config.render.timeoutMs,
  });
}

export async function startDocuments(options: DocumentsOptions): Promise<DocumentsRuntime> {
  const { config, db, log } = options;
  const pool = createDocumentsPool(config);
  const service = createDocumentService({
    db,
    pool,
    protectiveMarking: config.render.protectiveMarking,
    log,
  });

  let queue: JobQueue | null = null;
  let worker: RenderWorker | null = null;
  try {
    if (options.pglite) {
      queue = await startJobQueue({ kind: 'embedded', pglite: options.pglite }, log);
      if (config.render.worker === 'external') {
        log.warn(
          {},
          'RENDER_WORKER=external is ignored on the embedded database: render jobs run in-process',
        );
      }
      worker = await startRenderWorker({ queue, db, documents: service, log });
    } else if (options.databaseUrl) {
      queue = await startJobQueue({ kind: 'postgres', url: options.databaseUrl }, log, {
        applicationName: 'boardroom-api',
      });
      if (config.render.worker === 'in-process')
        worker = await startRenderWorker({ queue, db, documents: service, log });
      else log.info({}, 'render jobs are run by a separate worker process (npm run worker)');
    }
  } catch (err) {
    await queue?.stop(1_000).catch(() => {});
    await pool.close();
    throw err;
  }

  let closing: Promise<void> | null = null;
  return {
    service,
    pool,
    queue,
    worker,
    close() {
      closing ??= (async () => {
        try {
          await queue?.stop();
        } finally {
          // After the queue: a graceful stop waits for running renders, which need the pool.
          await pool.close();
        }
      })();
      return closing;
    },
  };
}
