/** Why this file exists: the tables of boards, meetings and what hangs off them: agenda, papers, attendance, declarations, questions, actions, plans; and drafting presence. */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type {
  CreatedAt,
  DateOnly,
  ReadonlyGenerated,
  RequiredTimestamp,
  Timestamp,
  Tsvector,
} from './columns.ts';
import type {
  ActionStatus,
  ActionUpdateKind,
  AttendanceStatus,
  Confidentiality,
  ItemKind,
  MeetingStatus,
  Presenter,
  QuestionSource,
  Rating,
  StandingItem,
} from './values.ts';

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

/** A drafting screen open in one tab ("Also editing: …"), until expires_at (migration 0008). */
export interface PresenceTable {
  tab: string;
  user_id: string;
  meeting_id: string;
  item_id: string;
  last_seen: Date;
  expires_at: Date;
}
