import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase, wrapPglite } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb:
      | { mode: 'postgres'; adminUrl: string; template: string }
      | { mode: 'embedded'; snapshotFile: string };
  }
}

const defaultAdminUrl = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Migrates once per run. On PostgreSQL: a template database that each test file clones. Embedded:
 * a PGlite data-dir snapshot that each test file loads. TEST_DB=embedded forces the embedded one.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const adminUrl = process.env.TEST_DATABASE_URL ?? defaultAdminUrl;
  const forced = process.env.TEST_DB;
  if (forced !== 'embedded' && (await reachable(adminUrl))) {
    const template = `boardroom_tpl_${randomBytes(4).toString('hex')}`;
    await adminQuery(adminUrl, `create database ${template}`);
    const handle = await openDatabase({ kind: 'postgres', url: withDatabase(adminUrl, template) });
    await runMigrations(handle.db);
    await handle.close();
    project.provide('testDb', { mode: 'postgres', adminUrl, template });
    console.log(`[test] PostgreSQL: template ${template}`);
    return async () => {
      await adminQuery(adminUrl, `drop database if exists ${template} with (force)`);
    };
  }
  if (forced === 'postgres') throw new Error(`TEST_DB=postgres but ${adminUrl} is not reachable`);
  const pglite = await PGlite.create();
  const handle = wrapPglite(pglite);
  await runMigrations(handle.db);
  const dump = await pglite.dumpDataDir('none');
  await handle.close();
  const snapshotFile = path.join(tmpdir(), `boardroom-test-${randomBytes(4).toString('hex')}.tar`);
  writeFileSync(snapshotFile, Buffer.from(await dump.arrayBuffer()));
  project.provide('testDb', { mode: 'embedded', snapshotFile });
  console.log('[test] embedded PGlite');
  return async () => rmSync(snapshotFile, { force: true });
}

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function adminQuery(adminUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
