/**
 * A meeting's "Notes of the Meeting" as published: always the public version, whoever asks.
 * Exempt and OPCC-only items never appear, and nothing attached to them does either (questions,
 * actions, people in attendance for that item). Members of the public are named only with consent.
 */

import { isPublic } from '../access/index.ts';
import type { Database } from '../db/database.ts';
import type { ItemKind } from '../db/schema.ts';
import { boardRef, compareReferences, meetingWhen, nonEmpty, publishedItemNumbers } from './load-common.ts';
import {
  type Attendance,
  type MeetingWhen,
  type NotesAction,
  type NotesItem,
  type NotesItemKind,
  type NotesQuestion,
  type NotesViewModel,
  type Person,
  trustSanitisedHtml,
} from './render/view-models.ts';
import * as repo from './repo.ts';
import { splitLeadingBullets, splitTrailingRomanPoints } from './rich-text-split.ts';

export interface DocumentOptions {
  /** Printed at the top and bottom of every page, e.g. "OFFICIAL". */
  protectiveMarking: string;
}

const NOTES_KINDS: Record<ItemKind, NotesItemKind> = {
  attendance: 'attendance',
  previous_notes: 'minutes',
  update: 'update',
  questions: 'questions',
  report: 'report',
  close: 'close',
  declarations: 'other',
  matters_arising: 'other',
  exclusion: 'other',
  aob: 'other',
  other: 'other',
};

export const MEMBER_OF_THE_PUBLIC = 'a member of the public';

/** Notes count as approved once the board has approved them (and after publication). */
export function notesApproved(status: string): boolean {
  return status === 'notes_approved' || status === 'published';
}

export async function loadNotes(
  db: Database,
  meetingId: string,
  options: DocumentOptions,
): Promise<NotesViewModel | null> {
  const meeting = await repo.findMeeting(db, meetingId);
  if (!meeting) return null;
  const [allItems, attendance, questions, actions] = await Promise.all([
    repo.listItems(db, [meetingId]),
    repo.listAttendance(db, meetingId),
    repo.listQuestions(db, meetingId),
    repo.listMeetingActions(db, meetingId),
  ]);

  // The one filter that matters most: only public items, whoever is asking.
  const items = allItems.filter(isPublic);
  const visible = new Set(items.map((item) => item.id));
  const numbers = publishedItemNumbers(allItems, meeting.list_exempt_titles);

  // Pre-submitted and public questions not filed under an item belong to the questions item.
  const questionsItem = items.find((item) => item.kind === 'questions');
  const placeQuestion = (q: repo.QuestionRow): string | null => {
    if (q.item_id) return visible.has(q.item_id) ? q.item_id : null;
    return q.source !== 'in_meeting' && questionsItem ? questionsItem.id : null;
  };
  const placedQuestions = questions
    .map((q) => ({ row: q, itemId: placeQuestion(q) }))
    .filter((q): q is { row: repo.QuestionRow; itemId: string } => q.itemId !== null);
  const placedQuestionIds = new Set(placedQuestions.map((q) => q.row.id));

  const actionsByQuestion = new Map<string, NotesAction[]>();
  const actionsByItem = new Map<string, NotesAction[]>();
  const sortedActions = [...actions].sort(
    (a, b) => a.created_at.getTime() - b.created_at.getTime() || compareReferences(a.reference, b.reference),
  );
  for (const action of sortedActions) {
    if (!isPublic(action)) continue;
    if (action.item_id && !visible.has(action.item_id)) continue;
    if (action.question_id && !placedQuestionIds.has(action.question_id)) continue;
    const printed: NotesAction = {
      reference: action.reference,
      text: action.text,
      owner: action.owner_organisation,
    };
    if (action.question_id) push(actionsByQuestion, action.question_id, printed);
    else if (action.item_id) push(actionsByItem, action.item_id, printed);
    // An action tied to neither an item nor a question has no place in the notes.
  }

  // The public numbers its questions 1..n: a question under a withheld item leaves no gap.
  const printedNumbers = new Map(
    placedQuestions
      .filter((q) => q.row.number !== null)
      .sort((a, b) => a.row.number! - b.row.number! || a.row.id.localeCompare(b.row.id))
      .map((q, index) => [q.row.id, index + 1]),
  );
  const questionsByItem = new Map<string, NotesQuestion[]>();
  for (const { row, itemId } of placedQuestions) {
    const printed = { ...row, number: printedNumbers.get(row.id) ?? null };
    push(questionsByItem, itemId, toQuestion(printed, actionsByQuestion.get(row.id) ?? []));
  }

  const attendanceItem =
    items.find((item) => item.kind === 'attendance') ?? items.find((item) => item.kind === 'previous_notes');
  const people = toAttendance(attendance.filter((row) => !row.for_item_id || visible.has(row.for_item_id)));

  const nextMeeting = await loadNextMeeting(db, meeting);
  return {
    board: boardRef(meeting.board_name, meeting.board_code),
    meeting: meetingWhen(meeting),
    summary: nonEmpty(meeting.summary),
    approved: notesApproved(meeting.status),
    protectiveMarking: options.protectiveMarking,
    edited: null,
    items: items.map((item): NotesItem => {
      const kind = NOTES_KINDS[item.kind];
      const { body, points } =
        kind === 'update'
          ? splitTrailingRomanPoints(item.body_html)
          : { body: item.body_html.trim(), points: [] };
      return {
        number: numbers.get(item.id)!,
        title: item.title,
        kind,
        confidentiality: 'public',
        presenters: item.presenters.map((p) => p.printed.trim()).filter(Boolean),
        // Stored bodies went through the rich-text sanitiser on the way in (src/rich-text/sanitize.ts).
        bodyHtml: body ? trustSanitisedHtml(body) : null,
        updatePoints: points,
        attendance: item.id === attendanceItem?.id ? people : null,
        questions: questionsByItem.get(item.id) ?? [],
        actions: actionsByItem.get(item.id) ?? [],
      };
    }),
    nextMeeting,
  };
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Members of the public are named only with their consent; officials as printed. */
export function askedBy(
  q: Pick<repo.QuestionRow, 'source' | 'asked_by_printed' | 'public_asker_name' | 'public_name_consent'>,
) {
  if (q.source === 'public') {
    return (q.public_name_consent && nonEmpty(q.public_asker_name)) || MEMBER_OF_THE_PUBLIC;
  }
  return nonEmpty(q.asked_by_printed);
}

function toQuestion(q: repo.QuestionRow, actions: NotesAction[]): NotesQuestion {
  // answer_html was sanitised on the way in; plain leading bullets print as the template's answer list.
  const { bullets, rest } = splitLeadingBullets(q.answer_html);
  return {
    number: q.number,
    text: q.text,
    askedBy: askedBy(q),
    answerBullets: bullets,
    answerHtml: rest ? trustSanitisedHtml(rest) : null,
    actions,
  };
}

type AttendanceRow = Awaited<ReturnType<typeof repo.listAttendance>>[number];

function toAttendance(rows: AttendanceRow[]): Attendance {
  const person = (row: AttendanceRow): Person => ({
    name: row.name,
    role: nonEmpty(row.role) ?? nonEmpty(row.job_title),
    // As printed at the meeting: no organisation recorded means none is printed.
    organisation: nonEmpty(row.organisation),
  });
  return {
    present: rows.filter((r) => r.status === 'present').map(person),
    apologies: rows.filter((r) => r.status === 'apologies').map(person),
    inAttendance: rows.filter((r) => r.status === 'in_attendance').map(person),
  };
}

/** The linked next meeting when there is one (it has a time and a place), else the recorded date. */
async function loadNextMeeting(db: Database, meeting: repo.MeetingRow): Promise<MeetingWhen | null> {
  if (meeting.next_meeting_id) {
    const next = await repo.findMeetingSchedule(db, meeting.next_meeting_id);
    if (next && next.status !== 'cancelled') return meetingWhen(next);
  }
  return meeting.next_meeting_date
    ? { date: meeting.next_meeting_date, startTime: null, location: null }
    : null;
}
