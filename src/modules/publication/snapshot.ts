/**
 * What a published version of the notes contains: the public view model of the documents module
 * (exempt and OPCC-only items and everything hanging off them left out, members of the public named
 * only with consent), renumbered 1..n so that no gap reveals a withheld item, with an "edited" notice
 * whenever anything was withheld, as the ICO expects of a redacted publication.
 */
import { referenceNumber, referencePrefix } from '../../db/action-reference-order.ts';
import type { Database } from '../../db/database.ts';
import type { NotesViewModel } from '../../render/view-models.ts';
import { canonicalJson } from '../documents/input-hash.ts';
import { loadNotes } from '../documents/load-notes.ts';

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
  notes: NotesViewModel;
}

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
