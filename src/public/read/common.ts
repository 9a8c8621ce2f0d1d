/** Why this file exists: the paging types and the counted page every public list shares. */
import { type Expression, sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** A slice of a list: `limit` rows after the first `offset`. */
export interface Slice {
  limit: number;
  offset: number;
}

/** One page of a list and how many rows the whole list has (never counting anything hidden). */
export interface Counted<T> {
  items: T[];
  total: number;
}

/** A page of a list, and the length of the whole list as the database counts `ids` (its filtered rows). */
export async function withTotal<T>(
  db: Database,
  items: Promise<T[]>,
  ids: Expression<unknown>,
): Promise<Counted<T>> {
  const [page, count] = await Promise.all([
    items,
    sql<{ n: number }>`select count(*) as n from (${ids}) as counted`.execute(db),
  ]);
  return { items: page, total: Number(count.rows[0]?.n ?? 0) };
}
