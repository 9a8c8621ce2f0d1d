import type { ColumnType, Generated, JSONColumnType } from 'kysely';

/** Table types, kept by hand beside the migrations in migrations/. */

/** A timestamp the database defaults (now()): an insert may leave it out. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A NOT NULL timestamp with no default: an insert must give it. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Written only by a trigger: never inserted or updated by the application. */
type ReadonlyGenerated = ColumnType<Date, never, never>;
/** A calendar date as 'YYYY-MM-DD' (both drivers are set to return it as text). */
type DateOnly = string;
/** Generated always (to_tsvector(...) stored): never written; nullable, as generated columns are. */
type Tsvector = ColumnType<string | null, never, never>;

export type Role = 'admin' | 'secretariat' | 'officer' | 'member';
export type Confidentiality = 'public' | 'exempt' | 'opcc_only';
export type MeetingStatus =
  | 'scheduled'
  | 'held'
  | 'notes_drafted'
  | 'notes_approved'
  | 'published'
  | 'cancelled';
export type ItemKind =
  | 'attendance'
  | 'previous_notes'
  | 'update'
  | 'questions'
  | 'report'
  | 'declarations'
  | 'matters_arising'
  | 'exclusion'
  | 'aob'
  | 'close'
  | 'other';
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

export interface OrganisationsTable {
  id: Generated<string>;
  name: string;
  short_name: string;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PeopleTable {
  id: Generated<string>;
  name: string;
  job_title: string | null;
  organisation_id: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Generated<string>;
  email: string;
  display_name: string;
  password_hash: string;
  roles: ColumnType<Role[], Role[] | undefined, Role[]>;
  organisation_id: string | null;
  person_id: string | null;
  active: Generated<boolean>;
  token_version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface RefreshTokensTable {
  id: Generated<string>;
  user_id: string;
  family_id: string;
  token_hash: string;
  expires_at: RequiredTimestamp;
  created_at: CreatedAt;
  used_at: Timestamp | null;
  revoked_at: Timestamp | null;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: CreatedAt;
  actor_user_id: string | null;
  actor_name: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before: unknown;
  after: unknown;
  request_id: string | null;
  /** Boards an entry concerns besides through its entity (a directory record they print); migration 0014. */
  board_ids: ColumnType<string[] | null, string[] | null | undefined, never>;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  route: string;
  request_hash: string;
  status_code: number | null;
  response_body: unknown;
  created_at: CreatedAt;
}

export interface FilesTable {
  id: Generated<string>;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  data: Buffer | Uint8Array;
  uploaded_by: string | null;
  created_at: CreatedAt;
}

export interface BoardsTable {
  id: Generated<string>;
  name: string;
  code: string;
  description: Generated<string>;
  standing_items: JSONColumnType<StandingItem[], string | undefined, string>;
  question_deadline_days: Generated<number>;
  list_exempt_titles: Generated<boolean>;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /** When the name, code or description last changed (a trigger keeps it; migration 0013). */
  public_changed_at: ReadonlyGenerated;
}

export interface BoardSecretariatTable {
  board_id: string;
  user_id: string;
}

export interface MeetingsTable {
  id: Generated<string>;
  board_id: string;
  starts_at: RequiredTimestamp;
  location: Generated<string>;
  online: Generated<boolean>;
  status: ColumnType<MeetingStatus, MeetingStatus | undefined, MeetingStatus>;
  summary: Generated<string>;
  question_deadline: Timestamp | null;
  next_meeting_id: string | null;
  next_meeting_date: DateOnly | null;
  notes_approved_at_meeting_id: string | null;
  version: Generated<number>;
  created_at: CreatedAt;
  updated_at: Timestamp;
  /**
   * When a public fact (date and time, place, online, cancelled) last changed, and how many times it
   * has: a trigger keeps both (migration 0013); private edits move neither.
   */
  public_changed_at: ReadonlyGenerated;
  public_sequence: ColumnType<number, never, never>;
}

export interface AgendaItemsTable {
  id: Generated<string>;
  meeting_id: string;
  position: number;
  title: string;
  kind: ItemKind;
  presenters: JSONColumnType<Presenter[], string | undefined, string>;
  body_html: Generated<string>;
  body_text: Generated<string>;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  exempt_reason: string | null;
  version: Generated<number>;
  search: Tsvector;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface PapersTable {
  id: Generated<string>;
  item_id: string;
  file_id: string;
  title: string;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  created_at: CreatedAt;
}

export interface AttendanceTable {
  id: Generated<string>;
  meeting_id: string;
  person_id: string;
  role: Generated<string>;
  organisation: string | null;
  status: AttendanceStatus;
  for_item_id: string | null;
  position: Generated<number>;
}

export interface DeclarationsTable {
  id: Generated<string>;
  meeting_id: string;
  person_id: string;
  item_id: string | null;
  interest: string;
  created_at: CreatedAt;
}

export interface QuestionsTable {
  id: Generated<string>;
  meeting_id: string;
  item_id: string | null;
  number: number | null;
  position: Generated<number>;
  source: QuestionSource;
  text: string;
  asked_by_person_id: string | null;
  asked_by_printed: Generated<string>;
  public_asker_name: string | null;
  public_name_consent: Generated<boolean>;
  answered_by_person_id: string | null;
  answered_by_printed: Generated<string>;
  answer_html: Generated<string>;
  answer_text: Generated<string>;
  submitted_by_user_id: string | null;
  version: Generated<number>;
  search: Tsvector;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ActionsTable {
  id: Generated<string>;
  board_id: string;
  reference: string;
  text: string;
  owner_organisation_id: string;
  owner_person_id: string | null;
  meeting_id: string;
  item_id: string | null;
  question_id: string | null;
  due_date: DateOnly | null;
  status: ColumnType<ActionStatus, ActionStatus | undefined, ActionStatus>;
  closed_at: Timestamp | null;
  closed_by: string | null;
  closure_note: string | null;
  confidentiality: ColumnType<Confidentiality, Confidentiality | undefined, Confidentiality>;
  version: Generated<number>;
  search: Tsvector;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface ActionUpdatesTable {
  id: Generated<string>;
  action_id: string;
  author_user_id: string | null;
  author_name: string;
  kind: ColumnType<ActionUpdateKind, ActionUpdateKind | undefined, ActionUpdateKind>;
  text: string;
  evidence_file_id: string | null;
  public: Generated<boolean>;
  created_at: CreatedAt;
}

export interface PlansTable {
  id: Generated<string>;
  title: string;
  starts_on: DateOnly;
  ends_on: DateOnly;
  created_at: CreatedAt;
}

export interface CommitmentsTable {
  id: Generated<string>;
  plan_id: string;
  ref: number;
  chapter: Generated<string>;
  text: string;
  version: Generated<number>;
  created_at: CreatedAt;
}

export interface CommitmentRatingsTable {
  id: Generated<string>;
  commitment_id: string;
  period: string;
  rating: Rating;
  commentary: Generated<string>;
  meeting_id: string | null;
  created_at: CreatedAt;
}

export interface CommitmentLinksTable {
  id: Generated<string>;
  commitment_id: string;
  item_id: string | null;
  question_id: string | null;
  action_id: string | null;
}

// --- Documents (migrations/0005_documents.ts) ---
export type RenderedDocumentKind = 'notes' | 'agenda' | 'action-log';
export type RenderBatchState = 'created' | 'active' | 'retry' | 'completed' | 'failed' | 'cancelled';
export type RenderBatchDocumentState = 'pending' | 'rendering' | 'completed' | 'retrying' | 'failed';

export interface RenderedDocumentsTable {
  id: Generated<string>;
  kind: RenderedDocumentKind;
  subject_id: string;
  input_hash: string;
  pdf: Buffer | Uint8Array;
  sha256: string;
  size_bytes: number;
  filename: string;
  created_at: CreatedAt;
}

export interface RenderBatchesTable {
  id: string;
  kind: RenderedDocumentKind;
  requested_by: string | null;
  state: ColumnType<RenderBatchState, RenderBatchState | undefined, RenderBatchState>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: CreatedAt;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface RenderBatchDocumentsTable {
  batch_id: string;
  position: number;
  subject_id: string;
  state: ColumnType<RenderBatchDocumentState, RenderBatchDocumentState | undefined, RenderBatchDocumentState>;
  document_id: string | null;
  sha256: string | null;
  error: string | null;
  updated_at: Timestamp;
}
// --- end documents ---

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

/** A drafting screen open in one tab ("Also editing: …"), until expires_at (migration 0008). */
export interface PresenceTable {
  tab: string;
  user_id: string;
  meeting_id: string;
  item_id: string;
  last_seen: Date;
  expires_at: Date;
}

export interface DB {
  organisations: OrganisationsTable;
  people: PeopleTable;
  users: UsersTable;
  refresh_tokens: RefreshTokensTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
  files: FilesTable;
  boards: BoardsTable;
  board_secretariat: BoardSecretariatTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  papers: PapersTable;
  attendance: AttendanceTable;
  declarations: DeclarationsTable;
  questions: QuestionsTable;
  actions: ActionsTable;
  action_updates: ActionUpdatesTable;
  plans: PlansTable;
  commitments: CommitmentsTable;
  commitment_ratings: CommitmentRatingsTable;
  commitment_links: CommitmentLinksTable;
  rendered_documents: RenderedDocumentsTable;
  render_batches: RenderBatchesTable;
  render_batch_documents: RenderBatchDocumentsTable;
  meeting_publication: MeetingPublicationTable;
  notes_versions: NotesVersionsTable;
  decisions: DecisionsTable;
  decision_versions: DecisionVersionsTable;
  publication_chain_heads: PublicationChainHeadsTable;
  presence: PresenceTable;
}
