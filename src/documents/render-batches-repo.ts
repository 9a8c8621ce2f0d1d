/** Render batches and the progress of each of their documents: SQL only. */
import { sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { RenderBatchDocumentState, RenderBatchState, RenderedDocumentKind } from '../db/schema.ts';

export async function insertBatch(
  db: Database,
  batch: {
    id: string;
    kind: RenderedDocumentKind;
    requestedBy: string | null;
    subjectIds: readonly string[];
  },
): Promise<void> {
  await db
    .insertInto('render_batches')
    .values({ id: batch.id, kind: batch.kind, requested_by: batch.requestedBy })
    .execute();
  await db
    .insertInto('render_batch_documents')
    .values(
      batch.subjectIds.map((subjectId, position) => ({
        batch_id: batch.id,
        position,
        subject_id: subjectId,
      })),
    )
    .execute();
}

export function findBatch(db: Database, id: string) {
  return db.selectFrom('render_batches').selectAll().where('id', '=', id).executeTakeFirst();
}
export type BatchRow = NonNullable<Awaited<ReturnType<typeof findBatch>>>;

export function listBatchDocuments(db: Database, batchId: string) {
  return db
    .selectFrom('render_batch_documents')
    .selectAll()
    .where('batch_id', '=', batchId)
    .orderBy('position')
    .execute();
}
export type BatchDocumentRow = Awaited<ReturnType<typeof listBatchDocuments>>[number];

/** A new attempt begins: counted, and documents left mid-render by a crashed attempt are redone. */
export async function startAttempt(db: Database, id: string): Promise<void> {
  await db
    .updateTable('render_batches')
    .set({
      state: 'active',
      attempts: sql`attempts + 1`,
      started_at: sql`coalesce(started_at, now())`,
    })
    .where('id', '=', id)
    .execute();
}

export async function finishBatch(
  db: Database,
  id: string,
  state: Extract<RenderBatchState, 'completed' | 'failed' | 'retry'>,
  error: string | null,
): Promise<void> {
  await db
    .updateTable('render_batches')
    .set({ state, last_error: error, finished_at: state === 'retry' ? null : new Date() })
    .where('id', '=', id)
    .execute();
}

export async function setDocumentState(
  db: Database,
  batchId: string,
  position: number,
  change: { state: RenderBatchDocumentState; documentId?: string; sha256?: string; error?: string | null },
): Promise<void> {
  await db
    .updateTable('render_batch_documents')
    .set({
      state: change.state,
      ...(change.documentId !== undefined ? { document_id: change.documentId } : {}),
      ...(change.sha256 !== undefined ? { sha256: change.sha256 } : {}),
      ...(change.error !== undefined ? { error: change.error } : {}),
      updated_at: new Date(),
    })
    .where('batch_id', '=', batchId)
    .where('position', '=', position)
    .execute();
}
