/**
 * Table types, kept by hand beside the migrations in migrations/. This file is the index: the `DB`
 * interface Kysely is typed with, and every table and value type (by area in src/db/schema/).
 */
export * from './schema/accounts.ts';
export * from './schema/documents.ts';
export * from './schema/meetings.ts';
export * from './schema/publication.ts';
export * from './schema/values.ts';

import type {
  AuditLogTable,
  FilesTable,
  IdempotencyKeysTable,
  OrganisationsTable,
  PeopleTable,
  RefreshTokensTable,
  UsersTable,
} from './schema/accounts.ts';
import type {
  RenderBatchDocumentsTable,
  RenderBatchesTable,
  RenderedDocumentsTable,
} from './schema/documents.ts';
import type {
  ActionsTable,
  ActionUpdatesTable,
  AgendaItemsTable,
  AttendanceTable,
  BoardSecretariatTable,
  BoardsTable,
  CommitmentLinksTable,
  CommitmentRatingsTable,
  CommitmentsTable,
  DeclarationsTable,
  MeetingsTable,
  PapersTable,
  PlansTable,
  PresenceTable,
  QuestionsTable,
} from './schema/meetings.ts';
import type {
  DecisionsTable,
  DecisionVersionsTable,
  MeetingPublicationTable,
  NotesVersionsTable,
  PublicationChainHeadsTable,
} from './schema/publication.ts';

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
