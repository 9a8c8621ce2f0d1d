import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, NotFound } from '../../core/errors.ts';
import type { Actor } from '../../core/principal.ts';
import { assertVersion } from '../../core/version.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import type { Presenter } from '../../db/schema.ts';
import { richTextToPlain, sanitizeRichText } from '../../rich-text/sanitize.ts';
import { getMeetingForContentEdit, getMeetingForRead } from '../meeting-access/meeting-access.ts';
import { getItemForRead, getItemForWrite } from './item-access.ts';
import * as papersRepo from './papers-repo.ts';
import * as repo from './repo.ts';
import type { AgendaItem, ItemInput, ItemPatch } from './schemas.ts';
import { visibleAgenda } from './visible-items.ts';

/** What the audit log keeps of an item. */
function auditRecord(row: repo.ItemRow) {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    position: row.position,
    title: row.title,
    kind: row.kind,
    presenters: row.presenters,
    bodyHtml: row.body_html,
    confidentiality: row.confidentiality,
    exemptReason: row.exempt_reason,
    version: row.version,
  };
}

/** The item as this caller sees it, numbered within the agenda they can see. */
async function itemAsSeen(db: Database, actor: Actor, meeting: { id: string; boardId: string }, id: string) {
  const item = (await visibleAgenda(db, actor, meeting)).find((i) => i.id === id);
  if (!item) throw new NotFound('agenda item');
  return item;
}

async function checkPresenters(db: Database, presenters: Presenter[]): Promise<void> {
  const ids = [...new Set(presenters.map((p) => p.personId).filter((id): id is string => id !== null))];
  const found = await repo.personIdsThatExist(db, ids);
  if (found.length !== ids.length) throw new NotFound('person');
}

/** Exempt items must say why (the exemption paragraph); other items carry no reason. */
function exemptReasonFor(
  confidentiality: ItemInput['confidentiality'],
  reason: string | null,
): string | null {
  if (confidentiality !== 'exempt') return null;
  if (!reason) {
    throw new BadRequest('An exempt item needs an exemptReason.', [
      { path: 'body.exemptReason', message: 'required' },
    ]);
  }
  return reason;
}

/** Sanitised on the way in; the plain twin feeds search and stays in step with the HTML. */
function body(html: string) {
  const clean = sanitizeRichText(html);
  return { body_html: clean, body_text: richTextToPlain(clean) };
}

export async function listAgenda(ctx: ServiceContext, meetingId: string): Promise<AgendaItem[]> {
  const meeting = await getMeetingForRead(ctx, meetingId);
  return visibleAgenda(ctx.db, ctx.actor, meeting);
}

export async function getItem(ctx: ServiceContext, id: string): Promise<AgendaItem> {
  const item = await getItemForRead(ctx, id);
  return itemAsSeen(ctx.db, ctx.actor, { id: item.meeting_id, boardId: item.board_id }, id);
}

export async function createItem(
  ctx: ServiceContext,
  meetingId: string,
  input: ItemInput,
): Promise<AgendaItem> {
  return ctx.db.transaction().execute(async (db) => {
    const meeting = await getMeetingForContentEdit({ ...ctx, db }, meetingId);
    await checkPresenters(db, input.presenters);
    const id = await repo.insertItem(db, meetingId, await repo.nextPosition(db, meetingId), {
      title: input.title,
      kind: input.kind,
      presenters: input.presenters,
      ...body(input.bodyHtml),
      confidentiality: input.confidentiality,
      exempt_reason: exemptReasonFor(input.confidentiality, input.exemptReason),
    });
    const row = (await repo.findItem(db, id))!;
    await recordAudit(db, {
      actorUserId: meeting.user.userId,
      action: 'agenda_item.create',
      entityType: 'agenda_item',
      entityId: id,
      after: auditRecord(row),
      requestId: ctx.requestId,
    });
    return itemAsSeen(db, ctx.actor, meeting, id);
  });
}

/**
 * `expectedVersion` reads If-Match, only once the caller is known to be allowed to write.
 * `meetingId`: the meeting the URL names, whose item this must be (404 otherwise).
 */
export async function updateItem(
  ctx: ServiceContext,
  id: string,
  expectedVersion: () => number,
  input: ItemPatch,
  meetingId?: string,
): Promise<AgendaItem> {
  return ctx.db.transaction().execute(async (db) => {
    const { item: before, user } = await getItemForWrite({ ...ctx, db }, id, meetingId);
    assertVersion(expectedVersion(), before.version);
    if (input.presenters) await checkPresenters(db, input.presenters);
    const confidentiality = input.confidentiality ?? before.confidentiality;
    // A published decision printed this item's title: it is public record, and stays so.
    if (
      confidentiality !== 'public' &&
      before.confidentiality === 'public' &&
      (await repo.namedByPublishedDecision(db, id))
    )
      throw new Conflict(
        'A published decision names this item, so its title is already public: it cannot be made exempt or OPCC-only.',
      );
    const reason = input.exemptReason === undefined ? before.exempt_reason : input.exemptReason;
    await repo.updateItem(db, id, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.kind !== undefined ? { kind: input.kind } : {}),
      ...(input.presenters !== undefined ? { presenters: input.presenters } : {}),
      ...(input.bodyHtml !== undefined ? body(input.bodyHtml) : {}),
      confidentiality,
      exempt_reason: exemptReasonFor(confidentiality, reason),
    });
    const after = (await repo.findItem(db, id))!;
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'agenda_item.update',
      entityType: 'agenda_item',
      entityId: id,
      before: auditRecord(before),
      after: auditRecord(after),
      requestId: ctx.requestId,
    });
    return itemAsSeen(db, ctx.actor, { id: after.meeting_id, boardId: after.board_id }, id);
  });
}

/**
 * Removes the item and its papers' files; the remaining items close up to 1..n. `meetingId`: the
 * meeting the URL names, whose item this must be (404 otherwise).
 */
export async function deleteItem(ctx: ServiceContext, id: string, meetingId?: string): Promise<void> {
  await ctx.db.transaction().execute(async (db) => {
    const { item, user } = await getItemForWrite({ ...ctx, db }, id, meetingId);
    const fileIds = (await papersRepo.fileIdsOfItem(db, id)).map((f) => f.file_id);
    await repo.deleteItem(db, id);
    await papersRepo.deleteFiles(db, fileIds);
    await repo.setPositions(
      db,
      (await repo.listItems(db, item.meeting_id)).map((r) => r.id),
    );
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'agenda_item.delete',
      entityType: 'agenda_item',
      entityId: id,
      before: auditRecord(item),
      requestId: ctx.requestId,
    });
  });
}

/** The new order must name every item of the meeting exactly once: nothing dropped, nothing foreign. */
export async function reorderAgenda(
  ctx: ServiceContext,
  meetingId: string,
  itemIds: string[],
): Promise<AgendaItem[]> {
  return ctx.db.transaction().execute(async (db) => {
    const meeting = await getMeetingForContentEdit({ ...ctx, db }, meetingId);
    const current = (await repo.listItems(db, meetingId)).map((r) => r.id);
    const wanted = new Set(itemIds);
    if (current.length !== itemIds.length || current.some((id) => !wanted.has(id))) {
      throw new Conflict(`itemIds must list each of this meeting's ${current.length} items exactly once.`);
    }
    await repo.setPositions(db, itemIds);
    await recordAudit(db, {
      actorUserId: meeting.user.userId,
      action: 'agenda.reorder',
      entityType: 'meeting',
      entityId: meetingId,
      before: { itemIds: current },
      after: { itemIds },
      requestId: ctx.requestId,
    });
    return visibleAgenda(db, ctx.actor, meeting);
  });
}
