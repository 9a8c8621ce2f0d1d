import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RENDER_DEAD_LETTER_QUEUE, RENDER_QUEUE } from '../../src/documents/queue.ts';
import { insertBatch } from '../../src/documents/render-batches-repo.ts';
import type { RenderJob } from '../../src/documents/schemas.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { expectProblem } from '../helpers/app.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from './fixtures.ts';
import { createDocumentsTestApp, type DocumentsTestApp, liveProcessGroup, waitFor } from './harness.ts';

describe('background render jobs', () => {
  let t: DocumentsTestApp;
  let ref: ReferenceMeeting;
  let secretariat: string;
  beforeAll(async () => {
    t = await createDocumentsTestApp();
    ref = await insertReferenceMeeting(t.database.db, todayInLondon());
    secretariat = await t.user({ roles: ['secretariat'], boards: [ref.boardId] });
  });
  afterAll(() => t?.close());

  /** `as: null` posts anonymously. */
  const post = (
    payload: Record<string, unknown>,
    as: string | null = secretariat,
    headers: Record<string, string> = {},
  ) => t.request({ method: 'POST', url: '/api/v1/render-jobs', payload, headers, ...(as ? { as } : {}) });
  const status = async (jobId: string, as = secretariat) => {
    const res = await t.request({ method: 'GET', url: `/api/v1/render-jobs/${jobId}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RenderJob;
  };
  const settled = (jobId: string, state: RenderJob['state'] = 'completed') =>
    waitFor(`render job ${state}`, async () => {
      const job = await status(jobId);
      return job.state === state ? job : null;
    });
  const jobStates = async () =>
    (
      await sql<{ state: string }>`select state from pgboss.job where name = ${RENDER_QUEUE}`.execute(
        t.database.db,
      )
    ).rows.map((r) => r.state);

  it('renders a batch of two meetings, recording progress per document as it goes', async () => {
    const snapshots: Promise<string[]>[] = [];
    const off = t.documents.pool.onRenderStart(() => {
      snapshots.push(
        t.database.db
          .selectFrom('render_batch_documents')
          .select('state')
          .execute()
          .then((rows) => rows.map((r) => r.state)),
      );
    });
    const res = await post({ kind: 'notes', ids: [ref.meetingId, ref.nextMeetingId] });
    expect(res.statusCode, res.body).toBe(202);
    const { jobId } = res.json() as { jobId: string };
    expect(res.headers.location).toBe(`/api/v1/render-jobs/${jobId}`);

    const job = await settled(jobId);
    off();
    expect(job).toMatchObject({ kind: 'notes', attempts: 1 });
    expect(job.progress).toEqual([
      {
        id: ref.meetingId,
        state: 'completed',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        href: `/api/v1/meetings/${ref.meetingId}/notes.pdf`,
      },
      {
        id: ref.nextMeetingId,
        state: 'completed',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        href: `/api/v1/meetings/${ref.nextMeetingId}/notes.pdf`,
      },
    ]);
    // While rendering, the batch showed a document in progress.
    expect((await Promise.all(snapshots)).some((states) => states.includes('rendering'))).toBe(true);

    // What the worker stored is what the API serves, without rendering again.
    const renders = t.documents.pool.stats().renders;
    const pdf = await t.request({ method: 'GET', url: job.progress[1]!.href, as: secretariat });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers.etag).toBe(`"${job.progress[1]!.sha256}"`);
    expect(t.documents.pool.stats().renders).toBe(renders);
  });

  it('retries a batch whose Chromium was killed mid-render, and completes it', async () => {
    let killed = 0;
    const off = t.documents.pool.onRenderStart(() => {
      const pid = t.documents.pool.browserPid();
      if (killed === 0 && pid !== null) {
        killed = pid;
        process.kill(pid, 'SIGKILL');
      }
    });
    const crashes = t.documents.pool.stats().browserCrashes;
    const res = await post({ kind: 'agenda', ids: [ref.meetingId, ref.nextMeetingId] });
    expect(res.statusCode, res.body).toBe(202);
    const job = await settled((res.json() as { jobId: string }).jobId);
    off();
    expect(killed).toBeGreaterThan(0);
    expect(liveProcessGroup(killed)).toEqual([]);
    expect(t.documents.pool.stats().browserCrashes).toBeGreaterThan(crashes);
    expect(job.attempts).toBeGreaterThanOrEqual(2);
    expect(job.progress.map((p) => p.state)).toEqual(['completed', 'completed']);
    expect(await jobStates()).not.toContain('active');
  });

  it('dead-letters a batch that fails its last attempt, recording why', async () => {
    const off = t.documents.pool.onRenderStart(() => {
      const pid = t.documents.pool.browserPid();
      if (pid !== null) process.kill(pid, 'SIGKILL');
    });
    const queue = t.documents.queue!;
    const jobId = randomUUID();
    await insertBatch(t.database.db, {
      id: jobId,
      kind: 'action-log',
      requestedBy: null,
      subjectIds: [ref.boardId],
    });
    await queue.boss.send(
      RENDER_QUEUE,
      { batchId: jobId, kind: 'action-log', ids: [ref.boardId] },
      { id: jobId, retryLimit: 0 },
    );
    queue.wakeWorkers(RENDER_QUEUE);
    const job = await settled(jobId, 'failed');
    off();
    expect(job.progress).toEqual([
      expect.objectContaining({ state: 'failed', error: expect.stringMatching(/Chromium/) }),
    ]);
    const dead = await queue.boss.findJobs<{ batchId: string }>(RENDER_DEAD_LETTER_QUEUE, {
      data: { batchId: jobId },
    });
    expect(dead).toHaveLength(1);
    expect(await jobStates()).not.toContain('active');
  });

  it('is for the secretariat of the boards concerned: others get 401, 403 or 404', async () => {
    const member = await t.user({ roles: ['member'] });
    const otherBoard = await t.database.db
      .insertInto('boards')
      .values({ name: 'Another board', code: 'OTH' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const otherSecretariat = await t.user({ roles: ['secretariat'], boards: [otherBoard.id] });
    const body = { kind: 'agenda', ids: [ref.meetingId] };
    expectProblem(await post(body, null), 401);
    expectProblem(await post(body, member), 403);
    expectProblem(await post(body, otherSecretariat), 403);
    expectProblem(await post({ kind: 'agenda', ids: [randomUUID()] }), 404);
    expectProblem(await post({ kind: 'action-log', ids: [ref.meetingId] }), 404);
    expectProblem(await post({ kind: 'minutes', ids: [ref.meetingId] }), 400);
    expectProblem(await post({ kind: 'agenda', ids: [] }), 400);
    expectProblem(await post({ ...body, priority: 1 }), 400);

    const first = await post(body, secretariat, { 'idempotency-key': 'render-once' });
    const replay = await post(body, secretariat, { 'idempotency-key': 'render-once' });
    expect(replay.statusCode).toBe(202);
    expect(replay.json()).toEqual(first.json());
    const { jobId } = first.json() as { jobId: string };
    await settled(jobId);
    expectProblem(await t.request({ method: 'GET', url: `/api/v1/render-jobs/${jobId}`, as: member }), 403);
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/render-jobs/${jobId}`, as: otherSecretariat }),
      404,
    );
    expectProblem(
      await t.request({ method: 'GET', url: `/api/v1/render-jobs/${randomUUID()}`, as: secretariat }),
      404,
    );
  });

  it('on shutdown stops taking jobs, lets the running batch finish and leaves no Chromium behind', async () => {
    await t.database.db
      .updateTable('meetings')
      .set({ summary: 'Changed again.' })
      .where('id', '=', ref.meetingId)
      .execute();
    let started!: () => void;
    const renderStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const off = t.documents.pool.onRenderStart(() => started());
    const res = await post({ kind: 'notes', ids: [ref.meetingId] });
    const { jobId } = res.json() as { jobId: string };
    await renderStarted;
    off();
    const browser = t.documents.pool.browserPid()!;
    await t.closeApp();
    const { rows } = await sql<{ state: string }>`select state from pgboss.job where id = ${jobId}`.execute(
      t.database.db,
    );
    expect(rows[0]?.state).toBe('completed');
    expect(await jobStates()).not.toContain('active');
    expect(liveProcessGroup(browser)).toEqual([]);
  });
});
