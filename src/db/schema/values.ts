/** Why this file exists: the enumerated values and JSON shapes stored in columns, shared by several tables. */

export type Role = 'admin' | 'secretariat' | 'officer' | 'member';
export type Confidentiality = 'public' | 'exempt' | 'opcc_only';
export type MeetingStatus =
  | 'scheduled'
  | 'held'
  | 'notes_drafted'
  | 'notes_approved'
  | 'published'
  | 'cancelled';
/** The kinds of agenda item, listed once: the type, the API's and the importer's schemas use this list. */
export const ITEM_KINDS = [
  'attendance',
  'previous_notes',
  'update',
  'questions',
  'report',
  'declarations',
  'matters_arising',
  'exclusion',
  'aob',
  'close',
  'other',
] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];
export type AttendanceStatus = 'present' | 'apologies' | 'absent' | 'in_attendance';
export type QuestionSource = 'pre_submitted' | 'in_meeting' | 'public';
export type ActionStatus = 'open' | 'in_progress' | 'completion_proposed' | 'closed' | 'superseded';
export type ActionUpdateKind = 'update' | 'completion_proposed' | 'closed' | 'reopened' | 'reassigned';
export type Rating = 'red' | 'amber' | 'green';

export interface Presenter {
  personId: string | null;
  /** As printed: "Temporary Assistant Chief Constable, Richard North". */
  printed: string;
}
export interface StandingItem {
  title: string;
  kind: ItemKind;
}
