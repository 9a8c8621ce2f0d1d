import { canAdministerBoard, canSee } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { type Actor, hasRole, type Principal, requireUser } from '../../core/principal.ts';
import { assertVersion } from '../../core/version.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import { assertMeetingEditable } from '../meeting-access/guard.ts';
import { answerFromInput, bulletsFromHtml } from './answer-html.ts';
import { assertMemberQuestionsOpen } from './deadline.ts';
import * as meetings from './meeting-repo.ts';
import * as repo from './repo.ts';
import type { Question, QuestionCreate, QuestionPatch, QuestionSubmit } from './schemas.ts';

export function toQuestion(row: repo.QuestionRow, actor: Actor): Question {
  const privileged = canAdministerBoard(actor, row.board_id);
  return {
    id: row.id,
    meetingId: row.meeting_id,
    itemId: row.item_id,
    number: row.printed_number,
    position: row.position,
    source: row.source,
    text: row.text,
    askedByPersonId: row.asked_by_person_id,
    askedByPrinted: row.asked_by_printed,
    publicAskerName: privileged || row.public_name_consent ? row.public_asker_name : null,
    publicNameConsent: row.public_name_consent,
    answeredByPersonId: row.answered_by_person_id,
    answeredByPrinted: row.answered_by_printed,
    answerHtml: row.answer_html,
    answerText: row.answer_text,
    answerBullets: bulletsFromHtml(row.answer_html),
    submittedByMe: !!actor && row.submitted_by_user_id === actor.userId,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** "Deputy Police and Crime Commissioner, Wasim Ali", as the notes print who asked or answered. */
export function printedName(person: { name: string; job_title: string | null }): string {
  return person.job_title ? `${person.job_title}, ${person.name}` : person.name;
}

async function requireMeeting(db: Database, meetingId: string, lock = false) {
  const meeting = await meetings.findMeetingWithBoard(db, meetingId, { lock });
  if (!meeting) throw new NotFound('meeting');
  return meeting;
}

/**
 * A question the actor may see, or 404 (a question under an exempt item does not exist for members);
 * with `meetingId` (the URL names the meeting too), a question of another meeting is 404 as well.
 */
async function requireVisibleQuestion(
  db: Database,
  actor: Actor,
  id: string,
  opts: { lock?: boolean; meetingId?: string } = {},
) {
  const row = await repo.findQuestion(db, id, { ...opts, actor });
  if (!row || !canSee(actor, row.board_id, row.confidentiality)) throw new NotFound('question');
  return row;
}

async function checkItem(db: Database, actor: Actor, meeting: meetings.MeetingWithBoard, itemId: string) {
  const item = await meetings.findItemOfMeeting(db, meeting.id, itemId);
  if (!item || !canSee(actor, meeting.board_id, item.confidentiality)) {
    throw new BadRequest('The item is not on this meeting’s agenda.', [
      { path: 'body.itemId', message: 'unknown item' },
    ]);
  }
}

/** How the asker (or answerer) is printed: as given, else built from the directory entry; the person must exist. */
async function printedFor(
  db: Database,
  personId: string | null | undefined,
  printed: string | undefined,
  field: string,
): Promise<string> {
  if (!personId) return printed ?? '';
  const person = await meetings.findPersonWithOrganisation(db, personId);
  if (!person)
    throw new BadRequest('No such person.', [{ path: `body.${field}`, message: 'unknown person' }]);
  return printed ?? printedName(person);
}

function audit(
  db: Database,
  ctx: ServiceContext,
  user: Principal,
  action: string,
  id: string,
  before?: Question,
  after?: Question,
) {
  return recordAudit(db, {
    actorUserId: user.userId,
    action,
    entityType: 'question',
    entityId: id,
    before,
    after,
    requestId: ctx.requestId,
  });
}

export async function listQuestions(ctx: ServiceContext, meetingId: string): Promise<Question[]> {
  requireUser(ctx.actor);
  await requireMeeting(ctx.db, meetingId);
  return (await repo.listQuestionsForMeeting(ctx.db, meetingId, ctx.actor)).map((r) =>
    toQuestion(r, ctx.actor),
  );
}

/**
 * For a URL that names a meeting and a question, checked before anything about the caller: another
 * meeting's question is 404 whoever asks, not a 403 about the meeting (as requireItemOfMeeting).
 */
export async function requireQuestionOfMeeting(db: Database, meetingId: string, id: string) {
  if (!(await repo.findQuestion(db, id, { meetingId }))) throw new NotFound('question');
}

export async function getQuestion(ctx: ServiceContext, id: string): Promise<Question> {
  requireUser(ctx.actor);
  return toQuestion(await requireVisibleQuestion(ctx.db, ctx.actor, id), ctx.actor);
}

export async function createQuestion(
  ctx: ServiceContext,
  meetingId: string,
  input: QuestionCreate,
): Promise<Question> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const meeting = await requireMeeting(db, meetingId, true);
    if (!canAdministerBoard(user, meeting.board_id))
      throw new Forbidden('Only the board’s secretariat may add questions.');
    await assertMeetingEditable(db, meeting.id);
    if (input.itemId) await checkItem(db, user, meeting, input.itemId);
    const number = await numberFor(db, meetingId, input.source, input.number, undefined);
    const id = await repo.insertQuestion(db, {
      meeting_id: meetingId,
      item_id: input.itemId ?? null,
      number,
      position: await repo.nextPosition(db, meetingId),
      source: input.source,
      text: input.text,
      asked_by_person_id: input.askedByPersonId ?? null,
      asked_by_printed: await printedFor(db, input.askedByPersonId, input.askedByPrinted, 'askedByPersonId'),
      public_asker_name: publicAsker(input.source, input.publicAskerName),
      public_name_consent: input.publicNameConsent ?? false,
      answered_by_person_id: input.answeredByPersonId ?? null,
      answered_by_printed: await printedFor(
        db,
        input.answeredByPersonId,
        input.answeredByPrinted,
        'answeredByPersonId',
      ),
      ...(answerFromInput(input) ?? {}),
      submitted_by_user_id: null,
    });
    const created = toQuestion((await repo.findQuestion(db, id, { actor: user }))!, user);
    await audit(db, ctx, user, 'question.create', id, undefined, created);
    return created;
  });
}

/** Members put questions to a meeting until its question deadline. */
export async function submitQuestion(
  ctx: ServiceContext,
  meetingId: string,
  input: QuestionSubmit,
): Promise<Question> {
  const user = requireUser(ctx.actor);
  if (!hasRole(user, 'member')) throw new Forbidden('Only board members may submit questions.');
  return ctx.db.transaction().execute(async (db) => {
    const meeting = await requireMeeting(db, meetingId, true);
    assertMemberQuestionsOpen(meeting);
    await assertMeetingEditable(db, meeting.id);
    if (input.itemId) await checkItem(db, user, meeting, input.itemId);
    const person = user.personId ? await meetings.findPersonWithOrganisation(db, user.personId) : undefined;
    const id = await repo.insertQuestion(db, {
      meeting_id: meetingId,
      item_id: input.itemId ?? null,
      number: await repo.nextNumber(db, meetingId),
      position: await repo.nextPosition(db, meetingId),
      source: 'pre_submitted',
      text: input.text,
      asked_by_person_id: person?.id ?? null,
      asked_by_printed: person ? printedName(person) : user.displayName,
      submitted_by_user_id: user.userId,
    });
    const created = toQuestion((await repo.findQuestion(db, id, { actor: user }))!, user);
    await audit(db, ctx, user, 'question.submit', id, undefined, created);
    return created;
  });
}

/** `meetingId`: the meeting the URL names, whose question this must be (404 otherwise). */
export async function updateQuestion(
  ctx: ServiceContext,
  id: string,
  expectedVersion: number,
  input: QuestionPatch,
  meetingId?: string,
): Promise<Question> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const row = await requireVisibleQuestion(db, user, id, { lock: true, meetingId });
    const meeting = await requireMeeting(db, row.meeting_id);
    await assertMeetingEditable(db, row.meeting_id);
    const privileged = canAdministerBoard(user, row.board_id);
    if (!privileged) {
      assertOwnQuestion(user, row);
      const others = Object.keys(input).filter(
        (k) => k !== 'text' && input[k as keyof QuestionPatch] !== undefined,
      );
      if (others.length) throw new Forbidden('Members may change only the text of their own question.');
      assertMemberQuestionsOpen(meeting);
    }
    assertVersion(expectedVersion, row.version);
    const before = toQuestion(row, user);
    const source = input.source ?? row.source;
    if (input.itemId) await checkItem(db, user, meeting, input.itemId);
    const patch: Partial<repo.QuestionInsert> = {
      ...(input.source !== undefined ? { source: input.source } : {}),
      ...(input.itemId !== undefined ? { item_id: input.itemId } : {}),
      ...(input.text !== undefined ? { text: input.text } : {}),
      ...(input.publicNameConsent !== undefined ? { public_name_consent: input.publicNameConsent } : {}),
      ...(answerFromInput(input) ?? {}),
    };
    if (input.number !== undefined || source !== row.source) {
      const requested =
        input.number !== undefined ? input.number : source === 'pre_submitted' ? undefined : null;
      patch.number = await numberFor(db, row.meeting_id, source, requested, id);
    }
    if (input.publicAskerName !== undefined)
      patch.public_asker_name = publicAsker(source, input.publicAskerName);
    else if (source !== 'public') patch.public_asker_name = null;
    if (input.askedByPersonId !== undefined || input.askedByPrinted !== undefined) {
      const personId = input.askedByPersonId === undefined ? row.asked_by_person_id : input.askedByPersonId;
      patch.asked_by_person_id = personId;
      patch.asked_by_printed = await printedFor(db, personId, input.askedByPrinted, 'askedByPersonId');
    }
    if (input.answeredByPersonId !== undefined || input.answeredByPrinted !== undefined) {
      const personId =
        input.answeredByPersonId === undefined ? row.answered_by_person_id : input.answeredByPersonId;
      patch.answered_by_person_id = personId;
      patch.answered_by_printed = await printedFor(
        db,
        personId,
        input.answeredByPrinted,
        'answeredByPersonId',
      );
    }
    await repo.updateQuestion(db, id, patch);
    const after = toQuestion((await repo.findQuestion(db, id, { actor: user }))!, user);
    await audit(db, ctx, user, 'question.update', id, before, after);
    return after;
  });
}

/**
 * `expectedVersion` (from If-Match, or the version a confirmation page showed) is read only once the
 * caller may delete; when given, a question changed since then is not deleted (412). The numbered
 * questions left are renumbered 1..n in their order, so "Question N" has no gap. `meetingId`: the
 * meeting the URL names, whose question this must be (404 otherwise).
 */
export async function deleteQuestion(
  ctx: ServiceContext,
  id: string,
  expectedVersion: () => number | undefined = () => undefined,
  meetingId?: string,
): Promise<void> {
  const user = requireUser(ctx.actor);
  await ctx.db.transaction().execute(async (db) => {
    const found = await requireVisibleQuestion(db, user, id, { meetingId });
    // The meeting's row first, as adding and reordering take it: numbering in a meeting is serialised.
    const meeting = await requireMeeting(db, found.meeting_id, true);
    const row = await requireVisibleQuestion(db, user, id, { lock: true });
    await assertMeetingEditable(db, row.meeting_id);
    if (!canAdministerBoard(user, row.board_id)) {
      assertOwnQuestion(user, row);
      assertMemberQuestionsOpen(meeting);
    }
    const expected = expectedVersion();
    if (expected !== undefined) assertVersion(expected, row.version);
    const before = toQuestion(row, user);
    await repo.deleteQuestion(db, id);
    await audit(db, ctx, user, 'question.delete', id, before, undefined);
    await closeNumberGaps(db, ctx, user, row.meeting_id);
  });
}

/** Numbers the meeting's numbered questions 1..n in their order; only those whose number changes get a new version. */
async function closeNumberGaps(db: Database, ctx: ServiceContext, user: Principal, meetingId: string) {
  const numbered = await repo.listNumberedQuestions(db, meetingId);
  const changed = numbered
    .map((q, index) => ({ id: q.id, was: q.number, number: index + 1 }))
    .filter((q) => q.was !== q.number);
  if (!changed.length) return;
  for (const q of changed) await repo.setNumber(db, q.id, q.number);
  await recordAudit(db, {
    actorUserId: user.userId,
    action: 'question.renumber',
    entityType: 'meeting',
    entityId: meetingId,
    before: changed.map((q) => ({ id: q.id, number: q.was })),
    after: changed.map((q) => ({ id: q.id, number: q.number })),
    requestId: ctx.requestId,
  });
}

/** The secretariat's order: positions follow the list; pre-submitted questions are renumbered 1..n in it. */
export async function reorderQuestions(
  ctx: ServiceContext,
  meetingId: string,
  ids: string[],
): Promise<Question[]> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const meeting = await requireMeeting(db, meetingId, true);
    if (!canAdministerBoard(user, meeting.board_id))
      throw new Forbidden('Only the board’s secretariat may reorder questions.');
    await assertMeetingEditable(db, meeting.id);
    const existing = await repo.listQuestionIds(db, meetingId);
    const current = new Map(existing.map((q) => [q.id, q]));
    if (
      new Set(ids).size !== ids.length ||
      ids.length !== existing.length ||
      ids.some((q) => !current.has(q))
    ) {
      throw new BadRequest('questionIds must list every question of this meeting exactly once.', [
        { path: 'body.questionIds', message: 'not a permutation of the meeting’s questions' },
      ]);
    }
    const before = (await repo.listQuestionsForMeeting(db, meetingId, user)).map((r) => toQuestion(r, user));
    let n = 0;
    for (const [index, qid] of ids.entries()) {
      const was = current.get(qid)!;
      const number = was.source === 'pre_submitted' ? ++n : was.number;
      // Only questions that really move get a new version, so editors of the others see no clash.
      if (was.position !== index + 1 || was.number !== number)
        await repo.setOrder(db, qid, index + 1, number);
    }
    const after = (await repo.listQuestionsForMeeting(db, meetingId, user)).map((r) => toQuestion(r, user));
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'question.reorder',
      entityType: 'meeting',
      entityId: meetingId,
      before: before.map((q) => ({ id: q.id, number: q.number, position: q.position })),
      after: after.map((q) => ({ id: q.id, number: q.number, position: q.position })),
      requestId: ctx.requestId,
    });
    return after;
  });
}

function assertOwnQuestion(user: Principal, row: repo.QuestionRow) {
  if (row.submitted_by_user_id !== user.userId)
    throw new Forbidden('You may change only questions you submitted.');
}

function publicAsker(source: string, name: string | null | undefined): string | null {
  if (name == null || name === '') return null;
  if (source !== 'public') {
    throw new BadRequest('Only public questions have a public asker.', [
      { path: 'body.publicAskerName', message: 'only for source "public"' },
    ]);
  }
  return name;
}

/** Pre-submitted questions are numbered (the next free number unless given); others never are. */
async function numberFor(
  db: Database,
  meetingId: string,
  source: string,
  requested: number | null | undefined,
  exceptId: string | undefined,
): Promise<number | null> {
  if (source !== 'pre_submitted') {
    if (requested != null) {
      throw new BadRequest('Only pre-submitted questions are numbered.', [
        { path: 'body.number', message: 'only for source "pre_submitted"' },
      ]);
    }
    return null;
  }
  if (requested === undefined) return repo.nextNumber(db, meetingId);
  if (requested === null) return null;
  if (await repo.numberTaken(db, meetingId, requested, exceptId)) {
    throw new Conflict(`Question ${requested} already exists at this meeting.`);
  }
  return requested;
}
