/** Why this file exists: the tables of rendered documents and render batches (migrations/0005_documents.ts). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, Timestamp } from './columns.ts';

// --- Documents (migrations/0005_documents.ts) ---
export type RenderedDocumentKind = 'notes' | 'agenda' | 'action-log';
export type RenderBatchState = 'created' | 'active' | 'retry' | 'completed' | 'failed' | 'cancelled';
export type RenderBatchDocumentState = 'pending' | 'rendering' | 'completed' | 'retrying' | 'failed';

export interface RenderedDocumentsTable {
  id: Generated<string>;
  kind: RenderedDocumentKind;
  subject_id: string;
  input_hash: string;
  pdf: Buffer | Uint8Array;
  sha256: string;
  size_bytes: number;
  filename: string;
  created_at: CreatedAt;
}

export interface RenderBatchesTable {
  id: string;
  kind: RenderedDocumentKind;
  requested_by: string | null;
  state: ColumnType<RenderBatchState, RenderBatchState | undefined, RenderBatchState>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface RenderBatchDocumentsTable {
  batch_id: string;
  position: number;
  subject_id: string;
  state: ColumnType<RenderBatchDocumentState, RenderBatchDocumentState | undefined, RenderBatchDocumentState>;
  document_id: string | null;
  sha256: string | null;
  error: string | null;
  updated_at: Timestamp;
}
// --- end documents ---
