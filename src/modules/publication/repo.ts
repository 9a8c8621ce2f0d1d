/** The notes workflow and the frozen versions: SQL only. Versions are inserted and read, never changed. */
import type { Database } from '../../db/database.ts';
import type { NotesState } from '../../db/schema.ts';
import { FROZEN_META, versionStore } from './version-store.ts';

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

const versions = versionStore('notes_versions', [
  ...FROZEN_META,
  'meeting_id',
  'approved_at_meeting_id',
  'edited',
  'edited_notice',
]);

export const listVersions = (db: Database, meetingId: string) => versions.list(db, [meetingId]);
export type VersionMeta = Awaited<ReturnType<typeof listVersions>>[number];
export const latestVersion = versions.latest;
export const findVersionMeta = versions.findMeta;
export const findVersionJson = versions.findJson;
export const findVersionPdf = versions.findPdf;
export const insertVersion = versions.insert;

/** A meeting's date and board, for checking the meeting named as approving the notes. */
export function findMeetingBrief(db: Database, id: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'board_id', 'starts_at', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}
