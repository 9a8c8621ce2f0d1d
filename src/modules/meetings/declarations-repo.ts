import type { Database } from '../../db/database.ts';

function declarationQuery(db: Database) {
  return db
    .selectFrom('declarations')
    .innerJoin('people', 'people.id', 'declarations.person_id')
    .leftJoin('agenda_items', 'agenda_items.id', 'declarations.item_id')
    .selectAll('declarations')
    .select(['people.name as person_name', 'agenda_items.confidentiality as item_confidentiality']);
}

export type DeclarationRow = Awaited<ReturnType<typeof listDeclarations>>[number];

export function listDeclarations(db: Database, meetingId: string) {
  return declarationQuery(db)
    .where('declarations.meeting_id', '=', meetingId)
    .orderBy('declarations.created_at')
    .orderBy('declarations.id')
    .execute();
}

export function findDeclaration(db: Database, id: string) {
  return declarationQuery(db).where('declarations.id', '=', id).executeTakeFirst();
}

export async function insertDeclaration(
  db: Database,
  row: { meeting_id: string; person_id: string; item_id: string | null; interest: string },
): Promise<string> {
  const { id } = await db.insertInto('declarations').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function deleteDeclaration(db: Database, id: string): Promise<void> {
  await db.deleteFrom('declarations').where('id', '=', id).execute();
}
