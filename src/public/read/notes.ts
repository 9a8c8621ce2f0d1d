/** Why this file exists: the public read of notes, only as frozen versions. */
import type { Database } from '../../db/database.ts';
import type { NotesSnapshot } from '../../modules/publication/snapshot.ts';

// --- Notes versions ---

export interface PublicVersionMeta {
  versionNo: number;
  publishedAt: Date;
  reason: string | null;
  superseded: boolean;
  edited: boolean;
  jsonSha256: string;
  pdfSha256: string;
  pdfSize: number;
  pdfFilename: string;
}

export async function notesVersions(db: Database, meetingId: string): Promise<PublicVersionMeta[]> {
  const rows = await db
    .selectFrom('notes_versions')
    .select([
      'version_no',
      'published_at',
      'reason',
      'edited',
      'json_sha256',
      'pdf_sha256',
      'pdf_size',
      'pdf_filename',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('version_no')
    .execute();
  const latest = rows.at(-1)?.version_no ?? 0;
  return rows.map((r) => ({
    versionNo: r.version_no,
    publishedAt: r.published_at,
    reason: r.reason,
    superseded: r.version_no < latest,
    edited: r.edited,
    jsonSha256: r.json_sha256,
    pdfSha256: r.pdf_sha256,
    pdfSize: r.pdf_size,
    pdfFilename: r.pdf_filename,
  }));
}

export async function notesSnapshot(db: Database, meetingId: string, versionNo: number) {
  const row = await db
    .selectFrom('notes_versions')
    .select(['canonical_json', 'json_sha256', 'version_no', 'published_at'])
    .where('meeting_id', '=', meetingId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row
    ? {
        json: row.canonical_json,
        sha256: row.json_sha256,
        publishedAt: row.published_at,
        snapshot: JSON.parse(row.canonical_json) as NotesSnapshot,
      }
    : null;
}
