/**
 * Why this file exists: the meetings side of the secretariat's to-do list (issue 15): notes to draft,
 * notes awaiting approval, and questions received for meetings to come, on the boards the caller
 * administers (admins: every board). The actions side is the action log's own service.
 */
import type { ServiceContext } from '../../context.ts';
import { requireRole } from '../../core/principal.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { toLondon } from '../../time/london.ts';
import * as repo from './waiting-repo.ts';

export interface WaitingMeeting {
  id: string;
  boardId: string;
  date: string;
  startTime: string;
  dateText: string;
}

export interface MeetingsWaiting {
  notesToDraft: WaitingMeeting[];
  notesAwaitingApproval: WaitingMeeting[];
  questionsReceived: (WaitingMeeting & { questions: number })[];
}

function entry(row: { id: string; board_id: string; starts_at: Date }): WaitingMeeting {
  const local = toLondon(row.starts_at);
  return {
    id: row.id,
    boardId: row.board_id,
    date: local.date,
    startTime: local.time,
    dateText: formatLongDate(local.date),
  };
}

export async function meetingsWaiting(ctx: ServiceContext, now = new Date()): Promise<MeetingsWaiting> {
  requireRole(ctx.actor, 'admin', 'secretariat');
  const [notes, questions] = await Promise.all([
    repo.listMeetingsAwaitingNotes(ctx.db, ctx.actor, now),
    repo.listUpcomingMeetingsWithQuestions(ctx.db, ctx.actor, now),
  ]);
  return {
    notesToDraft: notes.filter((r) => r.notes_state === 'draft').map(entry),
    notesAwaitingApproval: notes.filter((r) => r.notes_state === 'submitted').map(entry),
    questionsReceived: questions.map((r) => ({ ...entry(r), questions: Number(r.questions) })),
  };
}
