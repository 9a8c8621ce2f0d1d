/**
 * The embedded database's closest equivalent of the least-privilege roles (src/db/roles.ts
 * useEmbeddedAppRole, called by server.ts after migrating): the one PGlite session switches to a
 * role that is not a superuser, so the application's own statements cannot switch off the append-only
 * triggers or rewrite versions and the audit log, and the app (job queue included) still works. And
 * what it does not do: a statement that resets the role is a superuser again (docs/reliability.md).
 */
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { sha256Hex } from '../../src/core/hash.ts';
import { type DatabaseHandle, pgliteParsers, wrapPglite } from '../../src/db/database.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { EMBEDDED_APP_ROLE, useEmbeddedAppRole } from '../../src/db/roles.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser, setSecretariatBoards } from '../../src/modules/users/repo.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from '../documents/fixtures.ts';
import { TEST_PASSWORD, testConfig } from '../helpers/app.ts';

const STUB_PDF = Buffer.from('%PDF-1.4\n% stub\n');
const FROZEN = ['notes_versions', 'decision_versions', 'audit_log'];

async function embeddedDatabase(): Promise<DatabaseHandle> {
  const target = inject('testDb');
  if (target.mode === 'embedded') {
    const snapshot = new Blob([readFileSync(target.snapshotFile)]);
    return wrapPglite(await PGlite.create({ loadDataDir: snapshot, parsers: pgliteParsers }));
  }
  const handle = wrapPglite(await PGlite.create({ parsers: pgliteParsers }));
  await runMigrations(handle.db);
  return handle;
}

describe('embedded database: the session runs as a non-superuser role', () => {
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let ref: ReferenceMeeting;

  beforeAll(async () => {
    database = await embeddedDatabase();
    ref = await insertReferenceMeeting(database.db, todayInLondon());
    const json = JSON.stringify({ stub: true });
    await sql`
      insert into notes_versions (meeting_id, version_no, published_by_name, canonical_json, json_sha256,
        pdf, pdf_sha256, pdf_filename, pdf_size, edited)
      values (${ref.meetingId}, 1, 'Test', ${json}, ${sha256Hex(json)}, ${STUB_PDF}, ${sha256Hex(STUB_PDF)},
        'notes.pdf', ${STUB_PDF.length}, false)`.execute(database.db);
    await sql`insert into audit_log (action, entity_type) values ('test', 'test')`.execute(database.db);
    await useEmbeddedAppRole(database.db);
    app = await buildApp({ config: testConfig(), db: database.db, pglite: database.pglite });
    await app.ready();
  });

  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  async function refusal(statement: string): Promise<string | undefined> {
    try {
      await database.db.transaction().execute((tx) => sql.raw(statement).execute(tx));
      return undefined;
    } catch (err) {
      return (err as { code?: string }).code;
    }
  }

  it('is that role, and it is not a superuser', async () => {
    const { rows } = await sql<{ role: string; superuser: string }>`
      select current_user as role, current_setting('is_superuser') as superuser`.execute(database.db);
    expect(rows[0]).toEqual({ role: EMBEDDED_APP_ROLE, superuser: 'off' });
  });

  it.each(FROZEN)('refuses switching off triggers and UPDATE, DELETE, TRUNCATE on %s', async (table) => {
    expect(await refusal(`alter table ${table} disable trigger all`)).toBe('42501');
    expect(await refusal(`update ${table} set id = id`)).toBe('42501');
    expect(await refusal(`delete from ${table}`)).toBe('42501');
    expect(await refusal(`truncate ${table}`)).toBe('42501');
  });

  it('refuses replication mode', async () => {
    expect(await refusal('set session_replication_role = replica')).toBe('42501');
  });

  it('the app still creates and publishes as that role (its job queue too)', async () => {
    const email = `embedded-role-${Date.now()}@example.org`;
    const userId = await insertUser(database.db, {
      email,
      displayName: 'Secretariat, embedded',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: ['secretariat'],
      organisationId: null,
      personId: null,
    });
    await setSecretariatBoards(database.db, userId, [ref.boardId]);
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
    });
    expect(login.statusCode, login.body).toBe(200);
    const authorization = `Bearer ${login.json<{ accessToken: string }>().accessToken}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/decisions',
      headers: { authorization },
      payload: {
        boardId: ref.boardId,
        title: 'Run the embedded session as a lesser role',
        decisionDate: '2026-03-24',
        decisionMaker: 'Police and Crime Commissioner, Simon Foster',
        summary: 'So that the application cannot rewrite what it published.',
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const published = await app.inject({
      method: 'POST',
      url: `/api/v1/decisions/${id}/publish`,
      headers: { authorization },
    });
    expect(published.statusCode, published.body).toBe(200);
    const version = await app.inject({ method: 'GET', url: `/public/v1/decisions/${id}/versions/1` });
    expect(version.statusCode).toBe(200);
    const { rows } = await sql<{ owner: string }>`
      select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'pgboss'`.execute(
      database.db,
    );
    expect(rows[0]?.owner).toBe(EMBEDDED_APP_ROLE);
  });

  it('does not stop a statement that first resets the role (the limit of a single-user database)', async () => {
    // Documented in docs/reliability.md: the hash chain, not the role, is the evidence here.
    await sql`reset role`.execute(database.db);
    const { rows } = await sql<{ superuser: string }>`
      select current_setting('is_superuser') as superuser`.execute(database.db);
    expect(rows[0]?.superuser).toBe('on');
    await sql`set role ${sql.id(EMBEDDED_APP_ROLE)}`.execute(database.db);
  });
});
