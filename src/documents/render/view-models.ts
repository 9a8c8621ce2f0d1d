/**
 * What each published document needs, already resolved from the database to display values.
 *
 * Conventions (the templates run in Handlebars strict mode, so every field must be present):
 * - "absent" is `null` or an empty array, never a missing property;
 * - plain `string` fields are untrusted text and are always HTML-escaped by the templates;
 * - `SanitisedHtml` fields are inserted unescaped (`{{{ }}}`): only ever fill them with the output of
 *   the rich-text sanitiser (allow-listed tags, no attribute that loads anything);
 * - `IsoDate` is a Europe/London calendar date `YYYY-MM-DD`; `IsoDateTime` is an instant
 *   (`2026-03-24T10:00:00Z`) printed in Europe/London; `ClockTime` is a local `HH:MM`.
 */

declare const sanitisedHtmlBrand: unique symbol;

/** HTML that went through the rich-text sanitiser. Create it with {@link trustSanitisedHtml} only. */
export type SanitisedHtml = string & { readonly [sanitisedHtmlBrand]: true };

/**
 * Marks HTML as sanitised. Call this only on the output of the sanitiser (or on literals in code):
 * the brand is the one place where the trust decision is visible in a code review.
 */
export function trustSanitisedHtml(html: string): SanitisedHtml {
  return html as SanitisedHtml;
}

export type IsoDate = string;
export type IsoDateTime = string;
export type ClockTime = string;

export interface BoardRef {
  /** "Accountability and Governance Board" */
  name: string;
  /** Short code used in filenames and action references: "AGB" */
  code: string;
}

/** Government Security Classification printed at the top and bottom of every page, e.g. "OFFICIAL". */
export type ProtectiveMarking = string;

/** Public items are published; exempt items (confidential under the access-to-information rules) never are. */
export type Confidentiality = 'public' | 'exempt';

/** Shown on a redacted version so that readers know it is not the full record. */
export interface EditedNotice {
  /** e.g. "This version has been edited to remove personal information." */
  text: string;
}

export interface Person {
  name: string;
  role: string | null;
  organisation: string | null;
}

export interface Attendance {
  present: Person[];
  apologies: Person[];
  /** Officers and guests who attended without being members of the board. */
  inAttendance: Person[];
}

export interface NotesAction {
  /** "AGB/2026-03/1" */
  reference: string;
  text: string;
  /** Organisation or person as printed, e.g. "WMP"; null when not yet assigned. */
  owner: string | null;
}

export interface NotesQuestion {
  /** Printed as "Question N:"; null for questions raised in the meeting without a number. */
  number: number | null;
  text: string;
  /** As printed, e.g. "Deputy Police and Crime Commissioner, Wasim Ali"; null when not recorded. */
  askedBy: string | null;
  /** Plain-text answer points, printed as bullets. */
  answerBullets: string[];
  /** Rich answer (e.g. nested numbered lists), printed after the bullets. */
  answerHtml: SanitisedHtml | null;
  /** Actions agreed in response to this question, printed right after its answer. */
  actions: NotesAction[];
}

export type NotesItemKind = 'attendance' | 'minutes' | 'update' | 'questions' | 'report' | 'close' | 'other';

export interface NotesItem {
  /** As printed in the number column: "1", "6", "6a". */
  number: string;
  title: string;
  kind: NotesItemKind;
  confidentiality: Confidentiality;
  /** As printed after "Presented by:", e.g. "Temporary Assistant Chief Constable, Richard North". */
  presenters: string[];
  /** Opening paragraphs of the item. */
  bodyHtml: SanitisedHtml | null;
  /** Points of an update, printed as upper-roman numbered paragraphs (I, II, III...). */
  updatePoints: string[];
  /** Only for the attendance item. */
  attendance: Attendance | null;
  questions: NotesQuestion[];
  /** Actions not tied to a question, printed at the end of the item. */
  actions: NotesAction[];
}

export interface MeetingWhen {
  date: IsoDate;
  startTime: ClockTime | null;
  location: string | null;
}

export interface NotesViewModel {
  board: BoardRef;
  meeting: MeetingWhen;
  /** "These minutes provide a summary of key points raised during this meeting." */
  summary: string | null;
  /** False prints a DRAFT watermark on every page. */
  approved: boolean;
  protectiveMarking: ProtectiveMarking;
  edited: EditedNotice | null;
  items: NotesItem[];
  /** Printed in the CLOSE item: "Next meeting: Tuesday 28 April 2026". */
  nextMeeting: MeetingWhen | null;
}

export type ActionStatus = 'open' | 'in_progress' | 'closed';

export interface ActionUpdate {
  date: IsoDate;
  text: string;
  /** Person or organisation as printed. */
  by: string;
}

export interface ActionRaisedAt {
  meetingDate: IsoDate;
  itemNumber: string;
  itemTitle: string;
}

export interface ActionLogRow {
  reference: string;
  text: string;
  ownerOrganisation: string;
  ownerPerson: string | null;
  raisedAt: ActionRaisedAt;
  dueDate: IsoDate | null;
  status: ActionStatus;
  /** Computed by the caller against today's Europe/London date. */
  overdue: boolean;
  latestUpdate: ActionUpdate | null;
  closedAt: IsoDate | null;
  closureNote: string | null;
}

export interface ActionLogViewModel {
  board: BoardRef;
  generatedAt: IsoDateTime;
  /** What the reader is looking at, e.g. "All actions raised since 1 April 2025". */
  filtersDescription: string;
  protectiveMarking: ProtectiveMarking;
  /** Any order: the renderer lists open actions first, keeping the given order within each group. */
  rows: ActionLogRow[];
}

export interface AgendaPaper {
  title: string;
  /** "PDF", "DOCX"... */
  format: string;
  sizeBytes: number;
}

export interface AgendaItem {
  number: string;
  title: string;
  presenters: string[];
  papers: AgendaPaper[];
  confidentiality: Confidentiality;
  /**
   * Only read for exempt items: true lists the item by number and title (no presenters, no papers),
   * false leaves it out of the published agenda altogether.
   */
  listTitleWhenExempt: boolean;
}

export interface AgendaViewModel {
  board: BoardRef;
  meeting: MeetingWhen;
  /** False prints a DRAFT watermark on every page. */
  approved: boolean;
  protectiveMarking: ProtectiveMarking;
  items: AgendaItem[];
}
