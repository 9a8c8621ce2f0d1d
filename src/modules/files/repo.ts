/**
 * Why this exists: uploaded files (agenda papers, action evidence) share one `files` table, so one
 * function stores them. The papers and actions repos re-export it for their services.
 */
import type { Database } from '../../db/database.ts';

export interface NewFile {
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer;
  uploaded_by: string;
}

/** Stores an uploaded file and returns its id. */
export async function insertFile(db: Database, row: NewFile): Promise<string> {
  const { id } = await db.insertInto('files').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}
