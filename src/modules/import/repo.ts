import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { ItemKind, Presenter } from '../../db/schema.ts';
import { boardsUsing, findOrganisationByShortName, insertOrganisation } from '../people/repo.ts';

/** Well-known organisations get their full name; any other abbreviation is created as printed. */
const knownOrganisations: Record<string, string> = {
  OPCC: 'Office of the Police and Crime Commissioner',
  WMP: 'West Midlands Police',
};

export async function findOrCreateOrganisation(db: Database, shortName: string): Promise<string> {
  const existing = await findOrganisationByShortName(db, shortName);
  if (existing) return existing.id;
  const created = await insertOrganisation(db, {
    name: knownOrganisations[shortName] ?? shortName,
    short_name: shortName,
  });
  return created.id;
}

/** People are matched by name (case-insensitive); a new one is created with the role as their job title. */
export async function findOrCreatePerson(
  db: Database,
  person: { name: string; jobTitle: string | null; organisationId: string | null },
): Promise<string> {
  const existing = await db
    .selectFrom('people')
    .select(['id', 'job_title', 'organisation_id'])
    .where(sql<string>`lower(name)`, '=', person.name.toLowerCase())
    .orderBy('created_at')
    .executeTakeFirst();
  if (existing) {
    const blanks =
      (!existing.job_title && person.jobTitle) || (!existing.organisation_id && person.organisationId);
    // Blanks are filled only in a record no board prints yet: one that boards use may be changed only
    // by the secretariat of all of them (src/access/directory.ts), which an import does not check.
    if (blanks && !(await boardsUsing(db, 'person', existing.id)).length) {
      await db
        .updateTable('people')
        .set({
          job_title: existing.job_title ?? person.jobTitle,
          organisation_id: existing.organisation_id ?? person.organisationId,
          updated_at: new Date(),
        })
        .where('id', '=', existing.id)
        .execute();
    }
    return existing.id;
  }
  const { id } = await db
    .insertInto('people')
    .values({ name: person.name, job_title: person.jobTitle, organisation_id: person.organisationId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertMeeting(
  db: Database,
  row: {
    boardId: string;
    startsAt: Date;
    location: string;
    summary: string | null;
    nextMeetingDate: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('meetings')
    .values({
      board_id: row.boardId,
      starts_at: row.startsAt,
      location: row.location,
      status: 'notes_drafted',
      next_meeting_date: row.nextMeetingDate,
      ...(row.summary ? { summary: row.summary } : {}),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertAttendance(
  db: Database,
  rows: {
    meetingId: string;
    personId: string;
    role: string;
    organisation: string | null;
    status: 'present' | 'apologies';
    position: number;
  }[],
) {
  if (!rows.length) return;
  await db
    .insertInto('attendance')
    .values(
      rows.map((r) => ({
        meeting_id: r.meetingId,
        person_id: r.personId,
        role: r.role,
        organisation: r.organisation,
        status: r.status,
        position: r.position,
      })),
    )
    // The same person listed twice (present and apologies) keeps the first entry.
    .onConflict((oc) => oc.columns(['meeting_id', 'person_id']).doNothing())
    .execute();
}

export async function insertItem(
  db: Database,
  row: {
    meetingId: string;
    position: number;
    title: string;
    kind: ItemKind;
    presenters: Presenter[];
    bodyHtml: string;
    bodyText: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('agenda_items')
    .values({
      meeting_id: row.meetingId,
      position: row.position,
      title: row.title,
      kind: row.kind,
      presenters: JSON.stringify(row.presenters),
      body_html: row.bodyHtml,
      body_text: row.bodyText,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function insertQuestion(
  db: Database,
  row: {
    meetingId: string;
    itemId: string;
    number: number | null;
    position: number;
    source: 'pre_submitted' | 'in_meeting';
    text: string;
    askedByPersonId: string | null;
    askedByPrinted: string;
    answerHtml: string;
    answerText: string;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('questions')
    .values({
      meeting_id: row.meetingId,
      item_id: row.itemId,
      number: row.number,
      position: row.position,
      source: row.source,
      text: row.text,
      asked_by_person_id: row.askedByPersonId,
      asked_by_printed: row.askedByPrinted,
      answer_html: row.answerHtml,
      answer_text: row.answerText,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}
