/**
 * "Editing published content is refused": the check the modules that own a meeting's content call
 * before they change it (inside their transaction, after locking the meeting row, so a publish and an
 * edit never interleave). Approved and published notes are frozen; a correction reopens them.
 */

import { Conflict } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import type { MeetingStatus, NotesState } from '../../db/schema.ts';
import { isEditable } from './notes-state.ts';

const why: Partial<Record<NotesState, string>> = {
  approved: 'the board has approved the notes of this meeting',
  published: 'the notes of this meeting have been published',
};

export class PublishedContentConflict extends Conflict {
  constructor(state: NotesState) {
    super(
      `This meeting's content cannot be changed: ${why[state] ?? 'its notes are frozen'}. ` +
        'Open a correction (POST /api/v1/meetings/{id}/notes/corrections) with a reason, then publish again.',
    );
  }
}

export async function notesStateOf(db: Database, meetingId: string): Promise<NotesState> {
  const row = await db
    .selectFrom('meeting_publication')
    .select('notes_state')
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return row?.notes_state ?? 'draft';
}

/** 409 when the meeting's notes are approved or published (and no correction is open). */
export async function assertMeetingEditable(db: Database, meetingId: string): Promise<void> {
  const state = await notesStateOf(db, meetingId);
  if (!isEditable(state)) throw new PublishedContentConflict(state);
}

/** The same, for writes that start from an agenda item (item edits, papers, questions filed under it). */
export async function assertItemEditable(db: Database, itemId: string): Promise<void> {
  const row = await db
    .selectFrom('agenda_items')
    .leftJoin('meeting_publication', 'meeting_publication.meeting_id', 'agenda_items.meeting_id')
    .select('meeting_publication.notes_state')
    .where('agenda_items.id', '=', itemId)
    .executeTakeFirst();
  const state = row?.notes_state ?? 'draft';
  if (!isEditable(state)) throw new PublishedContentConflict(state);
}

/**
 * The meeting statuses that record the notes workflow are set by the publication module alone
 * (notes_drafted on submit, notes_approved on approval, published on publication), so that
 * "published" always means a frozen version exists. meetings/service.changeStatus should refuse them.
 */
export const STATUSES_SET_BY_PUBLICATION: readonly MeetingStatus[] = ['notes_approved', 'published'];

export function assertStatusNotManagedByPublication(status: MeetingStatus): void {
  if (STATUSES_SET_BY_PUBLICATION.includes(status)) {
    throw new Conflict(
      `A meeting becomes ${status} through the notes workflow (POST /api/v1/meetings/{id}/notes/approve or /publish).`,
    );
  }
}
