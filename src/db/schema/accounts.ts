/** Why this file exists: the tables of the directory and of accounts: organisations, people, users, tokens, audit, idempotency keys, files (migrations 0001-0003). */
import type { ColumnType, Generated } from 'kysely';
import type { CreatedAt, RequiredTimestamp, Timestamp } from './columns.ts';
import type { Role } from './values.ts';

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
