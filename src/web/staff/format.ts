/** Words for the statuses and dates the staff pages show. */
import type { ActionStatus, AttendanceStatus, MeetingStatus, NotesState } from '../../db/schema.ts';
import { formatLongDate } from '../../text/date-format.ts';

export const MEETING_STATUS_LABELS: Record<MeetingStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  notes_drafted: 'Notes submitted',
  notes_approved: 'Notes approved',
  published: 'Published',
  cancelled: 'Cancelled',
};

/** Steps of the meeting itself; the notes move through the publication workflow (NOTES_STEPS). */
export const MEETING_STEPS: Partial<Record<MeetingStatus, { label: string; hint: string }>> = {
  held: { label: 'Mark as held', hint: 'The meeting has taken place.' },
  cancelled: { label: 'Cancel meeting', hint: 'The meeting will not take place.' },
};

export const NOTES_STATE_LABELS: Record<NotesState, string> = {
  draft: 'Draft',
  submitted: 'Submitted for approval',
  approved: 'Approved',
  published: 'Published',
  correcting: 'Being corrected',
};

export const NOTES_STEPS: Record<string, { path: string; label: string; hint: string }> = {
  submit: { path: 'submit', label: 'Submit notes for approval', hint: 'The draft is ready for the board.' },
  return: { path: 'return', label: 'Return to draft', hint: 'The notes need more work before approval.' },
  approve: {
    path: 'approve',
    label: 'Record approval',
    hint: 'The board approved the notes at a later meeting.',
  },
  publish: {
    path: 'publish',
    label: 'Publish notes',
    hint: 'Freezes this version and puts it on the public site.',
  },
  correct: {
    path: 'correct',
    label: 'Open a correction',
    hint: 'Change published notes; the public sees the reason.',
  },
  cancelCorrection: {
    path: 'cancel-correction',
    label: 'Close the correction',
    hint: 'Nothing was changed: keep the published version.',
  },
};

export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  completion_proposed: 'Completion proposed',
  closed: 'Closed',
  superseded: 'Superseded',
};

/** Tag colours (CSS modifiers) for statuses. */
export const ACTION_STATUS_TAGS: Record<ActionStatus, string> = {
  open: 'blue',
  in_progress: 'turquoise',
  completion_proposed: 'yellow',
  closed: 'grey',
  superseded: 'grey',
};

export const ATTENDANCE_LABELS: Record<AttendanceStatus, string> = {
  present: 'Present',
  apologies: 'Apologies',
  absent: 'Absent',
  in_attendance: 'In attendance',
};

export const UPDATE_KIND_LABELS: Record<string, string> = {
  update: 'Update',
  completion_proposed: 'Completion proposed',
  closed: 'Closed by the secretariat',
  reopened: 'Reopened by the secretariat',
  reassigned: 'Reassigned',
};

export function dueText(dueDate: string | null): string {
  return dueDate ? formatLongDate(dueDate) : 'No due date';
}

/** Kinds of agenda item, as the secretariat calls them. */
export const KIND_LABELS: Record<string, string> = {
  attendance: 'Attendance',
  previous_notes: 'Notes of last meeting',
  update: 'Update',
  questions: 'Questions',
  report: 'Report',
  declarations: 'Declarations of interest',
  matters_arising: 'Matters arising',
  exclusion: 'Exclusion of the public',
  aob: 'Any other business',
  close: 'Close',
  other: 'Other',
};
