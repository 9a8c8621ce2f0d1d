import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, NotFound } from '../../core/errors.ts';
import { requireUser } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { requireItemOfMeeting } from '../agenda/item-access.ts';
import { getMeetingForContentEdit, getMeetingForRead } from '../meeting-access/meeting-access.ts';
import { findPerson } from '../people/repo.ts';
import * as repo from './attendance-repo.ts';
import type { AttendanceEntry, AttendanceInput, AttendanceReplace } from './attendance-schemas.ts';

function toEntry(row: repo.AttendanceRow): AttendanceEntry {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    personId: row.person_id,
    name: row.name,
    role: row.role,
    organisation: row.organisation,
    status: row.status,
    forItemId: row.for_item_id,
  };
}

/** Someone in attendance only for a hidden item would reveal that item: such entries are left out. */
export function visibleEntries(rows: repo.AttendanceRow[], visible: Confidentiality[]): AttendanceEntry[] {
  return rows
    .filter((r) => r.for_item_confidentiality === null || visible.includes(r.for_item_confidentiality))
    .map(toEntry);
}

export async function listAttendance(ctx: ServiceContext, meetingId: string): Promise<AttendanceEntry[]> {
  const meeting = await getMeetingForRead(ctx, meetingId);
  return visibleEntries(await repo.listAttendance(ctx.db, meetingId), meeting.visible);
}

/** Printed role and organisation default from the directory; forItemId must be an item of this meeting. */
async function resolveValues(
  db: Database,
  meetingId: string,
  personId: string,
  input: AttendanceReplace,
): Promise<repo.EntryValues> {
  const person = await findPerson(db, personId);
  if (!person) throw new NotFound('person');
  if (input.forItemId) {
    if (input.status !== 'in_attendance') {
      throw new BadRequest('forItemId applies only to people in attendance for an item.', [
        { path: 'body.forItemId', message: 'needs status in_attendance' },
      ]);
    }
    await requireItemOfMeeting(db, meetingId, input.forItemId);
  }
  return {
    status: input.status,
    role: input.role ?? person.job_title ?? '',
    organisation: input.organisation === undefined ? person.organisation_short_name : input.organisation,
    for_item_id: input.forItemId,
  };
}

async function reload(db: Database, id: string): Promise<AttendanceEntry> {
  return toEntry((await repo.findEntry(db, id))!);
}

export async function addAttendance(
  ctx: ServiceContext,
  meetingId: string,
  input: AttendanceInput,
): Promise<AttendanceEntry> {
  return ctx.db.transaction().execute(async (db) => {
    const { user } = await getMeetingForContentEdit({ ...ctx, db }, meetingId);
    const values = await resolveValues(db, meetingId, input.personId, input);
    if (await repo.findEntryForPerson(db, meetingId, input.personId)) {
      throw new Conflict('This person is already in the attendance list of this meeting.');
    }
    const entry = await reload(db, await repo.insertEntry(db, meetingId, input.personId, values));
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'attendance.create',
      entityType: 'attendance',
      entityId: entry.id,
      after: entry,
      requestId: ctx.requestId,
    });
    return entry;
  });
}

/**
 * An entry's meeting decides who may change it: 401, 404, 403. With `meetingId` (the URL names the
 * meeting too), an entry of another meeting is 404 as well.
 */
async function entryForWrite(ctx: ServiceContext, id: string, meetingId?: string) {
  requireUser(ctx.actor);
  const row = await repo.findEntry(ctx.db, id, meetingId);
  if (!row) throw new NotFound('attendance entry');
  const meeting = await getMeetingForContentEdit(ctx, row.meeting_id);
  return { row, user: meeting.user };
}

export async function replaceAttendance(
  ctx: ServiceContext,
  id: string,
  input: AttendanceReplace,
): Promise<AttendanceEntry> {
  return ctx.db.transaction().execute(async (db) => {
    const { row, user } = await entryForWrite({ ...ctx, db }, id);
    await repo.updateEntry(db, id, await resolveValues(db, row.meeting_id, row.person_id, input));
    const after = await reload(db, id);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'attendance.update',
      entityType: 'attendance',
      entityId: id,
      before: toEntry(row),
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}

/** `meetingId`: the meeting the URL names, whose entry this must be (404 otherwise). */
export async function removeAttendance(ctx: ServiceContext, id: string, meetingId?: string): Promise<void> {
  await ctx.db.transaction().execute(async (db) => {
    const { row, user } = await entryForWrite({ ...ctx, db }, id, meetingId);
    await repo.deleteEntry(db, id);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'attendance.delete',
      entityType: 'attendance',
      entityId: id,
      before: toEntry(row),
      requestId: ctx.requestId,
    });
  });
}
