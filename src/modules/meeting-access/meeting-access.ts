import { canAdministerBoard, visibleConfidentialities } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Forbidden, NotFound } from '../../core/errors.ts';
import { type Principal, requireUser } from '../../core/principal.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { assertMeetingEditable } from './guard.ts';
import * as repo from './meeting-row.ts';

/**
 * The checks other modules (questions, actions) reuse: "may this caller read / change this
 * meeting?". Pass `{ ...ctx, db: trx }` to run them inside your own transaction.
 */
export interface MeetingForRead {
  id: string;
  boardId: string;
  status: repo.MeetingRow['status'];
  startsAt: Date;
  /** What the caller may see of this meeting's content (items, papers, questions, actions). */
  visible: Confidentiality[];
  row: repo.MeetingRow;
}

/** Any signed-in user may read a meeting (its confidential content is filtered separately). 401, 404. */
export async function getMeetingForRead(
  ctx: ServiceContext,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<MeetingForRead> {
  requireUser(ctx.actor);
  const row = await repo.findMeeting(ctx.db, id, opts);
  if (!row) throw new NotFound('meeting');
  return {
    id: row.id,
    boardId: row.board_id,
    status: row.status,
    startsAt: row.starts_at,
    visible: visibleConfidentialities(ctx.actor, row.board_id),
    row,
  };
}

/** Admins and this board's secretariat. 401, 404, then 403 (a meeting's existence is not secret). */
export async function getMeetingForWrite(
  ctx: ServiceContext,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<MeetingForRead & { user: Principal }> {
  const user = requireUser(ctx.actor);
  const meeting = await getMeetingForRead(ctx, id, opts);
  if (!canAdministerBoard(user, meeting.boardId)) throw new Forbidden();
  return { ...meeting, user };
}

/**
 * For writes that change what the notes record (agenda, attendance, declarations, meeting details):
 * the meeting row locked, the caller its board's secretariat, and the notes not frozen by approval or
 * publication (409 until a correction is opened).
 */
export async function getMeetingForContentEdit(
  ctx: ServiceContext,
  id: string,
): Promise<MeetingForRead & { user: Principal }> {
  const meeting = await getMeetingForWrite(ctx, id, { lock: true });
  await assertMeetingEditable(ctx.db, meeting.id);
  return meeting;
}
