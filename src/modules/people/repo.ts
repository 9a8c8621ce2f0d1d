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
