import { canAdministerBoard, canSee } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { type Principal, requireUser } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';
import { assertMeetingEditable } from '../meeting-access/guard.ts';
import { findMeeting } from '../meeting-access/meeting-row.ts';
import * as repo from './repo.ts';

export type ItemWithBoard = NonNullable<Awaited<ReturnType<typeof repo.findItem>>>;

/**
 * An item the caller may not see does not exist for them: 404, exactly as for an unknown id, so
 * neither its title nor its existence leaks. Reusable by other modules (questions on an item).
 * `meetingId`, when the URL names the meeting too: an item of another meeting is 404 as well,
 * whoever asks, before any question of who may change it.
 */
export async function getItemForRead(
  ctx: ServiceContext,
  id: string,
  meetingId?: string,
): Promise<ItemWithBoard> {
  requireUser(ctx.actor);
  const item = await repo.findItem(ctx.db, id, meetingId);
  if (!item || !canSee(ctx.actor, item.board_id, item.confidentiality)) throw new NotFound('agenda item');
  return item;
}

/**
 * Admins and the board's secretariat (401, 404, 403). Every agenda write locks the meeting row
 * first, so concurrent edits, appends and reorders of one agenda queue instead of interleaving.
 * The item is read again under that lock.
 */
export async function getItemForWrite(
  ctx: ServiceContext,
  id: string,
  meetingId?: string,
): Promise<{ item: ItemWithBoard; user: Principal }> {
  const user = requireUser(ctx.actor);
  const seen = await getItemForRead(ctx, id, meetingId);
  if (!canAdministerBoard(user, seen.board_id)) throw new Forbidden();
  await findMeeting(ctx.db, seen.meeting_id, { lock: true });
  await assertMeetingEditable(ctx.db, seen.meeting_id);
  const item = await repo.findItem(ctx.db, id);
  if (!item) throw new NotFound('agenda item');
  return { item, user };
}

/** For references in a request body (forItemId, itemId): the item must exist and belong to this meeting. */
export async function requireItemOfMeeting(
  db: Database,
  meetingId: string,
  itemId: string,
): Promise<ItemWithBoard> {
  const item = await repo.findItem(db, itemId, meetingId);
  if (!item) throw new NotFound('agenda item');
  return item;
}
