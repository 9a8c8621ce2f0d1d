/** Why this file exists: the public read of boards. */
import type { Database } from '../../db/database.ts';

export interface PublicBoard {
  id: string;
  name: string;
  code: string;
  description: string;
  createdAt: Date;
  /** When the name, code or description last changed (events.ts). */
  publicChangedAt: Date;
}

/** Every board (an office has a handful, so the open data lists them on one page; 200 is a guard). */
export function listBoards(db: Database): Promise<PublicBoard[]> {
  return db
    .selectFrom('boards')
    .select([
      'id',
      'name',
      'code',
      'description',
      'created_at as createdAt',
      'public_changed_at as publicChangedAt',
    ])
    .orderBy('name')
    .limit(200)
    .execute();
}

export async function findBoard(db: Database, id: string): Promise<PublicBoard | null> {
  return (
    (await db
      .selectFrom('boards')
      .select([
        'id',
        'name',
        'code',
        'description',
        'created_at as createdAt',
        'public_changed_at as publicChangedAt',
      ])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}
