/**
 * Why this file exists: the published notes as open data (the `notes` of a frozen JSON version,
 * schema boardroom/published-notes@1) have their own type, a structural copy of the print view model
 * as it stood when the schema was fixed. The PDF view model (src/documents/render/view-models.ts) may
 * change with the templates; snapshot.ts checks at compile time that it still has exactly these
 * fields, so a template change cannot silently change what is published. The public pages read
 * published notes through this type, never through the PDF view model.
 */

export interface PublishedPerson {
  name: string;
  role: string | null;
  organisation: string | null;
}

export interface PublishedAttendance {
  present: PublishedPerson[];
  apologies: PublishedPerson[];
  inAttendance: PublishedPerson[];
}

export interface PublishedAction {
  /** "AGB/2026-03/1" */
  reference: string;
  text: string;
  owner: string | null;
}

export interface PublishedQuestion {
  number: number | null;
  text: string;
  askedBy: string | null;
  answerBullets: string[];
  /** Sanitised HTML. */
  answerHtml: string | null;
  actions: PublishedAction[];
}

export type PublishedItemKind =
  | 'attendance'
  | 'minutes'
  | 'update'
  | 'questions'
  | 'report'
  | 'close'
  | 'other';

export interface PublishedItem {
  /** Renumbered 1..n over what is published. */
  number: string;
  title: string;
  kind: PublishedItemKind;
  confidentiality: 'public' | 'exempt';
  presenters: string[];
  /** Sanitised HTML. */
  bodyHtml: string | null;
  updatePoints: string[];
  attendance: PublishedAttendance | null;
  questions: PublishedQuestion[];
  actions: PublishedAction[];
}

export interface PublishedMeetingWhen {
  /** YYYY-MM-DD, a Europe/London day. */
  date: string;
  /** HH:MM local. */
  startTime: string | null;
  location: string | null;
}

export interface PublishedNotes {
  board: { name: string; code: string };
  meeting: PublishedMeetingWhen;
  summary: string | null;
  approved: boolean;
  protectiveMarking: string;
  edited: { text: string } | null;
  items: PublishedItem[];
  nextMeeting: PublishedMeetingWhen | null;
}
