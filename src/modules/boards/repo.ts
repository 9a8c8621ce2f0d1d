import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { StandingItem } from '../../db/schema.ts';

export type BoardRow = NonNullable<Awaited<ReturnType<typeof findBoard>>>;

export function listBoards(db: Database) {
  return db.selectFrom('boards').selectAll().orderBy('code').limit(1000).execute();
}

export function findBoard(db: Database, id: string, opts: { lock?: boolean } = {}) {
  const query = db.selectFrom('boards').selectAll().where('id', '=', id);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirst();
}

export function findBoardByCode(db: Database, code: string) {
  return db.selectFrom('boards').select('id').where('code', '=', code).executeTakeFirst();
}

export interface BoardValues {
  name: string;
  code: string;
  description: string;
  standing_items: StandingItem[];
  question_deadline_days: number;
  list_exempt_titles: boolean;
}

export function insertBoard(db: Database, row: BoardValues) {
  return db
    .insertInto('boards')
    .values({ ...row, standing_items: JSON.stringify(row.standing_items) })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateBoard(db: Database, id: string, patch: Partial<BoardValues>) {
  const { standing_items, ...rest } = patch;
  return db
    .updateTable('boards')
    .set({
      ...rest,
      ...(standing_items ? { standing_items: JSON.stringify(standing_items) } : {}),
      version: sql<number>`version + 1`,
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
