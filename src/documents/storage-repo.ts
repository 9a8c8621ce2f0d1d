/** Rendered PDFs, one row per distinct input (see input-hash.ts). Rows are written once, never changed. */
import type { Database } from '../db/database.ts';
import type { RenderedDocumentKind } from '../db/schema.ts';

const META = ['id', 'kind', 'subject_id', 'sha256', 'size_bytes', 'filename', 'created_at'] as const;

export function findStoredMeta(db: Database, inputHash: string) {
  return db
    .selectFrom('rendered_documents')
    .select(META)
    .where('input_hash', '=', inputHash)
    .executeTakeFirst();
}
export type StoredMetaRow = NonNullable<Awaited<ReturnType<typeof findStoredMeta>>>;

export function findStoredPdf(db: Database, inputHash: string) {
  return db
    .selectFrom('rendered_documents')
    .select([...META, 'pdf'])
    .where('input_hash', '=', inputHash)
    .executeTakeFirst();
}

/** Inserts unless another request or process stored the same input first; returns the stored row either way. */
export async function storeDocument(
  db: Database,
  row: {
    kind: RenderedDocumentKind;
    subjectId: string;
    inputHash: string;
    pdf: Buffer;
    sha256: string;
    filename: string;
  },
): Promise<StoredMetaRow> {
  const inserted = await db
    .insertInto('rendered_documents')
    .values({
      kind: row.kind,
      subject_id: row.subjectId,
      input_hash: row.inputHash,
      pdf: row.pdf,
      sha256: row.sha256,
      size_bytes: row.pdf.byteLength,
      filename: row.filename,
    })
    .onConflict((oc) => oc.column('input_hash').doNothing())
    .returning(META)
    .executeTakeFirst();
  return inserted ?? (await findStoredMeta(db, row.inputHash))!;
}

/** Both drivers return bytea as bytes: a Buffer from pg, a Uint8Array from PGlite. */
export function asBuffer(bytes: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
