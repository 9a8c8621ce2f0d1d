import { type Kysely, sql } from 'kysely';

// An audit entry can concern boards other than through the entity it is about: renaming an
// organisation or a person that several boards print on their public pages concerns each of those
// boards. `board_ids` lists them, and a board's audit view includes entries that name it there
// (src/modules/audit/list-repo.ts). Null for entries tied to a board through their entity, as before.
// Adding a column is DDL: the append-only trigger on the rows is not involved.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('board_ids', sql`uuid[]`).execute();
  await sql`create index audit_log_board_ids_idx on audit_log using gin (board_ids) where board_ids is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index if exists audit_log_board_ids_idx`.execute(db);
  await db.schema.alterTable('audit_log').dropColumn('board_ids').execute();
}
