import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { Role } from '../../db/schema.ts';

const columns = [
  'id',
  'email',
  'display_name',
  'roles',
  'organisation_id',
  'person_id',
  'active',
  'created_at',
  'updated_at',
] as const;

function baseQuery(db: Database) {
  return db
    .selectFrom('users')
    .select(columns)
    .select((eb) =>
      eb
        .selectFrom('board_secretariat')
        .select(sql<string[]>`coalesce(array_agg(board_id order by board_id), '{}')`.as('ids'))
        .whereRef('board_secretariat.user_id', '=', 'users.id')
        .as('secretariat_board_ids'),
    );
}

export type UserRow = Awaited<ReturnType<typeof findUser>>;

export function findUser(db: Database, id: string) {
  return baseQuery(db).where('id', '=', id).executeTakeFirst();
}

export function listUsers(db: Database) {
  return baseQuery(db).orderBy(sql`lower(email)`).limit(1000).execute();
}

export async function insertUser(
  db: Database,
  row: {
    email: string;
    displayName: string;
    passwordHash: string;
    roles: Role[];
    organisationId: string | null;
    personId: string | null;
  },
): Promise<string> {
  const { id } = await db
    .insertInto('users')
    .values({
      email: row.email,
      display_name: row.displayName,
      password_hash: row.passwordHash,
      roles: row.roles,
      organisation_id: row.organisationId,
      person_id: row.personId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateUser(
  db: Database,
  id: string,
  patch: Partial<{
    display_name: string;
    password_hash: string;
    roles: Role[];
    organisation_id: string | null;
    person_id: string | null;
    active: boolean;
  }>,
  bumpTokenVersion: boolean,
) {
  await db
    .updateTable('users')
    .set({
      ...patch,
      updated_at: new Date(),
      ...(bumpTokenVersion ? { token_version: sql<number>`token_version + 1` } : {}),
    })
    .where('id', '=', id)
    .execute();
}

export async function setSecretariatBoards(db: Database, userId: string, boardIds: string[]) {
  await db.deleteFrom('board_secretariat').where('user_id', '=', userId).execute();
  if (boardIds.length) {
    await db
      .insertInto('board_secretariat')
      .values(boardIds.map((board_id) => ({ board_id, user_id: userId })))
      .execute();
  }
}
