import type { Transaction } from 'kysely';
import { boundMember } from './bound-member.ts';
import type { Database } from './database.ts';
import type { DB } from './schema.ts';

/**
 * A transaction that services can use as if it were the database: their own
 * `db.transaction().execute(fn)` runs `fn` inside this one instead of opening another, so a caller
 * can make several use cases (or a use case and its bookkeeping) commit or fail together.
 */
export function joinedTransaction(trx: Transaction<DB>): Database {
  const joined: Database = new Proxy(trx, {
    get(target, property) {
      if (property === 'transaction') return () => builder;
      return boundMember(target, property);
    },
  });
  const builder = {
    setIsolationLevel: () => builder,
    setAccessMode: () => builder,
    execute: <T>(fn: (db: Database) => Promise<T>): Promise<T> => fn(joined),
  };
  return joined;
}
