/**
 * The job queue: pg-boss on the application's own database, so a job can be enqueued in the same
 * transaction as the rows it refers to. PostgreSQL: pg-boss gets its own small pool from DATABASE_URL
 * (plus one connection held for LISTEN). Embedded: the one PGlite instance, through `fromPglite`;
 * PGlite cannot be shared between processes, so its worker always runs inside the API process.
 *
 * Latency (see scripts/bench-queue.ts): queues are created with `notify: true` and the instance with
 * `useListenNotify`, so a committed job wakes idle workers at once (PGlite delivers NOTIFY in-process);
 * an in-process worker is also woken directly after the commit (`wakeWorkers`). Polling stays as the
 * backstop, and it is what picks up retries when their back-off delay has passed.
 */
import type { PGlite } from '@electric-sql/pglite';
import { fromPglite, PgBoss, type Queue } from 'pg-boss';

export const RENDER_QUEUE = 'render-documents';
export const RENDER_DEAD_LETTER_QUEUE = 'render-documents-dead';

/** Retries with exponential back-off (about 1, 2, 4 s, jittered), then the dead-letter queue. */
export const RENDER_QUEUE_OPTIONS = {
  retryLimit: 3,
  retryDelay: 1,
  retryBackoff: true,
  retryDelayMax: 60,
  // A batch renders at most a few dozen documents of well under a second each.
  expireInSeconds: 300,
  // A worker that dies (kill -9, power loss) stops heartbeating: its job is failed and retried.
  heartbeatSeconds: 30,
  deleteAfterSeconds: 7 * 24 * 3600,
  deadLetter: RENDER_DEAD_LETTER_QUEUE,
  notify: true,
} satisfies Omit<Queue, 'name'>;

export type QueueDatabase = { kind: 'postgres'; url: string } | { kind: 'embedded'; pglite: PGlite };

export interface QueueLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface JobQueue {
  boss: PgBoss;
  database: QueueDatabase['kind'];
  /** Wakes this process's idle workers on the queue now, instead of at their next poll or NOTIFY. */
  wakeWorkers(queue: string): void;
  /** Stops fetching, waits up to `timeoutMs` for running handlers, fails (so retries) what is left. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startJobQueue(
  database: QueueDatabase,
  log: QueueLogger,
  options: { applicationName?: string } = {},
): Promise<JobQueue> {
  const common = {
    useListenNotify: true,
    // No cron schedules here: no timekeeper polling the database for them.
    schedule: false,
    instanceName: options.applicationName ?? 'boardroom',
    // Migration 0012 creates the `pgboss` schema (the owner role does; the application's role may not
    // create schemas) and src/db/roles.ts gives it to the application's role: pg-boss fills it.
    createSchema: false,
  } as const;
  const boss =
    database.kind === 'postgres'
      ? new PgBoss({
          ...common,
          connectionString: database.url,
          max: 4,
          application_name: options.applicationName ?? 'boardroom-jobs',
        })
      : new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' });
  // Without a listener an 'error' event would crash the process; a lost database is not a crash.
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  boss.on('warning', (warning) => log.warn({ warning: warning.data }, warning.message));

  await boss.start();
  // Nothing consumes the dead letters: they wait (30 days) for someone to look and redrive them.
  await ensureQueue(boss, RENDER_DEAD_LETTER_QUEUE, {
    retryLimit: 0,
    retentionSeconds: 30 * 24 * 3600,
    deleteAfterSeconds: 30 * 24 * 3600,
  });
  await ensureQueue(boss, RENDER_QUEUE, RENDER_QUEUE_OPTIONS);
  // Loads the queue into pg-boss's cache now: a send inside an application transaction must not need
  // a second connection (PGlite has only one, held by that transaction).
  await boss.findJobs(RENDER_QUEUE, { id: '00000000-0000-0000-0000-000000000000' });

  let stopping: Promise<void> | null = null;
  return {
    boss,
    database: database.kind,
    wakeWorkers(queue) {
      for (const worker of boss.getWipData()) {
        if (worker.name === queue && worker.state === 'active') boss.notifyWorker(worker.id);
      }
    },
    // The default leaves the API's own close (Chromium, database) time within server.ts's 10 s limit.
    stop(timeoutMs = 6_000) {
      stopping ??= boss.stop({ graceful: true, timeout: timeoutMs, close: true });
      return stopping;
    },
  };
}

/** Creates the queue, or brings an existing one's options up to date. */
async function ensureQueue(boss: PgBoss, name: string, options: Omit<Queue, 'name'>): Promise<void> {
  if (!(await boss.getQueue(name))) {
    try {
      await boss.createQueue(name, options);
      return;
    } catch (err) {
      // Another process created it between the two calls: update it below.
      if (!(await boss.getQueue(name))) throw err;
    }
  }
  const { deadLetter, ...rest } = options;
  await boss.updateQueue(name, { ...rest, ...(deadLetter ? { deadLetter } : {}) });
}
