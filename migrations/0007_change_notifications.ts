import { type Kysely, sql } from 'kysely';

// Change notifications: every statement that writes to one of the application's tables sends
// NOTIFY boardroom_changes (payload: the table name) when its transaction commits. Each API process
// LISTENs and drops its read caches, so a write made by another process (a second API instance, the
// render worker, a command-line import, psql) is seen within milliseconds. Statement-level, so a bulk
// write costs one notification, and PostgreSQL folds repeats within a transaction into one.
//
// A table created by a later migration must get the same trigger (`addChangeTrigger` below shows
// how); test/foundation/read-cache.test.ts fails for any table that lacks it.

const FUNCTION = 'boardroom_notify_change';

export async function up(db: Kysely<any>): Promise<void> {
  await sql
    .raw(`
      create function ${FUNCTION}() returns trigger language plpgsql as $$
      begin
        perform pg_notify('boardroom_changes', tg_table_name);
        return null;
      end $$`)
    .execute(db);
  const tables = await sql<{ tablename: string }>`
    select tablename from pg_tables
    where schemaname = current_schema() and tablename not like 'kysely\\_%'`.execute(db);
  for (const { tablename } of tables.rows) await addChangeTrigger(db, tablename);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw(`drop function if exists ${FUNCTION}() cascade`).execute(db);
}

export async function addChangeTrigger(db: Kysely<any>, table: string): Promise<void> {
  await sql
    .raw(
      `create trigger ${table}_notify_change after insert or update or delete or truncate on ${table}
       for each statement execute function ${FUNCTION}()`,
    )
    .execute(db);
}
