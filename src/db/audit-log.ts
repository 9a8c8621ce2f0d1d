import { sql } from 'kysely';
import type { Database } from './database.ts';

export interface AuditEntry {
  actorUserId: string | null;
  /** Defaults to the actor's display name at the time of the change, read in the same statement. */
  actorName?: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  /** Boards whose audit view must list this entry although its entity is not theirs (e.g. a directory record they print). */
  boardIds?: string[];
}

/** Appends to the audit log; call it inside the same transaction as the change it records. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_user_id: entry.actorUserId,
      // Callers pass only the user id: the name is looked up here, once for every writer, so an
      // entry keeps saying who acted even if the account is later renamed or removed.
      actor_name:
        entry.actorName ??
        (entry.actorUserId
          ? sql<string | null>`(select display_name from users where id = ${entry.actorUserId})`
          : null),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      request_id: entry.requestId ?? null,
      ...(entry.boardIds?.length ? { board_ids: entry.boardIds } : {}),
    })
    .execute();
}
