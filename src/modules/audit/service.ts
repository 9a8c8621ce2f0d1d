import { z } from 'zod';
import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Forbidden } from '../../core/errors.ts';
import { isAdmin, type Principal, requireRole } from '../../core/principal.ts';
import { cursorValue, decodeCursor, type Page, toPage } from '../../http/pagination.ts';
import { listAudit, listAuditActors } from './list-repo.ts';
import type { AuditActor, AuditEntryView, AuditQuery } from './schemas.ts';

/** Newest first by (at, id): the timestamp as PostgreSQL prints it, then the row id. */
const auditCursor = z.tuple([cursorValue.instant, cursorValue.uuid]);

/**
 * The boards whose entries the caller reads: undefined for an admin with no board asked for
 * (everything); the one board asked for if the caller administers it; else the secretariat's boards.
 */
function readableBoards(user: Principal, boardId: string | undefined): string[] | undefined {
  if (boardId) {
    if (!canAdministerBoard(user, boardId)) throw new Forbidden('You are not the secretariat of this board.');
    return [boardId];
  }
  return isAdmin(user) ? undefined : user.secretariatBoardIds;
}

/** The people who acted in the entries the caller may read, for a "who" filter. */
export async function listAuditPeople(ctx: ServiceContext): Promise<AuditActor[]> {
  const user = requireRole(ctx.actor, 'admin', 'secretariat');
  const rows = await listAuditActors(ctx.db, readableBoards(user, undefined));
  return rows.map((r) => ({ id: r.id, name: r.display_name }));
}

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
  const boardIds = readableBoards(user, query.boardId);
  const rows = await listAudit(
    ctx.db,
    { ...query, ...(boardIds ? { boardIds } : {}) },
    { limit: query.limit, ...(after ? { after } : {}) },
  );
  const page = toPage(rows, query.limit, (r) => [r.at_key, r.id]);
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((r) => ({
      id: r.id,
      at: r.at,
      actorUserId: r.actor_user_id,
      actorName: r.actor_display_name,
      action: r.action,
      entityType: r.entity_type,
      entityId: r.entity_id,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
    })),
  };
}
