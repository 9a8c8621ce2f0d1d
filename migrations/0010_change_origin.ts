import { type Kysely, sql } from 'kysely';

// Change notifications say which process wrote: the payload is "<origin> <table>", where origin is
// the writing session's `boardroom.origin` setting (each API process sets its own on its
// connections; empty for anyone else). A process already knows of its own writes the moment they
// commit, so it can ignore their echo instead of dropping the cache entries made since.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function boardroom_notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('boardroom_changes',
        coalesce(current_setting('boardroom.origin', true), '') || ' ' || tg_table_name);
      return null;
    end $$`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`
    create or replace function boardroom_notify_change() returns trigger language plpgsql as $$
    begin
      perform pg_notify('boardroom_changes', tg_table_name);
      return null;
    end $$`.execute(db);
}
