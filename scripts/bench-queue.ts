/**
 * Enqueue-to-start latency of the render queue (target: p95 <= 50 ms, PERFORMANCE.md), on PostgreSQL
 * and on embedded PGlite, with the queue and worker options the application ships (src/documents/queue.ts, render-worker.ts).
 *
 *   npx tsx scripts/bench-queue.ts [--jobs 60] [--interval-ms 50] [--work-ms 20] [--database both|postgres|embedded]
 *
 * PostgreSQL: BENCH_DATABASE_URL or DATABASE_URL (an admin URL: a scratch database is created and
 * dropped), else postgres://postgres@127.0.0.1:5432/postgres.
 *
 * Latency is measured in this one process (one clock) from just before `send()` to the moment the
 * handler receives the job. Scenarios:
 * - polling: no NOTIFY; batch 4 with burst and the minimum 0.5 s poll (the PERFORMANCE.md baseline);
 * - notify: LISTEN/NOTIFY wakes the worker. On PostgreSQL the producer and the worker are separate
 *   pg-boss instances with their own pools, exactly as the API and `npm run worker` are;
 * - notify+wake: as the API's in-process worker runs: the producer also wakes it directly after send.
 * Arrivals: "steady" (one job every --interval-ms) and "burst" (all sent back to back, so latency also
 * includes waiting for a free worker: 2 workers x 2 jobs, each job --work-ms long).
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { JobResult } from 'pg-boss';
import {
  type JobQueue,
  type QueueDatabase,
  RENDER_QUEUE_OPTIONS,
  startJobQueue,
} from '../src/documents/queue.ts';
import { RENDER_WORK_OPTIONS } from '../src/documents/render-worker.ts';

const { values: args } = parseArgs({
  options: {
    jobs: { type: 'string', default: '60' },
    'interval-ms': { type: 'string', default: '50' },
    'work-ms': { type: 'string', default: '20' },
    database: { type: 'string', default: 'both' },
  },
});
const JOBS = Number(args.jobs);
const INTERVAL_MS = Number(args['interval-ms']);
const WORK_MS = Number(args['work-ms']);
if (!(JOBS >= 1 && INTERVAL_MS >= 0 && WORK_MS >= 0)) throw new Error('bad arguments');

const quiet = { info() {}, warn() {}, error: (obj: object, msg?: string) => console.error(msg, obj) };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Scenario {
  name: string;
  notify: boolean;
  /** Wake the in-process worker directly after each send. */
  wake: boolean;
  /** The worker runs on its own pg-boss instance (PostgreSQL: another pool, as another process would). */
  separateWorker: boolean;
  workOptions: Record<string, unknown>;
}

const POLLING_BASELINE = {
  localConcurrency: 2,
  batchSize: 4,
  burstWhenBatchFull: true,
  perJobResults: true,
  pollingIntervalSeconds: 0.5,
};

function scenarios(database: QueueDatabase['kind']): Scenario[] {
  return [
    {
      name: 'polling 0.5 s',
      notify: false,
      wake: false,
      separateWorker: database === 'postgres',
      workOptions: POLLING_BASELINE,
    },
    {
      name: 'LISTEN/NOTIFY',
      notify: true,
      wake: false,
      separateWorker: database === 'postgres',
      workOptions: RENDER_WORK_OPTIONS,
    },
    {
      name: 'NOTIFY + wake in-process',
      notify: true,
      wake: true,
      separateWorker: false,
      workOptions: RENDER_WORK_OPTIONS,
    },
  ];
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row {
  database: string;
  scenario: string;
  arrivals: string;
  n: number;
  /** How long sending all jobs took (for bursts: the enqueue side's own share of the wait). */
  sendMs: number;
  p50: number;
  p95: number;
  max: number;
}

async function measure(
  producer: JobQueue,
  consumer: JobQueue,
  scenario: Scenario,
  arrivals: 'steady' | 'burst',
  queueName: string,
): Promise<Omit<Row, 'database' | 'scenario'>> {
  const { deadLetter: _none, ...queueOptions } = RENDER_QUEUE_OPTIONS;
  await producer.boss.createQueue(queueName, { ...queueOptions, notify: scenario.notify });
  // Both instances must know the queue (its table and notify flag) before timing starts.
  await producer.boss.findJobs(queueName, { id: '00000000-0000-0000-0000-000000000000' });
  await consumer.boss.findJobs(queueName, { id: '00000000-0000-0000-0000-000000000000' });
  const sentAt = new Map<number, number>();
  const waits: number[] = [];
  const workerId = await consumer.boss.work<{ i: number }>(queueName, scenario.workOptions, async (jobs) => {
    const now = performance.now();
    for (const job of jobs) waits.push(now - sentAt.get(job.data.i)!);
    await sleep(WORK_MS);
    return jobs.map((job): JobResult => ({ id: job.id, status: 'completed' }));
  });
  // Let the worker settle into its idle loop, as a long-running one would be.
  await sleep(1_000);
  const sendStart = performance.now();
  for (let i = 0; i < JOBS; i += 1) {
    sentAt.set(i, performance.now());
    await producer.boss.send(queueName, { i });
    if (scenario.wake) producer.wakeWorkers(queueName);
    if (arrivals === 'steady') await sleep(INTERVAL_MS);
  }
  const sendMs = performance.now() - sendStart;
  const deadline = Date.now() + 120_000;
  while (waits.length < JOBS && Date.now() < deadline) await sleep(20);
  await consumer.boss.offWork(queueName, { id: workerId, wait: true });
  const sorted = waits.sort((a, b) => a - b);
  return {
    arrivals,
    n: sorted.length,
    sendMs,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted.at(-1)!,
  };
}

async function benchDatabase(database: QueueDatabase): Promise<Row[]> {
  const rows: Row[] = [];
  const shared = await startJobQueue(database, quiet, { applicationName: 'bench-api' });
  const separate =
    database.kind === 'postgres'
      ? await startJobQueue(database, quiet, { applicationName: 'bench-worker' })
      : shared;
  try {
    for (const scenario of scenarios(database.kind)) {
      for (const arrivals of ['steady', 'burst'] as const) {
        const queueName = `bench-${randomBytes(4).toString('hex')}`;
        const consumer = scenario.separateWorker ? separate : shared;
        const result = await measure(shared, consumer, scenario, arrivals, queueName);
        rows.push({ database: database.kind, scenario: scenario.name, ...result });
        console.error(`  ${database.kind} ${scenario.name} ${arrivals}: p95 ${result.p95.toFixed(1)} ms`);
      }
    }
  } finally {
    if (separate !== shared) await separate.stop(2_000);
    await shared.stop(2_000);
  }
  return rows;
}

async function withScratchPostgres<T>(work: (url: string) => Promise<T>): Promise<T> {
  const adminUrl =
    process.env.BENCH_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `boardroom_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  try {
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  console.error(
    `${JOBS} jobs per run; steady arrivals every ${INTERVAL_MS} ms; ${WORK_MS} ms of work per job`,
  );
  if (args.database === 'both' || args.database === 'postgres') {
    rows.push(...(await withScratchPostgres((url) => benchDatabase({ kind: 'postgres', url }))));
  }
  if (args.database === 'both' || args.database === 'embedded') {
    const pglite = await PGlite.create();
    try {
      rows.push(...(await benchDatabase({ kind: 'embedded', pglite })));
    } finally {
      await pglite.close();
    }
  }
  const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(10);
  console.log(`\nenqueue -> start latency (${JOBS} jobs per row, target p95 <= 50 ms for steady arrivals)`);
  console.log(
    `${'database'.padEnd(9)} ${'scenario'.padEnd(25)} ${'arrivals'.padEnd(8)} ${'n'.padStart(4)} ${'sent in'.padStart(10)} ${'p50'.padStart(10)} ${'p95'.padStart(10)} ${'max'.padStart(10)}`,
  );
  for (const r of rows) {
    console.log(
      `${r.database.padEnd(9)} ${r.scenario.padEnd(25)} ${r.arrivals.padEnd(8)} ${String(r.n).padStart(4)} ${ms(r.sendMs)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
