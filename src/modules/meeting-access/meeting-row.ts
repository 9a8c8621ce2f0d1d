/**
 * Why this file exists: reading one meeting (with its board's name, code and question deadline), the
 * row every feature checks access and edit rules against. Below meetings, agenda and publication so
 * that none of them imports another to read a meeting.
 */
import type { Database } from '../../db/database.ts';

export function meetingQuery(db: Database) {
  return db
    .selectFrom('meetings')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .selectAll('meetings')
    .select([
      'boards.name as board_name',
      'boards.code as board_code',
      'boards.question_deadline_days as board_question_deadline_days',
    ]);
}

export type MeetingRow = NonNullable<Awaited<ReturnType<typeof findMeeting>>>;

/** With `lock`, the meeting row is held until the transaction ends: agenda and version changes queue behind it. */
export function findMeeting(db: Database, id: string, opts: { lock?: boolean } = {}) {
  const query = meetingQuery(db).where('meetings.id', '=', id);
  return (opts.lock ? query.forUpdate('meetings') : query).executeTakeFirst();
}
