import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export async function findUserForLogin(db: Database, email: string) {
  return db
    .selectFrom('users')
    .select(['id', 'password_hash', 'active', 'token_version'])
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
}

/** The user, their secretariat boards and whether the session `sessionId` is still open. */
export async function findPrincipalRow(db: Database, userId: string, sessionId?: string) {
  return db
    .selectFrom('users')
    .select((eb) => [
      'id',
      'email',
      'display_name',
      'roles',
      'organisation_id',
      'person_id',
      'active',
      'token_version',
      eb
        .selectFrom('board_secretariat')
        .select(sql<string[]>`coalesce(array_agg(board_id), '{}')`.as('ids'))
        .whereRef('board_secretariat.user_id', '=', 'users.id')
        .as('secretariat_board_ids'),
      eb
        .exists(
          eb
            .selectFrom('refresh_tokens')
            .select('id')
            .where('family_id', '=', sessionId ?? '00000000-0000-0000-0000-000000000000')
            .whereRef('refresh_tokens.user_id', '=', 'users.id')
            .where('revoked_at', 'is', null)
            .where('expires_at', '>', new Date()),
        )
        .as('session_active'),
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

export async function insertRefreshToken(
  db: Database,
  row: { userId: string; familyId: string; hash: string; expiresAt: Date },
) {
  await db
    .insertInto('refresh_tokens')
    .values({ user_id: row.userId, family_id: row.familyId, token_hash: row.hash, expires_at: row.expiresAt })
    .execute();
}

export async function findRefreshTokenForUpdate(db: Database, hash: string) {
  return db
    .selectFrom('refresh_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .forUpdate()
    .executeTakeFirst();
}

export async function markRefreshTokenUsed(db: Database, id: string) {
  await db.updateTable('refresh_tokens').set({ used_at: new Date() }).where('id', '=', id).execute();
}

export async function revokeFamily(db: Database, familyId: string) {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('family_id', '=', familyId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function revokeAllForUser(db: Database, userId: string) {
  await db
    .updateTable('refresh_tokens')
    .set({ revoked_at: new Date() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
