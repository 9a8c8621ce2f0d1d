import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { FileMigrationProvider, type MigrationResultSet, Migrator, NO_MIGRATIONS } from 'kysely/migration';
import { openDatabase } from './database.ts';
import { currentRole, grantAppRole } from './roles.ts';

export const migrationsDir = path.resolve(import.meta.dirname, '../../migrations');

export function createMigrator(db: Kysely<any>): Migrator {
  return new Migrator({
    db,
    provider: new FileMigrationProvider({ fs, path, migrationFolder: migrationsDir }),
  });
}

/** Runs a migration step and turns Kysely's result set into a thrown error when a step failed. */
export async function runMigrations(
  db: Kysely<any>,
  direction: 'latest' | 'down' | 'none' = 'latest',
): Promise<MigrationResultSet> {
  const migrator = createMigrator(db);
  const result =
    direction === 'latest'
      ? await migrator.migrateToLatest()
      : direction === 'down'
        ? await migrator.migrateDown()
        : await migrator.migrateTo(NO_MIGRATIONS);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`Migration ${failed?.migrationName ?? ''} failed: ${String(result.error)}`, {
      cause: result.error,
    });
  }
  return result;
}

export type MigrationTarget =
  | { kind: 'postgres'; url: string; migrationUrl?: string | undefined }
  | { kind: 'embedded'; dataDir: string };

/**
 * Migrates as the owner, then grants the application's role what it needs (src/db/roles.ts). With a
 * separate MIGRATION_DATABASE_URL the migrations run on a connection of their own, closed afterwards,
 * and `app` (the connection the application goes on using) must be the role of DATABASE_URL. Without
 * one, or on the embedded database, the migrations run on `app` itself, as before.
 */
export async function migrateForApp(
  target: MigrationTarget,
  app: Kysely<any>,
  direction: 'latest' | 'down' | 'none' = 'latest',
): Promise<MigrationResultSet> {
  if (target.kind !== 'postgres' || !target.migrationUrl || target.migrationUrl === target.url) {
    return runMigrations(app, direction);
  }
  const owner = await openDatabase({ kind: 'postgres', url: target.migrationUrl });
  try {
    const result = await runMigrations(owner.db, direction);
    const [ownerRole, appRole] = await Promise.all([currentRole(owner.db), currentRole(app)]);
    if (ownerRole !== appRole && direction === 'latest') await grantAppRole(owner.db, appRole);
    return result;
  } finally {
    await owner.close();
  }
}
