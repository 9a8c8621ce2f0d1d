import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export function listOrganisations(db: Database) {
  return db.selectFrom('organisations').selectAll().orderBy('short_name').limit(1000).execute();
}

export function findOrganisation(db: Database, id: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findOrganisationByShortName(db: Database, shortName: string) {
  return db
    .selectFrom('organisations')
    .selectAll()
    .where(sql<string>`lower(short_name)`, '=', shortName.toLowerCase())
    .executeTakeFirst();
}

export async function insertOrganisation(db: Database, row: { name: string; short_name: string }) {
  return db.insertInto('organisations').values(row).returningAll().executeTakeFirstOrThrow();
}

export async function updateOrganisation(
  db: Database,
  id: string,
  patch: { name?: string; short_name?: string },
) {
  return db
    .updateTable('organisations')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

function peopleQuery(db: Database) {
  return db
    .selectFrom('people')
    .leftJoin('organisations', 'organisations.id', 'people.organisation_id')
    .selectAll('people')
    .select('organisations.short_name as organisation_short_name');
}

export type PersonRow = Awaited<ReturnType<typeof findPerson>>;

export function findPerson(db: Database, id: string) {
  return peopleQuery(db).where('people.id', '=', id).executeTakeFirst();
}

export function searchPeople(db: Database, opts: { q?: string; organisationId?: string; limit: number }) {
  let query = peopleQuery(db);
  if (opts.q) {
    const escaped = opts.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
    query = query.where(sql<string>`lower(people.name)`, 'like', `%${escaped}%`);
  }
  if (opts.organisationId) query = query.where('people.organisation_id', '=', opts.organisationId);
  return query.orderBy('people.name').limit(opts.limit).execute();
}

export async function insertPerson(
  db: Database,
  row: { name: string; job_title: string | null; organisation_id: string | null },
) {
  const { id } = await db.insertInto('people').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updatePerson(
  db: Database,
  id: string,
  patch: Partial<{ name: string; job_title: string | null; organisation_id: string | null }>,
) {
  const result = await db
    .updateTable('people')
    .set({ ...patch, updated_at: new Date() })
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type DirectoryKind = 'organisation' | 'person';

/**
 * The boards that USE a directory record, i.e. print it (or may print it) on their outputs:
 * - a person: attendance and declarations at the board's meetings, askers and answerers of its
 *   questions, owners of its actions, presenters of its agenda items (by `personId`);
 * - an organisation: owner of the board's actions (the action tracker and action log print it).
 * Attendance prints the organisation typed on the attendance row, not the directory's, so an
 * organisation is not "used" through the people who belong to it.
 */
export async function boardsUsing(
  db: Database,
  kind: DirectoryKind,
  id: string,
): Promise<{ id: string; code: string }[]> {
  const uses =
    kind === 'organisation'
      ? sql`select board_id from actions where owner_organisation_id = ${id}`
      : sql`
          select m.board_id from attendance a join meetings m on m.id = a.meeting_id where a.person_id = ${id}
          union select m.board_id from declarations d join meetings m on m.id = d.meeting_id where d.person_id = ${id}
          union select m.board_id from questions q join meetings m on m.id = q.meeting_id
            where q.asked_by_person_id = ${id} or q.answered_by_person_id = ${id}
          union select board_id from actions where owner_person_id = ${id}
          union select m.board_id from agenda_items i join meetings m on m.id = i.meeting_id
            where i.presenters @> jsonb_build_array(jsonb_build_object('personId', ${id}::text))`;
  const { rows } = await sql<{ id: string; code: string }>`
    select b.id, b.code from boards b where b.id in (${uses}) order by b.code`.execute(db);
  return rows;
}
