import type { Database } from '../../db/database.ts';

/**
 * The meeting and board a question or action belongs to, read by this module itself (the meetings
 * module owns writes to them). `lock` takes a row lock on the meeting, which serialises numbering
 * of questions within one meeting.
 */
export async function findMeetingWithBoard(db: Database, meetingId: string, opts: { lock?: boolean } = {}) {
  let query = db
    .selectFrom('meetings')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .select([
      'meetings.id',
      'meetings.board_id',
      'meetings.starts_at',
      'meetings.status',
      'meetings.question_deadline',
      'meetings.next_meeting_id',
      'meetings.next_meeting_date',
      'boards.code as board_code',
      'boards.question_deadline_days',
    ])
    .where('meetings.id', '=', meetingId);
  if (opts.lock) query = query.forUpdate('meetings');
  return query.executeTakeFirst();
}

export type MeetingWithBoard = NonNullable<Awaited<ReturnType<typeof findMeetingWithBoard>>>;

export function findItemOfMeeting(db: Database, meetingId: string, itemId: string) {
  return db
    .selectFrom('agenda_items')
    .select(['id', 'meeting_id', 'position', 'title', 'confidentiality'])
    .where('id', '=', itemId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}

export function findPersonWithOrganisation(db: Database, personId: string) {
  return db
    .selectFrom('people')
    .select(['id', 'name', 'job_title', 'organisation_id'])
    .where('id', '=', personId)
    .executeTakeFirst();
}

/** The next meeting of the same board after this one (by date), for default due dates. */
export function findNextMeetingStart(db: Database, boardId: string, after: Date) {
  return db
    .selectFrom('meetings')
    .select('starts_at')
    .where('board_id', '=', boardId)
    .where('starts_at', '>', after)
    .where('status', '<>', 'cancelled')
    .orderBy('starts_at')
    .limit(1)
    .executeTakeFirst();
}
