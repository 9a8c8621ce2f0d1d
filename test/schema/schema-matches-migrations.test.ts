import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { introspect, renderSchemaCheck } from './introspect.ts';

/**
 * src/db/schema.ts is written by hand; this keeps it honest. The migrated database's tables and
 * columns are recorded in schema-check.generated.ts (re-record with SCHEMA_RECORD=1 after a
 * migration), and `tsc` checks that file against the `DB` type: every table and column on both
 * sides, `| null` exactly where the column is nullable, insert-optional where it has a default,
 * and a TypeScript type that fits the column's type.
 */
const root = path.resolve(fileURLToPath(import.meta.url), '../../..');
const generatedFile = path.join(root, 'test/schema/schema-check.generated.ts');
const record = process.env.SCHEMA_RECORD === '1';

describe('src/db/schema.ts matches the migrations', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  it('schema-check.generated.ts records the migrated database', async () => {
    const rendered = renderSchemaCheck(await introspect(database.db));
    if (record) writeFileSync(generatedFile, rendered);
    expect(
      readFileSync(generatedFile, 'utf8'),
      'the migrations changed the schema: re-record with SCHEMA_RECORD=1, then fix src/db/schema.ts',
    ).toBe(rendered);
  });

  it('tsc accepts the DB type against every recorded column', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'boardroom-schema-'));
    try {
      const tsconfig = path.join(dir, 'tsconfig.json');
      writeFileSync(
        tsconfig,
        JSON.stringify({
          extends: path.join(root, 'tsconfig.json'),
          compilerOptions: { typeRoots: [path.join(root, 'node_modules/@types')] },
          files: [generatedFile],
          include: [],
        }),
      );
      const tsc = spawnSync(path.join(root, 'node_modules/.bin/tsc'), ['--noEmit', '-p', tsconfig], {
        encoding: 'utf8',
      });
      expect(`${tsc.stdout}${tsc.stderr}`.trim(), 'schema.ts differs from the database').toBe('');
      expect(tsc.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
