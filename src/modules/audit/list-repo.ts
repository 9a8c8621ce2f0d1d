import { type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  /** Undefined: every entry (admins). Otherwise only entries about entities of these boards. */
  boardIds?: string[];
}

/**
 * Entries that can be tied to a board through the entity they are about, or that name the board in
 * `board_ids` (a change to a directory record the board prints); anything else (users, unused
 * people, plans, deleted rows) has no board and stays admin-only.
 */
function aboutBoards(boardIds: string[]) {
  const ids = sql.join(boardIds);
  return sql<SqlBool>`(
    (audit_log.entity_type = 'board' and audit_log.entity_id in (${ids}))
    or (audit_log.entity_type = 'meeting' and audit_log.entity_id in (select id from meetings where board_id in (${ids})))
    or (audit_log.entity_type in ('agenda_item', 'item') and audit_log.entity_id in (
      select ai.id from agenda_items ai join meetings m on m.id = ai.meeting_id where m.board_id in (${ids})))
    or (audit_log.entity_type = 'question' and audit_log.entity_id in (
      select q.id from questions q join meetings m on m.id = q.meeting_id where m.board_id in (${ids})))
    or (audit_log.entity_type = 'action' and audit_log.entity_id in (select id from actions where board_id in (${ids})))
    or (audit_log.board_ids && array[${ids}]::uuid[])
  )`;
}

/** Newest first, keyset on (at, id); `at_key` is the exact timestamp as text for the cursor. */
export function listAudit(
  db: Database,
  filters: AuditFilters,
  page: { limit: number; after?: readonly [string, string] },
) {
  let query = db
    .selectFrom('audit_log')
    .leftJoin('users', 'users.id', 'audit_log.actor_user_id')
    .selectAll('audit_log')
    .select([
      // UTC with microseconds, whatever the session's DateStyle: exact, and what the cursor check accepts.
      sql<string>`to_char(audit_log.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_key'),
      // Entries written before the writer recorded names carry none: the account's current name.
      sql<string | null>`coalesce(audit_log.actor_name, users.display_name)`.as('actor_display_name'),
    ]);
  if (filters.boardIds) {
    if (!filters.boardIds.length) return Promise.resolve([]);
    query = query.where(aboutBoards(filters.boardIds));
  }
  if (filters.entityType) query = query.where('audit_log.entity_type', '=', filters.entityType);
  if (filters.entityId) query = query.where('audit_log.entity_id', '=', filters.entityId);
  if (filters.actorUserId) query = query.where('audit_log.actor_user_id', '=', filters.actorUserId);
  if (filters.from) query = query.where('audit_log.at', '>=', new Date(filters.from));
  if (filters.to) query = query.where('audit_log.at', '<', new Date(filters.to));
  if (page.after) {
    query = query.where(
      sql<SqlBool>`(audit_log.at, audit_log.id) < (${page.after[0]}::timestamptz, ${page.after[1]}::uuid)`,
    );
  }
  return query
    .orderBy('audit_log.at', 'desc')
    .orderBy('audit_log.id', 'desc')
    .limit(page.limit + 1)
    .execute();
}

/** Everyone who appears as the actor of an entry the caller may read (for the person filter), by name. */
export function listAuditActors(db: Database, boardIds: string[] | undefined) {
  if (boardIds && !boardIds.length) return Promise.resolve([]);
  let query = db
    .selectFrom('audit_log')
    .innerJoin('users', 'users.id', 'audit_log.actor_user_id')
    .select(['users.id', 'users.display_name'])
    .distinct();
  if (boardIds) query = query.where(aboutBoards(boardIds));
  return query.orderBy('users.display_name').orderBy('users.id').execute();
}
