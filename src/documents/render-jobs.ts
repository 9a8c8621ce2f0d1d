/**
 * Background render batches: the secretariat asks for many documents at once (say every agenda of
 * the quarter); a worker renders them into storage, so later requests are served without rendering.
 */
import { randomUUID } from 'node:crypto';
import { fromKysely } from 'pg-boss';
import { canAdministerBoard } from '../access/index.ts';
import type { ServiceContext } from '../context.ts';
import { Forbidden, NotFound, ServiceUnavailable } from '../core/errors.ts';
import { isAdmin, requireRole } from '../core/principal.ts';
import { recordAudit } from '../db/audit-log.ts';
import type { RenderedDocumentKind } from '../db/schema.ts';
import { type JobQueue, RENDER_QUEUE } from './queue.ts';
import * as batches from './render-batches-repo.ts';
import type { RenderJobData } from './render-worker.ts';
import * as repo from './repo.ts';
import type { RenderJob, RenderJobBody } from './schemas.ts';

const SUBJECT: Record<RenderedDocumentKind, string> = {
  notes: 'meeting',
  agenda: 'meeting',
  'action-log': 'board',
};

async function subjectBoards(ctx: ServiceContext, kind: RenderedDocumentKind, ids: readonly string[]) {
  const rows =
    kind === 'action-log' ? await repo.existingBoards(ctx.db, ids) : await repo.meetingBoards(ctx.db, ids);
  return new Map(rows.map((row) => [row.id, row.board_id]));
}

export function documentHref(kind: RenderedDocumentKind, id: string): string {
  return kind === 'action-log' ? `/api/v1/boards/${id}/action-log.pdf` : `/api/v1/meetings/${id}/${kind}.pdf`;
}

/** Secretariat (of every board concerned) and admins; the batch and its job commit together. */
export async function createRenderJob(
  ctx: ServiceContext,
  queue: JobQueue | null,
  body: RenderJobBody,
): Promise<{ jobId: string }> {
  const user = requireRole(ctx.actor, 'admin', 'secretariat');
  if (!queue) throw new ServiceUnavailable('The render queue is not running.');
  const ids = [...new Set(body.ids)];
  const boards = await subjectBoards(ctx, body.kind, ids);
  const missing = ids.find((id) => !boards.has(id));
  if (missing) throw new NotFound(`${SUBJECT[body.kind]} ${missing}`);
  if (![...boards.values()].every((boardId) => canAdministerBoard(user, boardId))) throw new Forbidden();

  const jobId = randomUUID();
  const data: RenderJobData = { batchId: jobId, kind: body.kind, ids };
  await ctx.db.transaction().execute(async (trx) => {
    await batches.insertBatch(trx, { id: jobId, kind: body.kind, requestedBy: user.userId, subjectIds: ids });
    await recordAudit(trx, {
      actorUserId: user.userId,
      action: 'render_job.create',
      entityType: 'render_job',
      entityId: jobId,
      after: { kind: body.kind, ids },
      requestId: ctx.requestId,
    });
    // In the same transaction: a rollback leaves no job, a commit never loses one.
    await queue.boss.send(RENDER_QUEUE, data, { id: jobId, db: fromKysely(trx) });
  });
  // After the commit, so the worker finds the job when it looks.
  queue.wakeWorkers(RENDER_QUEUE);
  return { jobId };
}

export async function getRenderJob(
  ctx: ServiceContext,
  queue: JobQueue | null,
  id: string,
): Promise<RenderJob> {
  const user = requireRole(ctx.actor, 'admin', 'secretariat');
  const batch = await batches.findBatch(ctx.db, id);
  if (!batch) throw new NotFound('render job');
  const documents = await batches.listBatchDocuments(ctx.db, id);
  if (!isAdmin(user) && batch.requested_by !== user.userId) {
    const boards = await subjectBoards(
      ctx,
      batch.kind,
      documents.map((d) => d.subject_id),
    );
    // Someone else's batch: visible to the secretariat of every board it touches, else "no such job".
    if (![...boards.values()].every((boardId) => canAdministerBoard(user, boardId)))
      throw new NotFound('render job');
  }
  // pg-boss holds the live state (it also fails jobs whose worker died); the batch row outlives the job.
  const [job] = queue ? await queue.boss.findJobs(RENDER_QUEUE, { id }) : [];
  return {
    id: batch.id,
    kind: batch.kind,
    state: job?.state ?? batch.state,
    attempts: batch.attempts,
    ...(batch.last_error ? { error: batch.last_error } : {}),
    createdAt: batch.created_at,
    startedAt: batch.started_at,
    finishedAt: batch.finished_at,
    progress: documents.map((doc) => ({
      id: doc.subject_id,
      state: doc.state,
      ...(doc.sha256 ? { sha256: doc.sha256 } : {}),
      ...(doc.error ? { error: doc.error } : {}),
      href: documentHref(batch.kind, doc.subject_id),
    })),
  };
}
