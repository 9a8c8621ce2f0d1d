import type { Database } from './database.ts';

export interface AuditEntry {
  actorUserId: string | null;
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
      actor_name: entry.actorName ?? null,
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
