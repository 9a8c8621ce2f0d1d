import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { inject } from 'vitest';
import { type DatabaseHandle, openDatabase, pgliteParsers, wrapPglite } from '../../src/db/database.ts';
import { adminQuery, withDatabase } from '../global-setup.ts';

export interface TestDatabase extends DatabaseHandle {
  url?: string;
}

/** A fresh, migrated database for one test file: a clone of the template, or a loaded PGlite snapshot. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const target = inject('testDb');
  if (target.mode === 'postgres') {
    const name = `boardroom_t_${randomBytes(6).toString('hex')}`;
    await createFromTemplate(target.adminUrl, name, target.template);
    const url = withDatabase(target.adminUrl, name);
    const handle = await openDatabase({ kind: 'postgres', url });
    return {
      ...handle,
      url,
      close: async () => {
        await handle.close();
        await adminQuery(target.adminUrl, `drop database if exists ${name} with (force)`);
      },
    };
  }
  const snapshot = new Blob([readFileSync(target.snapshotFile)]);
  const pglite = await PGlite.create({ loadDataDir: snapshot, parsers: pgliteParsers });
  return wrapPglite(pglite);
}

async function createFromTemplate(adminUrl: string, name: string, template: string): Promise<void> {
  // Two files cloning the same template at once can collide ("being accessed by other users"): retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(adminUrl, `create database ${name} template ${template}`);
      return;
    } catch (err) {
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
}
