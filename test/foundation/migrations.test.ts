import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMigrations } from '../../src/db/migrate.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

describe('migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  const tables = async () =>
    (
      await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
        database.db,
      )
    ).rows.map((r) => r.table_name);

  it('go down to nothing and up again', async () => {
    expect(await tables()).toContain('meetings');
    await runMigrations(database.db, 'none');
    expect(await tables()).toEqual([]);
    await runMigrations(database.db, 'latest');
    expect(await tables()).toEqual(expect.arrayContaining(['users', 'meetings', 'actions', 'audit_log']));
  });

  it('the audit log refuses updates and deletes', async () => {
    await database.db
      .insertInto('audit_log')
      .values({
        action: 'test',
        entity_type: 'test',
        actor_user_id: null,
        entity_id: null,
        before: null,
        after: null,
        request_id: null,
      })
      .execute();
    await expect(database.db.updateTable('audit_log').set({ action: 'changed' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });

  it('ids are UUIDs and timestamps timestamptz', async () => {
    const { rows } = await sql<{ data_type: string; column_name: string; table_name: string }>`
      select table_name, column_name, data_type from information_schema.columns
      where table_schema = 'public' and (column_name = 'id' or column_name like '%_at')
        and table_name not like 'kysely_%'`.execute(database.db);
    for (const row of rows) {
      if (row.column_name === 'id') expect(row.data_type, row.table_name).toBe('uuid');
      else expect(row.data_type, `${row.table_name}.${row.column_name}`).toBe('timestamp with time zone');
    }
  });
});
