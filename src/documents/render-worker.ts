/**
 * The render worker: takes batches off the `render-documents` queue and makes sure each document of
 * the batch is rendered and stored, writing progress per document as it goes.
 *
 * Failures: a document whose meeting or board no longer exists fails on its own (retrying will not
 * bring it back) and the batch carries on. Anything else (Chromium crashed or timed out, the database
 * went away) fails the attempt after the rest of the batch has been tried; pg-boss retries it with
 * back-off, and the retry skips what is already done. After the last attempt the job goes to the
 * dead-letter queue. On shutdown, documents not yet started are left for the retry.
 */
import type { JobResult, JobWithMetadata } from 'pg-boss';
import { AppError } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import type { RenderedDocumentKind } from '../db/schema.ts';
import { type JobQueue, type QueueLogger, RENDER_QUEUE } from './queue.ts';
import * as repo from './render-batches-repo.ts';
import type { DocumentService } from './service.ts';

export interface RenderJobData {
  batchId: string;
  kind: RenderedDocumentKind;
  ids: string[];
}

/**
 * Two workers, each fetching up to two jobs and fetching again at once while batches come back full
 * (burst): a backlog drains without waiting out a polling interval per job. Polling is only the
 * backstop behind NOTIFY, and what picks up retries whose back-off has passed.
 */
export const RENDER_WORK_OPTIONS = {
  localConcurrency: 2,
  batchSize: 2,
  burstWhenBatchFull: true,
  perJobResults: true,
  includeMetadata: true,
  pollingIntervalSeconds: 0.5,
  notifyPollingIntervalSeconds: 2,
} as const;

export interface RenderWorkerDeps {
  queue: JobQueue;
  db: Database;
  documents: DocumentService;
  log: QueueLogger;
  /** Documents of one batch rendered at once. */
  documentConcurrency?: number;
}

export interface RenderWorker {
  id: string;
}

export async function startRenderWorker(deps: RenderWorkerDeps): Promise<RenderWorker> {
  const id = await deps.queue.boss.work<RenderJobData, unknown, typeof RENDER_WORK_OPTIONS>(
    RENDER_QUEUE,
    RENDER_WORK_OPTIONS,
    (jobs) => Promise.all(jobs.map((job) => runJob(job, deps))),
  );
  return { id };
}

const NOT_FOUND: Record<RenderedDocumentKind, string> = {
  notes: 'No such meeting.',
  agenda: 'No such meeting.',
  'action-log': 'No such board.',
};

async function runJob(job: JobWithMetadata<RenderJobData>, deps: RenderWorkerDeps): Promise<JobResult> {
  try {
    return await runBatch(job, deps);
  } catch (err) {
    deps.log.error({ err, jobId: job.id }, 'render batch failed');
    return { id: job.id, status: 'failed', output: { message: messageOf(err) } };
  }
}

async function runBatch(job: JobWithMetadata<RenderJobData>, deps: RenderWorkerDeps): Promise<JobResult> {
  const { db, documents, log } = deps;
  const { batchId, kind } = job.data;
  const lastAttempt = job.retryCount >= job.retryLimit;
  if (!(await repo.findBatch(db, batchId))) {
    return { id: job.id, status: 'completed', output: { skipped: 'no such batch' } };
  }
  await repo.startAttempt(db, batchId);
  const todo = (await repo.listBatchDocuments(db, batchId)).filter(
    (doc) => doc.state !== 'completed' && doc.state !== 'failed',
  );

  let attemptError: unknown = null;
  await forEachLimit(todo, deps.documentConcurrency ?? 2, async (doc) => {
    if (job.signal.aborted) {
      // Shutting down: leave the rest to the retry rather than hold the process open.
      attemptError ??= new Error('The worker stopped before this document was rendered.');
      return;
    }
    await repo.setDocumentState(db, batchId, doc.position, { state: 'rendering', error: null });
    try {
      const input = await documents.load(kind, doc.subject_id);
      if (!input) {
        await repo.setDocumentState(db, batchId, doc.position, { state: 'failed', error: NOT_FOUND[kind] });
        return;
      }
      const stored = await documents.ensureStored(input, doc.subject_id);
      await repo.setDocumentState(db, batchId, doc.position, {
        state: 'completed',
        documentId: stored.id,
        sha256: stored.sha256,
        error: null,
      });
    } catch (err) {
      const permanent = err instanceof AppError && err.status < 500;
      if (!permanent) attemptError ??= err;
      log.warn(
        { err, jobId: job.id, subjectId: doc.subject_id, attempt: job.retryCount + 1 },
        'document render failed',
      );
      await repo
        .setDocumentState(db, batchId, doc.position, {
          state: permanent || lastAttempt ? 'failed' : 'retrying',
          error: messageOf(err),
        })
        .catch((writeErr: unknown) => log.error({ err: writeErr }, 'could not record render progress'));
    }
  });

  if (attemptError !== null) {
    const message = messageOf(attemptError);
    await repo.finishBatch(db, batchId, lastAttempt ? 'failed' : 'retry', message);
    return { id: job.id, status: 'failed', output: { message } };
  }
  await repo.finishBatch(db, batchId, 'completed', null);
  return { id: job.id, status: 'completed', output: { documents: todo.length } };
}

function messageOf(err: unknown): string {
  const message = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return message.slice(0, 500);
}

async function forEachLimit<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await work(item);
    }
  });
  await Promise.all(lanes);
}
