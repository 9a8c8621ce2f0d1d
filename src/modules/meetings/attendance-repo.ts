import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { AttendanceStatus } from '../../db/schema.ts';

function entryQuery(db: Database) {
  return db
    .selectFrom('attendance')
    .innerJoin('people', 'people.id', 'attendance.person_id')
    .leftJoin('agenda_items', 'agenda_items.id', 'attendance.for_item_id')
    .selectAll('attendance')
    .select(['people.name', 'agenda_items.confidentiality as for_item_confidentiality']);
}

export type AttendanceRow = Awaited<ReturnType<typeof listAttendance>>[number];

export function listAttendance(db: Database, meetingId: string) {
  return entryQuery(db)
    .where('attendance.meeting_id', '=', meetingId)
    .orderBy('attendance.position')
    .orderBy('attendance.id')
    .execute();
}

/** With `meetingId`, only if it is that meeting's entry (a URL that names the meeting and the entry). */
export function findEntry(db: Database, id: string, meetingId?: string) {
  return entryQuery(db)
    .where('attendance.id', '=', id)
    .$if(meetingId !== undefined, (q) => q.where('attendance.meeting_id', '=', meetingId!))
    .executeTakeFirst();
}

export function findEntryForPerson(db: Database, meetingId: string, personId: string) {
  return db
    .selectFrom('attendance')
    .select('id')
    .where('meeting_id', '=', meetingId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
}

export interface EntryValues {
  role: string;
  organisation: string | null;
  status: AttendanceStatus;
  for_item_id: string | null;
}

export async function insertEntry(
  db: Database,
  meetingId: string,
  personId: string,
  row: EntryValues,
): Promise<string> {
  const { id } = await db
    .insertInto('attendance')
    .values((eb) => ({
      ...row,
      meeting_id: meetingId,
      person_id: personId,
      // Printed in the order entered.
      position: eb
        .selectFrom('attendance')
        .select(sql<number>`coalesce(max(position), 0) + 1`.as('p'))
        .where('meeting_id', '=', meetingId),
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateEntry(db: Database, id: string, row: EntryValues): Promise<void> {
  await db.updateTable('attendance').set(row).where('id', '=', id).execute();
}

export async function deleteEntry(db: Database, id: string): Promise<void> {
  await db.deleteFrom('attendance').where('id', '=', id).execute();
}
