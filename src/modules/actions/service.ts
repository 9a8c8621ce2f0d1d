import { atLeast, canAdministerBoard, canSee } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { type Actor, type Principal, requireUser } from '../../core/principal.ts';
import { assertVersion } from '../../core/version.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { decodeCursor, type Page, toPage } from '../../http/pagination.ts';
import { addDays, londonDate, todayInLondon } from '../../time/london.ts';
import { assertMeetingEditable } from '../meeting-access/guard.ts';
import * as meetings from '../questions/meeting-repo.ts';
import { toAction, toActionDetail } from './mapping.ts';
import { insertWithNextReference, referencePrefix } from './reference.ts';
import * as repo from './repo.ts';
import type { Action, ActionCreate, ActionDetail, ActionListQuery, ActionPatch } from './schemas.ts';

/** An action the actor may see, or 404: OPCC-only actions do not exist for officers, nor exempt ones for members. */
export async function requireVisibleAction(db: Database, actor: Actor, id: string, lock = false) {
  const row = await repo.findAction(db, id, { lock });
  if (!row || !canSee(actor, row.board_id, row.confidentiality)) throw new NotFound('action');
  return row;
}

export async function loadDetail(db: Database, actor: Actor, id: string): Promise<ActionDetail> {
  const row = (await repo.findAction(db, id))!;
  return toActionDetail(row, await repo.listUpdates(db, actor, id), actor, todayInLondon());
}

async function withLatestUpdates(db: Database, actor: Actor, rows: repo.ActionRow[]): Promise<Action[]> {
  const latest = await repo.latestUpdates(
    db,
    actor,
    rows.map((r) => r.id),
  );
  const today = todayInLondon();
  return rows.map((r) => toAction(r, latest.get(r.id), actor, today));
}

export function auditAction(
  db: Database,
  ctx: ServiceContext,
  user: Principal,
  action: string,
  id: string,
  before: ActionDetail | undefined,
  after: ActionDetail | undefined,
) {
  return recordAudit(db, {
    actorUserId: user.userId,
    action,
    entityType: 'action',
    entityId: id,
    before,
    after,
    requestId: ctx.requestId,
  });
}

/** The action log: filters, sort and keyset pagination; each row carries its latest update you may see. */
export async function listActions(ctx: ServiceContext, query: ActionListQuery): Promise<Page<Action>> {
  requireUser(ctx.actor);
  const after = decodeCursor(query.cursor, repo.sortCursor(query.sort));
  const rows = await repo.listActions(
    ctx.db,
    ctx.actor,
    { ...query, today: todayInLondon() },
    { sort: query.sort, limit: query.limit, ...(after ? { after } : {}) },
  );
  const page = toPage(rows, query.limit, (r) => r.sort_key);
  return { items: await withLatestUpdates(ctx.db, ctx.actor, page.items), nextCursor: page.nextCursor };
}

/**
 * Every action matching the filters (for an action-log document): walks the keyset pages so the
 * caller never handles cursors. Capped, since a board's whole history is a few thousand rows.
 */
export async function listAllActions(
  ctx: ServiceContext,
  filters: Omit<ActionListQuery, 'limit' | 'cursor'>,
  max = 10_000,
): Promise<Action[]> {
  const out: Action[] = [];
  let cursor: string | undefined;
  do {
    const page = await listActions(ctx, { ...filters, limit: 200, ...(cursor ? { cursor } : {}) });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && out.length < max);
  return out;
}

export async function getAction(ctx: ServiceContext, id: string): Promise<ActionDetail> {
  requireUser(ctx.actor);
  await requireVisibleAction(ctx.db, ctx.actor, id);
  return loadDetail(ctx.db, ctx.actor, id);
}

/** Matters arising: earlier meetings' actions still open at this meeting (or now), so every later meeting carries them. */
export async function mattersArising(ctx: ServiceContext, meetingId: string) {
  requireUser(ctx.actor);
  const meeting = await meetings.findMeetingWithBoard(ctx.db, meetingId);
  if (!meeting) throw new NotFound('meeting');
  const rows = await repo.listMattersArising(ctx.db, ctx.actor, meeting.board_id, meeting.starts_at);
  return {
    meetingId,
    meetingDate: londonDate(meeting.starts_at),
    items: await withLatestUpdates(ctx.db, ctx.actor, rows),
  };
}

async function checkOwner(db: Database, organisationId: string, personId: string | null | undefined) {
  const organisation = await repo.findOrganisation(db, organisationId);
  if (!organisation) {
    throw new BadRequest('No such organisation.', [
      { path: 'body.ownerOrganisationId', message: 'unknown organisation' },
    ]);
  }
  if (!personId) return { organisation, person: undefined };
  const person = await meetings.findPersonWithOrganisation(db, personId);
  if (!person)
    throw new BadRequest('No such person.', [{ path: 'body.ownerPersonId', message: 'unknown person' }]);
  if (person.organisation_id && person.organisation_id !== organisationId) {
    throw new BadRequest('The owner must belong to the owning organisation.', [
      { path: 'body.ownerPersonId', message: 'belongs to another organisation' },
    ]);
  }
  return { organisation, person };
}

/** An action is at least as confidential as its item and its question's item (the database holds this too). */
function checkConfidentiality(chosen: Confidentiality, floor: Confidentiality | null) {
  if (!atLeast(chosen, floor)) {
    throw new BadRequest(`An action raised under a ${floor} item cannot be ${chosen}.`, [
      { path: 'body.confidentiality', message: `at least ${floor}` },
    ]);
  }
}

/** Due at the next meeting when one is known, else four weeks after this one. */
async function defaultDueDate(db: Database, meeting: meetings.MeetingWithBoard): Promise<string> {
  if (meeting.next_meeting_date) return meeting.next_meeting_date;
  const next = await meetings.findNextMeetingStart(db, meeting.board_id, meeting.starts_at);
  return next ? londonDate(next.starts_at) : addDays(londonDate(meeting.starts_at), 28);
}

export async function createAction(
  ctx: ServiceContext,
  meetingId: string,
  input: ActionCreate,
): Promise<ActionDetail> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const meeting = await meetings.findMeetingWithBoard(db, meetingId);
    if (!meeting) throw new NotFound('meeting');
    if (!canAdministerBoard(user, meeting.board_id))
      throw new Forbidden('Only the board’s secretariat may record actions.');
    await assertMeetingEditable(db, meetingId);
    let itemId = input.itemId ?? null;
    if (input.questionId) {
      const question = await repo.findQuestionOfMeeting(db, meetingId, input.questionId);
      if (!question)
        throw new BadRequest('The question is not one of this meeting’s.', [
          { path: 'body.questionId', message: 'unknown question' },
        ]);
      if (itemId && question.item_id && question.item_id !== itemId) {
        throw new BadRequest('The question sits under another item.', [
          { path: 'body.itemId', message: 'differs from the question’s item' },
        ]);
      }
      itemId = itemId ?? question.item_id;
    }
    const item = itemId ? await meetings.findItemOfMeeting(db, meetingId, itemId) : undefined;
    if (itemId && !item)
      throw new BadRequest('The item is not on this meeting’s agenda.', [
        { path: 'body.itemId', message: 'unknown item' },
      ]);
    await checkOwner(db, input.ownerOrganisationId, input.ownerPersonId);
    const confidentiality = input.confidentiality ?? item?.confidentiality ?? 'public';
    checkConfidentiality(confidentiality, item?.confidentiality ?? null);
    const { id } = await insertWithNextReference(
      db,
      referencePrefix(meeting.board_code, meeting.starts_at, confidentiality),
      {
        board_id: meeting.board_id,
        text: input.text,
        owner_organisation_id: input.ownerOrganisationId,
        owner_person_id: input.ownerPersonId ?? null,
        meeting_id: meetingId,
        item_id: itemId,
        question_id: input.questionId ?? null,
        due_date: input.dueDate !== undefined ? input.dueDate : await defaultDueDate(db, meeting),
        confidentiality,
      },
    );
    const created = await loadDetail(db, user, id);
    await auditAction(db, ctx, user, 'action.create', id, undefined, created);
    return created;
  });
}

/** Secretariat edits: text, owner (a reassignment is logged as an update), due date, confidentiality, superseded. */
export async function updateAction(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number,
  input: ActionPatch,
): Promise<ActionDetail> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const row = await requireVisibleAction(db, user, id, true);
    if (!canAdministerBoard(user, row.board_id))
      throw new Forbidden('Only the board’s secretariat may change an action.');
    assertVersion(expectedVersion, row.version);
    // The wording and visibility are part of the notes; progress, due date and owner go on being tracked.
    if (input.text !== undefined || input.confidentiality !== undefined)
      await assertMeetingEditable(db, row.meeting_id);
    const before = await loadDetail(db, user, id);
    const patch: Parameters<typeof repo.updateAction>[2] = {};
    if (input.text !== undefined) patch.text = input.text;
    if (input.dueDate !== undefined) patch.due_date = input.dueDate;
    if (input.confidentiality !== undefined) {
      checkConfidentiality(input.confidentiality, row.confidentiality_floor);
      patch.confidentiality = input.confidentiality;
    }
    if (input.status === 'superseded' && row.status !== 'superseded') {
      if (row.status === 'closed')
        throw new Conflict('A closed action cannot be superseded; reopen it first.');
      Object.assign(patch, { status: 'superseded', closed_at: new Date(), closed_by: user.userId });
    }
    const organisationId = input.ownerOrganisationId ?? row.owner_organisation_id;
    const personId =
      input.ownerPersonId !== undefined
        ? input.ownerPersonId
        : organisationId !== row.owner_organisation_id
          ? null
          : row.owner_person_id;
    if (organisationId !== row.owner_organisation_id || personId !== row.owner_person_id) {
      const { organisation, person } = await checkOwner(db, organisationId, personId);
      patch.owner_organisation_id = organisationId;
      patch.owner_person_id = personId;
      const from = ownerLabel(row.owner_organisation_short_name, row.owner_person_name);
      const to = ownerLabel(organisation.short_name, person?.name ?? null);
      await repo.insertUpdate(db, {
        action_id: id,
        author_user_id: user.userId,
        author_name: user.displayName,
        kind: 'reassigned',
        text: `Reassigned from ${from} to ${to}.`,
        // Written by the system: published only when the secretariat chose it.
        public: input.reassignmentPublic ?? false,
      });
    }
    await repo.updateAction(db, id, patch);
    const after = await loadDetail(db, user, id);
    await auditAction(db, ctx, user, 'action.update', id, before, after);
    return after;
  });
}

function ownerLabel(organisation: string, person: string | null): string {
  return person ? `${organisation} (${person})` : organisation;
}

export async function getEvidence(ctx: ServiceContext, actionId: string, updateId: string) {
  requireUser(ctx.actor);
  await requireVisibleAction(ctx.db, ctx.actor, actionId);
  const row = await repo.findUpdateEvidence(ctx.db, ctx.actor, actionId, updateId);
  if (!row?.evidence_filename) throw new NotFound('evidence');
  return {
    filename: row.evidence_filename,
    contentType: row.content_type ?? 'application/octet-stream',
    data: Buffer.from(row.data as Uint8Array),
  };
}
