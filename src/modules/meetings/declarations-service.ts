import type { ServiceContext } from '../../context.ts';
import { NotFound } from '../../core/errors.ts';
import { requireUser } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { requireItemOfMeeting } from '../agenda/item-access.ts';
import { getMeetingForContentEdit, getMeetingForRead } from '../meeting-access/meeting-access.ts';
import { findPerson } from '../people/repo.ts';
import * as repo from './declarations-repo.ts';
import type { Declaration, DeclarationInput } from './declarations-schemas.ts';

function toDeclaration(row: repo.DeclarationRow): Declaration {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    personId: row.person_id,
    personName: row.person_name,
    itemId: row.item_id,
    interest: row.interest,
    createdAt: row.created_at,
  };
}

/** A declaration about a hidden item would reveal that item: such declarations are left out. */
export function visibleDeclarations(rows: repo.DeclarationRow[], visible: Confidentiality[]): Declaration[] {
  return rows
    .filter((r) => r.item_confidentiality === null || visible.includes(r.item_confidentiality))
    .map(toDeclaration);
}

export async function listDeclarations(ctx: ServiceContext, meetingId: string): Promise<Declaration[]> {
  const meeting = await getMeetingForRead(ctx, meetingId);
  return visibleDeclarations(await repo.listDeclarations(ctx.db, meetingId), meeting.visible);
}

export async function addDeclaration(
  ctx: ServiceContext,
  meetingId: string,
  input: DeclarationInput,
): Promise<Declaration> {
  return ctx.db.transaction().execute(async (db) => {
    const { user } = await getMeetingForContentEdit({ ...ctx, db }, meetingId);
    if (!(await findPerson(db, input.personId))) throw new NotFound('person');
    if (input.itemId) await requireItemOfMeeting(db, meetingId, input.itemId);
    const id = await repo.insertDeclaration(db, {
      meeting_id: meetingId,
      person_id: input.personId,
      item_id: input.itemId,
      interest: input.interest,
    });
    const declaration = toDeclaration((await repo.findDeclaration(db, id))!);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'declaration.create',
      entityType: 'declaration',
      entityId: id,
      after: declaration,
      requestId: ctx.requestId,
    });
    return declaration;
  });
}

export async function removeDeclaration(ctx: ServiceContext, id: string): Promise<void> {
  requireUser(ctx.actor);
  await ctx.db.transaction().execute(async (db) => {
    const row = await repo.findDeclaration(db, id);
    if (!row) throw new NotFound('declaration');
    const { user } = await getMeetingForContentEdit({ ...ctx, db }, row.meeting_id);
    await repo.deleteDeclaration(db, id);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'declaration.delete',
      entityType: 'declaration',
      entityId: id,
      before: toDeclaration(row),
      requestId: ctx.requestId,
    });
  });
}
