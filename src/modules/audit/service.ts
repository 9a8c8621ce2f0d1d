import { z } from 'zod';
import type { ServiceContext } from '../../context.ts';
import { isAdmin, requireRole } from '../../core/principal.ts';
import { cursorValue, decodeCursor, type Page, toPage } from '../../http/pagination.ts';
import { listAudit } from './list-repo.ts';
import type { AuditEntryView, AuditQuery } from './schemas.ts';

/** Newest first by (at, id): the timestamp as PostgreSQL prints it, then the row id. */
const auditCursor = z.tuple([cursorValue.instant, cursorValue.uuid]);

/**
 * The audit log for admins (everything) and secretariat users (entries about the boards they
 * administer, and nothing that cannot be tied to one of them).
 */
export async function listAuditEntries(
  ctx: ServiceContext,
  query: AuditQuery,
): Promise<Page<AuditEntryView>> {
  const user = requireRole(ctx.actor, 'admin', 'secretariat');
  const after = decodeCursor(query.cursor, auditCursor);
  const rows = await listAudit(
    ctx.db,
    {
      ...query,
      ...(isAdmin(user) ? {} : { boardIds: user.secretariatBoardIds }),
    },
    { limit: query.limit, ...(after ? { after } : {}) },
  );
  const page = toPage(rows, query.limit, (r) => [r.at_key, r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    })),
  };
}
