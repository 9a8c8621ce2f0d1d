/** Why this file exists: the tables of publication: notes workflow, frozen versions, decisions, the hash chain (migrations/0006_publication.ts, 0012). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, DateOnly, Timestamp, Tsvector } from './columns.ts';

// --- Publication (migrations/0006_publication.ts) ---
export type NotesState = 'draft' | 'submitted' | 'approved' | 'published' | 'correcting';
export type DecisionStatus = 'draft' | 'published';

export interface MeetingPublicationTable {
  meeting_id: string;
  agenda_published_at: Timestamp | null;
  agenda_published_by: string | null;
  notes_state: ColumnType<NotesState, NotesState | undefined, NotesState>;
  submitted_at: Timestamp | null;
  submitted_by: string | null;
  approved_at: Timestamp | null;
  approved_by: string | null;
  correction_reason: string | null;
  version: Generated<number>;
  updated_at: Timestamp;
}

/** Append-only (a trigger refuses UPDATE and DELETE): only ever inserted and read. */
interface FrozenVersionColumns {
  id: Generated<string>;
  version_no: number;
  published_at: CreatedAt;
  published_by: string | null;
  published_by_name: string;
  reason: string | null;
  canonical_json: string;
  json_sha256: string;
  pdf: Buffer | Uint8Array;
  pdf_sha256: string;
  pdf_filename: string;
  pdf_size: number;
  search_text: string;
  search: Tsvector;
  /** The board's publication hash chain (0012): set by the database on insert, whatever is passed. */
  board_id: ChainColumn<string>;
  chain_seq: ChainColumn<number>;
  prev_sha256: ChainColumn<string | null>;
  chain_sha256: ChainColumn<string>;
}

type ChainColumn<T> = ColumnType<T, never, never>;

/** Per board: the last link of its publication chain, and the lock that serialises publishing (0012). */
export interface PublicationChainHeadsTable {
  board_id: string;
  seq: Generated<number>;
  head_sha256: string | null;
  updated_at: Timestamp;
}

export interface NotesVersionsTable extends FrozenVersionColumns {
  meeting_id: string;
  approved_at_meeting_id: string | null;
  edited: boolean;
  edited_notice: string | null;
  public_action_ids: ColumnType<string[], string[] | undefined, never>;
}

export interface DecisionsTable {
  id: Generated<string>;
  board_id: string;
  reference: string | null;
  title: string;
  decision_date: DateOnly;
  decision_maker: string;
  summary: string;
  meeting_id: string | null;
  item_id: string | null;
  status: ColumnType<DecisionStatus, DecisionStatus | undefined, DecisionStatus>;
  created_by: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DecisionVersionsTable extends FrozenVersionColumns {
  decision_id: string;
}
// --- end publication ---
