/** The notes workflow and the frozen versions: SQL only. Versions are inserted and read, never changed. */
import type { Database } from '../../db/database.ts';
import type { NotesState } from '../../db/schema.ts';

export function findPublication(db: Database, meetingId: string) {
  return db
    .selectFrom('meeting_publication')
    .selectAll()
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}
export type PublicationRow = NonNullable<Awaited<ReturnType<typeof findPublication>>>;

export interface PublicationPatch {
  agenda_published_at?: Date;
  agenda_published_by?: string | null;
  notes_state?: NotesState;
  submitted_at?: Date | null;
  submitted_by?: string | null;
  approved_at?: Date | null;
  approved_by?: string | null;
  correction_reason?: string | null;
}

/** Creates the meeting's row on first use; every change bumps its version. */
export async function savePublication(db: Database, meetingId: string, patch: PublicationPatch) {
  await db
    .insertInto('meeting_publication')
    .values({ meeting_id: meetingId, ...patch, updated_at: new Date() })
    .onConflict((oc) =>
      oc.column('meeting_id').doUpdateSet((eb) => ({
        ...patch,
        version: eb('meeting_publication.version', '+', 1),
        updated_at: new Date(),
      })),
    )
    .execute();
}

const VERSION_META = [
  'id',
  'meeting_id',
  'version_no',
  'published_at',
  'published_by_name',
  'reason',
  'json_sha256',
  'pdf_sha256',
  'pdf_filename',
  'pdf_size',
  'approved_at_meeting_id',
  'edited',
  'edited_notice',
] as const;

export function listVersions(db: Database, meetingId: string) {
  return db
    .selectFrom('notes_versions')
    .select(VERSION_META)
    .where('meeting_id', '=', meetingId)
    .orderBy('version_no')
    .execute();
}
export type VersionMeta = Awaited<ReturnType<typeof listVersions>>[number];

export function latestVersion(db: Database, meetingId: string) {
  return db
    .selectFrom('notes_versions')
    .select([...VERSION_META, 'canonical_json'])
    .where('meeting_id', '=', meetingId)
    .orderBy('version_no', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export function findVersionJson(db: Database, meetingId: string, versionNo: number) {
  return db
    .selectFrom('notes_versions')
    .select([...VERSION_META, 'canonical_json'])
    .where('meeting_id', '=', meetingId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
}

export function findVersionPdf(db: Database, meetingId: string, versionNo: number) {
  return db
    .selectFrom('notes_versions')
    .select([...VERSION_META, 'pdf'])
    .where('meeting_id', '=', meetingId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
}

export async function insertVersion(
  db: Database,
  row: {
    meeting_id: string;
    version_no: number;
    published_at: Date;
    published_by: string | null;
    published_by_name: string;
    reason: string | null;
    canonical_json: string;
    json_sha256: string;
    pdf: Buffer;
    pdf_sha256: string;
    pdf_filename: string;
    pdf_size: number;
    search_text: string;
    approved_at_meeting_id: string | null;
    edited: boolean;
    edited_notice: string | null;
    public_action_ids: string[];
  },
): Promise<string> {
  const inserted = await db
    .insertInto('notes_versions')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return inserted.id;
}

/** A meeting's date and board, for checking the meeting named as approving the notes. */
export function findMeetingBrief(db: Database, id: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'board_id', 'starts_at', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}
