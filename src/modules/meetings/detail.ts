import { visibleConfidentialities } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { toLondon } from '../../time/london.ts';
import { visibleAgenda } from '../agenda/visible-items.ts';
import type { MeetingRow } from '../meeting-access/meeting-row.ts';
import * as attendanceRepo from './attendance-repo.ts';
import { visibleEntries } from './attendance-service.ts';
import * as declarationsRepo from './declarations-repo.ts';
import { visibleDeclarations } from './declarations-service.ts';
import * as repo from './repo.ts';
import type { MeetingDetail, MeetingListEntry } from './schemas.ts';

export function toListEntry(row: MeetingRow): MeetingListEntry {
  const local = toLondon(row.starts_at);
  return {
    id: row.id,
    boardId: row.board_id,
    boardName: row.board_name,
    boardCode: row.board_code,
    startsAt: row.starts_at,
    date: local.date,
    startTime: local.time,
    dateText: formatLongDate(local.date),
    location: row.location,
    online: row.online,
    status: row.status,
    version: row.version,
  };
}

/** "Next meeting: Tuesday 28 April 2026": the date typed in, else the board's following meeting. */
async function nextMeeting(db: Database, row: MeetingRow): Promise<MeetingDetail['nextMeeting']> {
  if (row.next_meeting_date) {
    return {
      date: row.next_meeting_date,
      dateText: formatLongDate(row.next_meeting_date),
      meetingId: row.next_meeting_id,
    };
  }
  const following = await repo.findFollowingMeeting(db, row.board_id, row.starts_at);
  if (!following) return null;
  const date = toLondon(following.starts_at).date;
  return { date, dateText: formatLongDate(date), meetingId: following.id };
}

/** The meeting as this caller may see it: hidden items, and what would reveal them, are left out. */
export async function buildMeetingDetail(
  db: Database,
  actor: Actor,
  row: MeetingRow,
): Promise<MeetingDetail> {
  const visible = visibleConfidentialities(actor, row.board_id);
  // Independent reads: issued together, so a pool serves them in parallel rather than one after another.
  const [attendanceRows, next, items, declarations] = await Promise.all([
    attendanceRepo.listAttendance(db, row.id),
    nextMeeting(db, row),
    visibleAgenda(db, actor, { id: row.id, boardId: row.board_id }),
    declarationsRepo.listDeclarations(db, row.id),
  ]);
  const attendance = visibleEntries(attendanceRows, visible);
  const byStatus = (status: string) => attendance.filter((a) => a.status === status);
  return {
    ...toListEntry(row),
    summary: row.summary,
    questionDeadline: row.question_deadline,
    nextMeeting: next,
    attendance: {
      present: byStatus('present'),
      apologies: byStatus('apologies'),
      absent: byStatus('absent'),
      inAttendance: byStatus('in_attendance'),
    },
    items,
    declarations: visibleDeclarations(declarations, visible),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
