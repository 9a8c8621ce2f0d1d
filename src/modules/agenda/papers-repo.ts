import type { Database } from '../../db/database.ts';
import type { Confidentiality } from '../../db/schema.ts';

/** Paper metadata with its file's size and hash; never the bytes, which only the download reads. */
function paperQuery(db: Database) {
  return db
    .selectFrom('papers')
    .innerJoin('files', 'files.id', 'papers.file_id')
    .select([
      'papers.id',
      'papers.item_id',
      'papers.file_id',
      'papers.title',
      'papers.confidentiality',
      'papers.created_at',
      'files.filename',
      'files.content_type',
      'files.size_bytes',
      'files.sha256',
    ]);
}

export type PaperRow = Awaited<ReturnType<typeof listPapersOfItems>>[number];

export function listPapersOfItems(db: Database, itemIds: string[]) {
  if (!itemIds.length) return Promise.resolve([]);
  return paperQuery(db)
    .where('papers.item_id', 'in', itemIds)
    .orderBy('papers.created_at')
    .orderBy('papers.id')
    .execute();
}

/** A paper with what decides its visibility: its item's confidentiality and its meeting's board. */
export function findPaper(db: Database, id: string) {
  return paperQuery(db)
    .innerJoin('agenda_items', 'agenda_items.id', 'papers.item_id')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .select(['agenda_items.confidentiality as item_confidentiality', 'meetings.board_id'])
    .where('papers.id', '=', id)
    .executeTakeFirst();
}

export async function readFileData(db: Database, fileId: string): Promise<Buffer | undefined> {
  const row = await db.selectFrom('files').select('data').where('id', '=', fileId).executeTakeFirst();
  if (!row) return undefined;
  // pg gives a Buffer, PGlite a Uint8Array: one shape for the caller.
  return Buffer.isBuffer(row.data)
    ? row.data
    : Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
}

/** Files live in one table, stored by one function (src/modules/files/repo.ts). */
export { insertFile } from '../files/repo.ts';

export async function insertPaper(
  db: Database,
  row: { item_id: string; file_id: string; title: string; confidentiality: Confidentiality },
): Promise<string> {
  const { id } = await db.insertInto('papers').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export function fileIdsOfItem(db: Database, itemId: string) {
  return db.selectFrom('papers').select('file_id').where('item_id', '=', itemId).execute();
}

export async function deletePaper(db: Database, id: string): Promise<void> {
  await db.deleteFrom('papers').where('id', '=', id).execute();
}

/** Files belong to one paper each; once their paper is gone the bytes go too. */
export async function deleteFiles(db: Database, fileIds: string[]): Promise<void> {
  if (!fileIds.length) return;
  await db.deleteFrom('files').where('id', 'in', fileIds).execute();
}
