import { randomUUID } from 'node:crypto';
import { PGlite, types as pgliteTypes } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { ChangeFeed, registerChangeFeed } from './change-feed.ts';
import type { DB } from './schema.ts';
import { ChangeTrackingDialect } from './tracking-dialect.ts';

export type Database = Kysely<DB>;

export interface DatabaseHandle {
  db: Database;
  kind: 'postgres' | 'embedded';
  /** The embedded instance, when there is one (the job queue and test harness need it). */
  pglite?: PGlite;
  pgPool?: pg.Pool;
  /** Moves whenever the data may have changed; read caches check it (see change-feed.ts). */
  changes: ChangeFeed;
  close(): Promise<void>;
}

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

// Both drivers must return the same JS shapes, or code passes on one and fails on the other:
// int8 (counts) as numbers, `date` as the plain 'YYYY-MM-DD' string (a meeting date has no time zone).
const INT8 = 20;
const DATE = 1082;
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return (v: string) => Number.parseInt(v, 10);
    if (oid === DATE) return (v: string) => v;
    return pg.types.getTypeParser(oid, format);
  },
};

export const pgliteParsers = {
  [pgliteTypes.INT8]: (v: string) => Number.parseInt(v, 10),
  [pgliteTypes.DATE]: (v: string) => v,
};

export async function openDatabase(target: DatabaseTarget, logger?: Logger): Promise<DatabaseHandle> {
  if (target.kind === 'postgres') {
    // Tags this process's writes, so its change listener can tell their echo from others' (0010).
    const origin = randomUUID();
    const pool = new pg.Pool({
      connectionString: target.url,
      options: `-c boardroom.origin=${origin}`,
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      types: pgTypes,
    });
    // Without this listener a database restart emits an unhandled 'error' and kills the process.
    pool.on('error', (err) => logger?.warn({ err }, 'idle PostgreSQL client error'));
    // The pool listens only to idle clients. A checked-out one whose server goes away (restart, crash,
    // `pg_ctl stop -m immediate`) emits 'error' too: its query fails, the request gets a 503, and
    // this listener keeps the event from being an uncaught exception that ends the process.
    pool.on('connect', (client) => {
      client.on('error', (err) => logger?.warn({ err }, 'PostgreSQL connection lost'));
    });
    const changes = new ChangeFeed({ kind: 'postgres', url: target.url, origin });
    const db = new Kysely<DB>({ dialect: new ChangeTrackingDialect(new PostgresDialect({ pool }), changes) });
    registerChangeFeed(db, changes);
    return { db, kind: 'postgres', pgPool: pool, changes, close: () => db.destroy() };
  }
  const pglite = await PGlite.create(target.dataDir, { parsers: pgliteParsers });
  return wrapPglite(pglite);
}

export function wrapPglite(pglite: PGlite): DatabaseHandle {
  const changes = new ChangeFeed({ kind: 'embedded', pglite });
  const db = new Kysely<DB>({ dialect: new ChangeTrackingDialect(new PGliteDialect({ pglite }), changes) });
  registerChangeFeed(db, changes);
  return {
    db,
    kind: 'embedded',
    pglite,
    changes,
    close: async () => {
      await db.destroy();
      if (!pglite.closed) await pglite.close();
    },
  };
}
