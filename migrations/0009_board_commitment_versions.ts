import type { Kysely } from 'kysely';

// Boards (their description and standing items) and Plan commitments (their text) are long text
// edited by more than one person: like meetings, items, questions and actions they get a version,
// so an update must name the version it read (If-Match) and a stale one is refused (412).

const TABLES = ['boards', 'commitments'] as const;

export async function up(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('version').execute();
}
