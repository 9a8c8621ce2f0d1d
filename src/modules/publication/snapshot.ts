/**
 * What a published version of the notes contains: the public view model of the documents module
 * (exempt and OPCC-only items and everything hanging off them left out, members of the public named
 * only with consent), renumbered 1..n so that no gap reveals a withheld item, with an "edited" notice
 * whenever anything was withheld, as the ICO expects of a redacted publication.
 */
import { referenceNumber, referencePrefix } from '../../db/action-reference-order.ts';
import type { Database } from '../../db/database.ts';
import {
  type Attendance,
  canonicalJson,
  loadNotes,
  type NotesAction,
  type NotesItem,
  type NotesQuestion,
  type NotesViewModel,
  type Person,
} from '../../documents/index.ts';
import type {
  PublishedAction,
  PublishedAttendance,
  PublishedItem,
  PublishedNotes,
  PublishedPerson,
  PublishedQuestion,
} from './published-notes.ts';

export const NOTES_SNAPSHOT_SCHEMA = 'boardroom/published-notes@1';

export interface PublicNotes {
  vm: NotesViewModel;
  /** The actions this version makes public (shown on the action tracker with their live status). */
  publicActionIds: string[];
}

export interface NotesSnapshot {
  schema: typeof NOTES_SNAPSHOT_SCHEMA;
  meeting: {
    id: string;
    boardId: string;
    date: string;
    startTime: string | null;
    location: string | null;
  };
  version: number;
  publishedAt: string;
  /** Why this version replaced the previous one; null for the first. */
  reason: string | null;
  approvedAtMeeting: { id: string; date: string } | null;
  /** Open data's own type, not the PDF view model (published-notes.ts). */
  notes: PublishedNotes;
}

/** True when A and B have the same field names. */
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Holds<T extends true> = T;
/**
 * Compile-time guard: the view model a version is built from still has exactly the fields the
 * published notes have (and is assignable to them). A template change that adds, drops or retypes
 * a field fails here, so published JSON changes only on purpose (with a new NOTES_SNAPSHOT_SCHEMA).
 */
export type PublishedNotesMatchViewModel = [
  Holds<SameKeys<NotesViewModel, PublishedNotes>>,
  Holds<SameKeys<NotesItem, PublishedItem>>,
  Holds<SameKeys<NotesQuestion, PublishedQuestion>>,
  Holds<SameKeys<NotesAction, PublishedAction>>,
  Holds<SameKeys<Attendance, PublishedAttendance>>,
  Holds<SameKeys<Person, PublishedPerson>>,
  Holds<NotesViewModel extends PublishedNotes ? true : false>,
];

export const EDITED_EXEMPT =
  'Information that is exempt from publication, including any items considered in private, has been withheld.';
export const EDITED_NAMES = 'The names of members of the public who asked questions have been withheld.';

/** Why the public version differs from the full record, without saying how much was withheld. */
export async function withheldReasons(db: Database, meetingId: string): Promise<string[]> {
  const [hiddenItem, hiddenAction, unnamedAsker] = await Promise.all([
    db
      .selectFrom('agenda_items')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('confidentiality', '<>', 'public')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('actions')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('confidentiality', '<>', 'public')
      .limit(1)
      .executeTakeFirst(),
    db
      .selectFrom('questions')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('source', '=', 'public')
      .where('public_name_consent', '=', false)
      .where((eb) => eb(eb.fn('btrim', [eb.fn.coalesce('public_asker_name', eb.val(''))]), '<>', ''))
      .limit(1)
      .executeTakeFirst(),
  ]);
  const reasons: string[] = [];
  if (hiddenItem || hiddenAction) reasons.push(EDITED_EXEMPT);
  if (unnamedAsker) reasons.push(EDITED_NAMES);
  return reasons;
}

/** Public actions of the meeting (stored confidentiality is effective: its containers' included). */
export async function publicActionIds(db: Database, meetingId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('actions')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('confidentiality', '=', 'public')
    .orderBy(referencePrefix)
    .orderBy(referenceNumber)
    .execute();
  return rows.map((r) => r.id);
}

/** The public notes as they would be published now; null when the meeting does not exist. */
export async function buildPublicNotes(
  db: Database,
  meetingId: string,
  protectiveMarking: string,
): Promise<PublicNotes | null> {
  const loaded = await loadNotes(db, meetingId, { protectiveMarking });
  if (!loaded) return null;
  const reasons = await withheldReasons(db, meetingId);
  const vm: NotesViewModel = {
    ...loaded,
    approved: true,
    edited: reasons.length ? { text: `This is an edited version of the notes. ${reasons.join(' ')}` } : null,
    items: loaded.items.map((item, index) => ({ ...item, number: String(index + 1) })),
  };
  return { vm, publicActionIds: await publicActionIds(db, meetingId) };
}

export function snapshotJson(snapshot: NotesSnapshot): string {
  return canonicalJson(snapshot);
}
