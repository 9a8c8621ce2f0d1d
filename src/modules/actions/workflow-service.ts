import { canAdministerBoard, canUpdateAction } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, Forbidden } from '../../core/errors.ts';
import { requireUser } from '../../core/principal.ts';
import type { ActionUpdateKind } from '../../db/schema.ts';
import { endOfLondonDay, londonDate, todayInLondon } from '../../time/london.ts';
import { decodePdfEvidence } from './evidence.ts';
import * as repo from './repo.ts';
import type { ActionDetail, ActionUpdateInput } from './schemas.ts';
import { auditAction, loadDetail, requireVisibleAction } from './service.ts';

const finished = new Set(['closed', 'superseded']);

/**
 * Progress from the owning organisation (or the secretariat on its behalf). The first update by
 * an officer moves an open action to in_progress; closed and superseded actions take no updates
 * until reopened (409).
 */
export async function addUpdate(
  ctx: ServiceContext,
  id: string,
  input: ActionUpdateInput,
): Promise<ActionDetail> {
  const user = requireUser(ctx.actor);
  const evidence = input.evidence ? decodePdfEvidence(input.evidence) : undefined;
  return ctx.db.transaction().execute(async (db) => {
    const row = await requireVisibleAction(db, user, id, true);
    if (!canUpdateAction(user, row))
      throw new Forbidden('Only the owning organisation or the secretariat may update this action.');
    if (finished.has(row.status))
      throw new Conflict(`The action is ${row.status}; reopen it before adding updates.`);
    const before = await loadDetail(db, user, id);
    const fileId = evidence
      ? await repo.insertFile(db, {
          filename: evidence.filename,
          content_type: evidence.contentType,
          size_bytes: evidence.sizeBytes,
          sha256: evidence.sha256,
          data: evidence.data,
          uploaded_by: user.userId,
        })
      : null;
    await repo.insertUpdate(db, {
      action_id: id,
      author_user_id: user.userId,
      author_name: user.displayName,
      kind: 'update',
      text: input.text,
      evidence_file_id: fileId,
      public: input.public,
    });
    const officerUpdate = !canAdministerBoard(user, row.board_id);
    await repo.updateAction(db, id, officerUpdate && row.status === 'open' ? { status: 'in_progress' } : {});
    const after = await loadDetail(db, user, id);
    await auditAction(db, ctx, user, 'action.update_added', id, before, after);
    return after;
  });
}

/** `publish`: whether the proposal's text goes on the public website (off unless chosen). */
export async function proposeCompletion(
  ctx: ServiceContext,
  id: string,
  text: string,
  publish = false,
): Promise<ActionDetail> {
  const user = requireUser(ctx.actor);
  return transition(ctx, id, 'action.completion_proposed', async (db, row) => {
    if (!canUpdateAction(user, row))
      throw new Forbidden('Only the owning organisation may propose completion.');
    if (row.status !== 'open' && row.status !== 'in_progress') {
      throw new Conflict(`The action is ${row.status}; completion can be proposed only for open actions.`);
    }
    await logUpdate(db, id, user, 'completion_proposed', text, publish);
    await repo.updateAction(db, id, { status: 'completion_proposed' });
  });
}

/** Closing is the board's decision: its secretariat (or an admin) only. */
export async function closeAction(
  ctx: ServiceContext,
  id: string,
  input: { note: string; closedOn?: string | undefined; public?: boolean | undefined },
): Promise<ActionDetail> {
  const user = requireUser(ctx.actor);
  return transition(ctx, id, 'action.close', async (db, row) => {
    if (!canAdministerBoard(user, row.board_id))
      throw new Forbidden('Only the board’s secretariat may close actions.');
    if (row.status === 'closed') throw new Conflict('The action is already closed.');
    const now = new Date();
    let closedAt = now;
    if (input.closedOn) {
      if (input.closedOn > todayInLondon(now) || input.closedOn < londonDate(row.meeting_starts_at)) {
        throw new BadRequest('closedOn must lie between the meeting that raised the action and today.', [
          { path: 'body.closedOn', message: 'out of range' },
        ]);
      }
      const endOfDay = endOfLondonDay(input.closedOn);
      if (endOfDay < now) closedAt = endOfDay;
    }
    await logUpdate(db, id, user, 'closed', input.note, input.public ?? false);
    await repo.updateAction(db, id, {
      status: 'closed',
      closed_at: closedAt,
      closed_by: user.userId,
      closure_note: input.note,
    });
  });
}

/** Reopening (a closed or superseded action, or a rejected proposal of completion): back to work. */
export async function reopenAction(
  ctx: ServiceContext,
  id: string,
  note: string,
  publish = false,
): Promise<ActionDetail> {
  const user = requireUser(ctx.actor);
  return transition(ctx, id, 'action.reopen', async (db, row) => {
    if (!canAdministerBoard(user, row.board_id))
      throw new Forbidden('Only the board’s secretariat may reopen actions.');
    if (!finished.has(row.status) && row.status !== 'completion_proposed') {
      throw new Conflict(
        `The action is ${row.status}; only closed, superseded or proposed-complete actions can be reopened.`,
      );
    }
    const status = (await repo.hasProgressUpdates(db, id)) ? 'in_progress' : 'open';
    await logUpdate(db, id, user, 'reopened', note, publish);
    await repo.updateAction(db, id, { status, closed_at: null, closed_by: null, closure_note: null });
  });
}

async function transition(
  ctx: ServiceContext,
  id: string,
  auditName: string,
  change: (db: ServiceContext['db'], row: repo.ActionRow) => Promise<void>,
): Promise<ActionDetail> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const row = await requireVisibleAction(db, user, id, true);
    const before = await loadDetail(db, user, id);
    await change(db, row);
    const after = await loadDetail(db, user, id);
    await auditAction(db, ctx, user, auditName, id, before, after);
    return after;
  });
}

function logUpdate(
  db: ServiceContext['db'],
  id: string,
  user: { userId: string; displayName: string },
  kind: ActionUpdateKind,
  text: string,
  publish: boolean,
) {
  return repo.insertUpdate(db, {
    action_id: id,
    author_user_id: user.userId,
    author_name: user.displayName,
    kind,
    text,
    public: publish,
  });
}
