/**
 * `npm run worker` as a real separate process on PostgreSQL: the API only enqueues (RENDER_WORKER=
 * external), the worker is woken by LISTEN/NOTIFY, renders with its own Chromium and, on SIGTERM,
 * stops cleanly without leaving Chromium behind. (PGlite cannot be shared between processes.)
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RenderJob } from '../../src/documents/schemas.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { TEST_JWT_SECRET } from '../helpers/app.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from './fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp, liveProcessGroup, waitFor } from './harness.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

/** Process groups of the Chromium processes a process started (the browser leads its group). */
function chromiumGroupsUnder(rootPid: number): number[] {
  const table = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .flatMap((name) => {
      try {
        const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
        const close = stat.lastIndexOf(')');
        const [, ppid, pgrp] = stat.slice(close + 2).split(' ');
        return [
          {
            pid: Number(name),
            ppid: Number(ppid),
            pgrp: Number(pgrp),
            comm: stat.slice(stat.indexOf('(') + 1, close),
          },
        ];
      } catch {
        return [];
      }
    });
  const ours = new Set([rootPid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of table) {
      if (!ours.has(p.pid) && ours.has(p.ppid)) {
        ours.add(p.pid);
        grew = true;
      }
    }
  }
  return [...new Set(table.filter((p) => ours.has(p.pid) && p.comm.startsWith('chrom')).map((p) => p.pgrp))];
}

describe.skipIf(inject('testDb').mode !== 'postgres')('the render worker process', () => {
  let t: DocumentsTestApp;
  let ref: ReferenceMeeting;
  let worker: ChildProcess | null = null;
  let output = '';
  beforeAll(async () => {
    t = await createDocumentsTestApp({ RENDER_WORKER: 'external' });
    ref = await insertReferenceMeeting(t.database.db, todayInLondon());
  });
  afterAll(async () => {
    if (worker && worker.exitCode === null) worker.kill('SIGKILL');
    await t?.close();
  });

  it('renders queued batches with its own Chromium and stops cleanly on SIGTERM', async () => {
    expect(t.documents.worker).toBeNull();
    worker = spawn(process.execPath, ['--import', 'tsx', 'src/worker.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        DATABASE_URL: t.database.url,
        LOG_LEVEL: 'info',
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'boardroom-worker-')),
        RENDER_POOL_SIZE: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => worker!.once('exit', (code) => resolve(code)));
    worker.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    worker.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    await waitFor('the worker to start', async () => output.includes('render worker started'), 30_000);

    const secretariat = await t.user({ roles: ['secretariat'], boards: [ref.boardId] });
    const res = await t.request({
      method: 'POST',
      url: '/api/v1/render-jobs',
      payload: { kind: 'agenda', ids: [ref.meetingId, ref.nextMeetingId] },
      as: secretariat,
    });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    const job = await waitFor(
      'the worker to complete the batch',
      async () => {
        const status = (
          await t.request({ method: 'GET', url: `/api/v1/render-jobs/${jobId}`, as: secretariat })
        ).json() as RenderJob;
        return status.state === 'completed' ? status : null;
      },
      30_000,
    );
    expect(job.progress.map((p) => p.state)).toEqual(['completed', 'completed']);
    // Rendered by the worker's Chromium; the API's was never started.
    expect(t.documents.pool.stats().renders).toBe(0);
    const groups = chromiumGroupsUnder(worker.pid!);
    expect(groups.length).toBeGreaterThan(0);

    worker.kill('SIGTERM');
    expect(await exited, output).toBe(0);
    expect(output).toContain('render worker stopped');
    // Zombies may wait a moment for init; live processes must be gone.
    await waitFor(
      'Chromium to exit',
      async () => groups.every((g) => liveProcessGroup(g).length === 0),
      5_000,
    );
  });
});
