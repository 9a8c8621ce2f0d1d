import type { Database } from '../../db/database.ts';
import type { MeetingStatus } from '../../db/schema.ts';
import { meetingQuery } from '../meeting-access/meeting-row.ts';

export interface MeetingFilters {
  boardId?: string;
  status?: MeetingStatus;
  from?: Date;
  before?: Date;
  after?: { startsAt: Date; id: string };
  limit: number;
}

/** Keyset page ordered by start then id; fetches one row more than asked so the caller knows if there is more. */
export function listMeetings(db: Database, f: MeetingFilters) {
  let query = meetingQuery(db);
  if (f.boardId) query = query.where('meetings.board_id', '=', f.boardId);
  if (f.status) query = query.where('meetings.status', '=', f.status);
  if (f.from) query = query.where('meetings.starts_at', '>=', f.from);
  if (f.before) query = query.where('meetings.starts_at', '<', f.before);
  if (f.after) {
    const { startsAt, id } = f.after;
    query = query.where((eb) =>
      eb.or([
        eb('meetings.starts_at', '>', startsAt),
        eb.and([eb('meetings.starts_at', '=', startsAt), eb('meetings.id', '>', id)]),
      ]),
    );
  }
  return query
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .limit(f.limit + 1)
    .execute();
}

/** The board's next meeting after this one, for "Next meeting: …" when no date was typed in. */
export function findFollowingMeeting(db: Database, boardId: string, startsAt: Date) {
  return db
    .selectFrom('meetings')
    .select(['id', 'starts_at'])
    .where('board_id', '=', boardId)
    .where('starts_at', '>', startsAt)
    .where('status', '<>', 'cancelled')
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
}

export interface MeetingValues {
  starts_at: Date;
  location: string;
  online: boolean;
  summary: string;
  question_deadline: Date | null;
  next_meeting_date: string | null;
  status: MeetingStatus;
}

export async function insertMeeting(
  db: Database,
  row: Omit<MeetingValues, 'status' | 'summary'> & { board_id: string; summary?: string },
): Promise<string> {
  const { id } = await db.insertInto('meetings').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Every write bumps the version, so an ETag read before it no longer matches. */
export async function updateMeeting(db: Database, id: string, patch: Partial<MeetingValues>): Promise<void> {
  await db
    .updateTable('meetings')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}
