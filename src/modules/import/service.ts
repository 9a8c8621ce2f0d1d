import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Forbidden, NotFound, UnprocessableContent } from '../../core/errors.ts';
import { requireUser } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import type { Presenter } from '../../db/schema.ts';
import { bulletsToHtml, richTextToPlain, sanitizeRichText } from '../../rich-text/sanitize.ts';
import { addDays, fromLondon } from '../../time/london.ts';
import { insertWithNextReference, referencePrefix } from '../actions/reference.ts';
import { findBoard } from '../boards/repo.ts';
import { introHtml } from './body-intro.ts';
import { parseNotes } from './parse-notes.ts';
import * as repo from './repo.ts';
import type { ParsedItem, ParsedNotes } from './schema.ts';
import type { ImportNotesInput, ImportResult } from './schemas.ts';

const defaultTitles: Record<ParsedItem['kind'], string> = {
  attendance: 'Attendees and apologies',
  previous_notes: 'Notes of last meeting',
  update: 'Update',
  questions: 'Questions from members',
  report: 'Report',
  declarations: 'Declarations of interest',
  matters_arising: 'Matters arising',
  exclusion: 'Exclusion of the press and public',
  aob: 'Any other business',
  close: 'Close',
  other: 'Item',
};

/**
 * Turns notes like the reference file into a meeting with attendance, items, questions and actions,
 * in one transaction. Whatever cannot be placed is reported with its line number, never guessed.
 */
export async function importNotes(
  ctx: ServiceContext,
  boardId: string,
  input: ImportNotesInput,
): Promise<ImportResult> {
  const user = requireUser(ctx.actor);
  const board = await findBoard(ctx.db, boardId);
  if (!board) throw new NotFound('board');
  if (!canAdministerBoard(user, board.id))
    throw new Forbidden('Only the board’s secretariat can import notes.');

  const parsed = parseNotes(input.text);
  if (!parsed.meetingDate) {
    throw new UnprocessableContent(
      'The notes have no meeting date line (e.g. "Tuesday 24 March 2026"); nothing was imported.',
    );
  }
  const startsAt = fromLondon(parsed.meetingDate, input.startTime);
  if (!startsAt)
    throw new UnprocessableContent(`${input.startTime} does not exist on ${parsed.meetingDate} in London.`);

  const unplaced = [...parsed.unplaced];
  for (const item of parsed.items) {
    for (const action of item.actions) {
      if (!action.ownerOrganisation) {
        unplaced.push({
          line: action.line,
          text: action.text,
          reason: 'action names no owner organisation; not imported',
        });
      }
    }
  }
  const base = {
    meetingDate: parsed.meetingDate,
    dryRun: input.dryRun,
    counts: countsOf(parsed),
    unplaced,
    warnings: parsed.warnings,
  };
  if (input.dryRun) {
    return { ...base, meetingId: null, actions: listedActions(parsed, () => null) };
  }

  return ctx.db.transaction().execute(async (db) => {
    const meetingId = await repo.insertMeeting(db, {
      boardId: board.id,
      startsAt,
      location: input.location,
      summary: parsed.summary,
      nextMeetingDate: parsed.nextMeetingDate,
    });
    await importAttendance(db, meetingId, parsed);
    const references = await importItems(db, { board, meetingId, startsAt, parsed });
    const result = {
      ...base,
      meetingId,
      actions: listedActions(parsed, (line) => references.get(line) ?? null),
    };
    await recordAudit(db, {
      actorUserId: user.userId,
      actorName: user.displayName,
      action: 'meeting.import_notes',
      entityType: 'meeting',
      entityId: meetingId,
      after: { ...result.counts, unplaced: unplaced.length },
      requestId: ctx.requestId,
    });
    return result;
  });
}

function countsOf(parsed: ParsedNotes): ImportResult['counts'] {
  const questions = parsed.items.flatMap((i) => i.questions);
  return {
    present: parsed.attendance.present.length,
    apologies: parsed.attendance.apologies.length,
    items: parsed.items.length,
    questions: questions.length,
    preSubmittedQuestions: questions.filter((q) => q.preSubmitted).length,
    actions: parsed.items.flatMap((i) => i.actions).filter((a) => a.ownerOrganisation).length,
  };
}

function listedActions(
  parsed: ParsedNotes,
  referenceAt: (line: number) => string | null,
): ImportResult['actions'] {
  return parsed.items.flatMap((i) =>
    i.actions
      .filter((a) => a.ownerOrganisation)
      .map((a) => ({ reference: referenceAt(a.line), text: a.text, owner: a.ownerOrganisation })),
  );
}

async function personFor(db: Database, name: string, role: string | null, organisation: string | null) {
  const organisationId = organisation ? await repo.findOrCreateOrganisation(db, organisation) : null;
  return repo.findOrCreatePerson(db, { name, jobTitle: role, organisationId });
}

async function importAttendance(db: Database, meetingId: string, parsed: ParsedNotes) {
  const rows = [];
  let position = 0;
  for (const [status, people] of [
    ['present', parsed.attendance.present],
    ['apologies', parsed.attendance.apologies],
  ] as const) {
    for (const a of people) {
      const personId = await personFor(db, a.name, a.role, a.organisation);
      rows.push({
        meetingId,
        personId,
        role: a.role ?? '',
        organisation: a.organisation,
        status,
        position: position++,
      });
    }
  }
  await repo.insertAttendance(db, rows);
}

async function importItems(
  db: Database,
  ctx: { board: { id: string; code: string }; meetingId: string; startsAt: Date; parsed: ParsedNotes },
): Promise<Map<number, string>> {
  const references = new Map<number, string>();
  const dueDate = ctx.parsed.nextMeetingDate ?? addDays(ctx.parsed.meetingDate!, 28);
  let position = 0;
  for (const item of ctx.parsed.items) {
    const presenters: Presenter[] = [];
    for (const p of item.presenters) {
      presenters.push({ personId: await personFor(db, p.name, p.role, null), printed: p.asPrinted });
    }
    const bodyHtml = sanitizeRichText(introHtml(item));
    const itemId = await repo.insertItem(db, {
      meetingId: ctx.meetingId,
      position: position++,
      title: item.title ?? defaultTitles[item.kind],
      kind: item.kind,
      presenters,
      bodyHtml,
      bodyText: richTextToPlain(bodyHtml),
    });
    const questionIds: { line: number; id: string }[] = [];
    let questionPosition = 0;
    for (const q of item.questions) {
      const askedBy = q.askedBy ? await personFor(db, q.askedBy.name, q.askedBy.role, null) : null;
      const id = await repo.insertQuestion(db, {
        meetingId: ctx.meetingId,
        itemId,
        number: q.number,
        position: questionPosition++,
        source: q.preSubmitted ? 'pre_submitted' : 'in_meeting',
        text: q.text,
        askedByPersonId: askedBy,
        askedByPrinted: q.askedBy?.asPrinted ?? '',
        answerHtml: bulletsToHtml(q.answerBullets),
        answerText: q.answerBullets.join('\n'),
      });
      questionIds.push({ line: q.line, id });
    }
    for (const action of item.actions) {
      if (!action.ownerOrganisation) continue;
      // An action belongs to the question it follows in the notes.
      const question = questionIds.filter((q) => q.line < action.line).at(-1);
      const { reference } = await insertWithNextReference(db, referencePrefix(ctx.board.code, ctx.startsAt), {
        board_id: ctx.board.id,
        text: action.text,
        owner_organisation_id: await repo.findOrCreateOrganisation(db, action.ownerOrganisation),
        owner_person_id: null,
        meeting_id: ctx.meetingId,
        item_id: itemId,
        question_id: question?.id ?? null,
        due_date: dueDate,
      });
      references.set(action.line, reference);
    }
  }
  return references;
}
