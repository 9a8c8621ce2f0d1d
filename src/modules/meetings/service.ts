import { z } from 'zod';
import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { requireRole, requireUser } from '../../core/principal.ts';
import { assertVersion } from '../../core/version.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import type { MeetingStatus } from '../../db/schema.ts';
import { cursorValue, decodeCursor, type Page, toPage } from '../../http/pagination.ts';
import { addDays, fromLondon, startOfLondonDay, toLondon } from '../../time/london.ts';
import * as agendaRepo from '../agenda/repo.ts';
import { findBoard } from '../boards/repo.ts';
import { assertStatusNotManagedByPublication } from '../meeting-access/guard.ts';
import {
  getMeetingForContentEdit,
  getMeetingForRead,
  getMeetingForWrite,
} from '../meeting-access/meeting-access.ts';
import { findMeeting, type MeetingRow } from '../meeting-access/meeting-row.ts';
import { buildMeetingDetail, toListEntry } from './detail.ts';
import * as repo from './repo.ts';
import type {
  MeetingDetail,
  MeetingInput,
  MeetingListEntry,
  MeetingListQuery,
  MeetingPatch,
} from './schemas.ts';
import { allowedNext, canMoveTo } from './status.ts';

function startInstant(date: string, time: string): Date {
  const instant = fromLondon(date, time);
  if (!instant) {
    throw new BadRequest(`${time} on ${date} does not exist in London (the clocks go forward).`, [
      { path: 'body.startTime', message: 'not a London time on that date' },
    ]);
  }
  return instant;
}

/** The same London wall-clock time `days` calendar days before the start (so BST changes do not shift it). */
function defaultQuestionDeadline(date: string, time: string, days: number): Date {
  const start = fromLondon(date, time)!;
  return fromLondon(addDays(date, -days), time) ?? new Date(start.getTime() - days * 86_400_000);
}

/** What the audit log keeps of a meeting row. */
function auditRecord(row: MeetingRow) {
  return {
    id: row.id,
    boardId: row.board_id,
    startsAt: row.starts_at,
    location: row.location,
    online: row.online,
    status: row.status,
    summary: row.summary,
    questionDeadline: row.question_deadline,
    nextMeetingDate: row.next_meeting_date,
    version: row.version,
  };
}

/** The list's cursor is (start, id) of the last row seen; anything else was not made by this API. */
const cursorShape = z.tuple([z.iso.datetime().pipe(cursorValue.instant), cursorValue.uuid]);
function meetingCursor(cursor: string | undefined): { startsAt: Date; id: string } | undefined {
  const values = decodeCursor(cursor, cursorShape);
  return values && { startsAt: new Date(values[0]), id: values[1] };
}

async function detailOf(ctx: ServiceContext, db: Database, id: string): Promise<MeetingDetail> {
  return buildMeetingDetail(db, ctx.actor, (await findMeeting(db, id))!);
}

export async function getMeeting(ctx: ServiceContext, id: string): Promise<MeetingDetail> {
  const meeting = await getMeetingForRead(ctx, id);
  return buildMeetingDetail(ctx.db, ctx.actor, meeting.row);
}

export async function listMeetings(
  ctx: ServiceContext,
  query: MeetingListQuery,
): Promise<Page<MeetingListEntry>> {
  requireUser(ctx.actor);
  const after = meetingCursor(query.cursor);
  const rows = await repo.listMeetings(ctx.db, {
    boardId: query.boardId,
    status: query.status,
    from: query.from ? startOfLondonDay(query.from) : undefined,
    before: query.to ? startOfLondonDay(addDays(query.to, 1)) : undefined,
    after,
    limit: query.limit,
  });
  const page = toPage(rows, query.limit, (r) => [r.starts_at.toISOString(), r.id]);
  return { items: page.items.map(toListEntry), nextCursor: page.nextCursor };
}

/** Creates the meeting and its agenda from the board's standing items, in one transaction. */
export async function createMeeting(ctx: ServiceContext, input: MeetingInput): Promise<MeetingDetail> {
  const user = requireRole(ctx.actor, 'admin', 'secretariat');
  return ctx.db.transaction().execute(async (db) => {
    const board = await findBoard(db, input.boardId);
    if (!board) throw new NotFound('board');
    if (!canAdministerBoard(user, board.id)) throw new Forbidden();
    const startsAt = startInstant(input.date, input.startTime);
    const id = await repo.insertMeeting(db, {
      board_id: board.id,
      starts_at: startsAt,
      location: input.location,
      online: input.online,
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      question_deadline:
        input.questionDeadline === undefined
          ? defaultQuestionDeadline(input.date, input.startTime, board.question_deadline_days)
          : input.questionDeadline,
      next_meeting_date: input.nextMeetingDate,
    });
    for (const [index, standing] of board.standing_items.entries()) {
      await agendaRepo.insertItem(db, id, index + 1, {
        title: standing.title,
        kind: standing.kind,
        presenters: [],
        body_html: '',
        body_text: '',
        confidentiality: 'public',
        exempt_reason: null,
      });
    }
    const row = (await findMeeting(db, id))!;
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'meeting.create',
      entityType: 'meeting',
      entityId: id,
      after: { ...auditRecord(row), agenda: board.standing_items },
      requestId: ctx.requestId,
    });
    return buildMeetingDetail(db, ctx.actor, row);
  });
}

/**
 * `expectedVersion` reads If-Match; it is called only once the caller is known to be allowed,
 * so a stranger learns nothing from a 428 or 412.
 */
export async function updateMeeting(
  ctx: ServiceContext,
  id: string,
  expectedVersion: () => number,
  input: MeetingPatch,
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (db) => {
    const { row: before, user } = await getMeetingForContentEdit({ ...ctx, db }, id);
    assertVersion(expectedVersion(), before.version);
    const was = toLondon(before.starts_at);
    const date = input.date ?? was.date;
    const time = input.startTime ?? was.time;
    const startsAt = startInstant(date, time);
    const location = input.location ?? before.location;
    const online = input.online ?? before.online;
    if (!online && location === '') {
      throw new BadRequest('A meeting needs a location or to be online.', [
        { path: 'body.location', message: 'required' },
      ]);
    }
    let questionDeadline = input.questionDeadline;
    const moved = startsAt.getTime() !== before.starts_at.getTime();
    // A deadline that was the board's default follows the meeting when it moves; one set by hand stays.
    if (questionDeadline === undefined && moved && before.question_deadline) {
      const days = before.board_question_deadline_days;
      if (
        before.question_deadline.getTime() === defaultQuestionDeadline(was.date, was.time, days).getTime()
      ) {
        questionDeadline = defaultQuestionDeadline(date, time, days);
      }
    }
    await repo.updateMeeting(db, id, {
      starts_at: startsAt,
      location,
      online,
      ...(input.summary !== undefined ? { summary: input.summary } : {}),
      ...(input.nextMeetingDate !== undefined ? { next_meeting_date: input.nextMeetingDate } : {}),
      ...(questionDeadline !== undefined ? { question_deadline: questionDeadline } : {}),
    });
    const after = (await findMeeting(db, id))!;
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'meeting.update',
      entityType: 'meeting',
      entityId: id,
      before: auditRecord(before),
      after: auditRecord(after),
      requestId: ctx.requestId,
    });
    return buildMeetingDetail(db, ctx.actor, after);
  });
}

/** One step along the meeting's life (see status.ts); anything else is 409. If-Match is optional here. */
export async function changeStatus(
  ctx: ServiceContext,
  id: string,
  status: MeetingStatus,
  expectedVersion: () => number | undefined,
): Promise<MeetingDetail> {
  return ctx.db.transaction().execute(async (db) => {
    const { row: before, user } = await getMeetingForWrite({ ...ctx, db }, id, { lock: true });
    const expected = expectedVersion();
    if (expected !== undefined) assertVersion(expected, before.version);
    // Approved and published mean a frozen version exists: only the notes workflow sets them.
    assertStatusNotManagedByPublication(status);
    if (!canMoveTo(before.status, status)) {
      const options = allowedNext(before.status);
      throw new Conflict(
        `A ${before.status} meeting cannot become ${status}` +
          (options.length ? `; it can become ${options.join(' or ')}.` : '; its status is final.'),
      );
    }
    await repo.updateMeeting(db, id, { status });
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'meeting.status',
      entityType: 'meeting',
      entityId: id,
      before: { status: before.status, version: before.version },
      after: { status, version: before.version + 1 },
      requestId: ctx.requestId,
    });
    return detailOf(ctx, db, id);
  });
}
