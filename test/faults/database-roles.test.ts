/**
 * Least-privilege roles (src/db/roles.ts) on a private PostgreSQL server: the owner (not a superuser
 * here, the harder case) migrates; the application's role is refused every way of rewriting published
 * versions and the audit log (switching the append-only triggers off, replication mode, UPDATE, DELETE,
 * TRUNCATE) while the real app, connected as that role, still creates and publishes through HTTP. The
 * queue was first installed the old way (by the owner), so taking it over is covered too.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { sha256Hex } from '../../src/core/hash.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { migrateForApp, runMigrations } from '../../src/db/migrate.ts';
import { startJobQueue } from '../../src/documents/queue.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser, setSecretariatBoards } from '../../src/modules/users/repo.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from '../documents/fixtures.ts';
import { TEST_PASSWORD, testConfig } from '../helpers/app.ts';
import { freePort } from './ports.ts';
import {
  type PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from './private-postgres.ts';

const unavailable =
  inject('testDb').mode !== 'postgres'
    ? 'roles are a PostgreSQL matter (the embedded case is test/foundation/embedded-role.test.ts)'
    : privatePostgresUnavailable();
if (unavailable) console.warn(`[database-roles] skipped: ${unavailable}`);

const quiet = { info() {}, warn() {}, error() {} };
const STUB_PDF = Buffer.from('%PDF-1.4\n% stub\n');
const FROZEN = ['notes_versions', 'decision_versions', 'audit_log'];

function urlAs(base: string, user: string): string {
  const url = new URL(base);
  url.username = user;
  return url.toString();
}

describe.skipIf(unavailable !== null)('least-privilege database roles', () => {
  let server: PrivatePostgres;
  let ownerUrl: string;
  let appUrl: string;
  let app: FastifyInstance;
  let database: DatabaseHandle;
  let appClient: pg.Client;
  let ownerClient: pg.Client;
  let ref: ReferenceMeeting;
  let base: string;

  beforeAll(async () => {
    server = await startPrivatePostgres(await freePort());
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    await admin.query(`
      create role boardroom_app login nosuperuser nocreatedb nocreaterole;
      create role boardroom_owner login nosuperuser nocreatedb nocreaterole;
      grant boardroom_app to boardroom_owner;
      alter database boardroom owner to boardroom_owner;
      alter schema public owner to boardroom_owner;`);
    await admin.end();
    ownerUrl = urlAs(server.url, 'boardroom_owner');
    appUrl = urlAs(server.url, 'boardroom_app');

    // As a deployment from before the roles: one role migrated and installed the job queue.
    const legacy = await openDatabase({ kind: 'postgres', url: ownerUrl });
    await runMigrations(legacy.db);
    const queue = await startJobQueue({ kind: 'postgres', url: ownerUrl }, quiet);
    await queue.stop();
    await legacy.close();

    // Now with two roles, as server.ts does it.
    database = await openDatabase({ kind: 'postgres', url: appUrl });
    await migrateForApp({ kind: 'postgres', url: appUrl, migrationUrl: ownerUrl }, database.db);
    ref = await insertReferenceMeeting(database.db, todayInLondon());

    appClient = new pg.Client({ connectionString: appUrl });
    ownerClient = new pg.Client({ connectionString: ownerUrl });
    await Promise.all([appClient.connect(), ownerClient.connect()]);
    // Something in each frozen table, inserted as the application would.
    const json = JSON.stringify({ stub: true });
    await appClient.query(
      `insert into notes_versions (meeting_id, version_no, published_by_name, canonical_json, json_sha256,
         pdf, pdf_sha256, pdf_filename, pdf_size, edited)
       values ($1, 1, 'Test', $2, $3, $4, $5, 'notes.pdf', $6, false)`,
      [ref.meetingId, json, sha256Hex(json), STUB_PDF, sha256Hex(STUB_PDF), STUB_PDF.length],
    );
    await appClient.query(`insert into audit_log (action, entity_type) values ('test', 'test')`);

    app = await buildApp({
      config: testConfig({ RENDER_WORKER: 'external' }),
      db: database.db,
      databaseUrl: appUrl,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  });

  afterAll(async () => {
    await app?.close();
    await Promise.all([appClient?.end(), ownerClient?.end()]);
    await database?.close();
    await server?.destroy();
  });

  /** Runs `statement` as the application's role and returns the SQLSTATE it was refused with. */
  async function refusal(statement: string): Promise<string | undefined> {
    await appClient.query('begin');
    try {
      await appClient.query(statement);
      return undefined;
    } catch (err) {
      return (err as { code?: string }).code;
    } finally {
      await appClient.query('rollback');
    }
  }

  it('runs the application as a role that is not a superuser and owns no table', async () => {
    const { rows } = await appClient.query(
      `select r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls,
         (select count(*)::int from pg_tables t where t.schemaname = 'public' and t.tableowner = current_user) as owned
       from pg_roles r where r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolbypassrls: false,
      owned: 0,
    });
  });

  it.each(FROZEN)('refuses switching off the triggers of %s', async (table) => {
    expect(await refusal(`alter table ${table} disable trigger all`)).toBe('42501');
    expect(await refusal(`alter table ${table} disable trigger user`)).toBe('42501');
    expect(await refusal(`drop table ${table}`)).toBe('42501');
  });

  it('refuses replication mode, which would skip every trigger', async () => {
    expect(await refusal('set session_replication_role = replica')).toBe('42501');
    expect(await refusal('set local session_replication_role = replica')).toBe('42501');
  });

  it.each(FROZEN)(
    'refuses UPDATE, DELETE and TRUNCATE on %s (permission, before any trigger)',
    async (table) => {
      // 42501 (no privilege), not P0001 (the append-only trigger): the role may not even try.
      expect(await refusal(`update ${table} set id = id`)).toBe('42501');
      expect(await refusal(`delete from ${table}`)).toBe('42501');
      expect(await refusal(`truncate ${table}`)).toBe('42501');
    },
  );

  it('refuses changing the schema or creating objects beside it', async () => {
    expect(await refusal('alter table meetings add column forged text')).toBe('42501');
    expect(await refusal('create table public.forged (x int)')).toBe('42501');
    expect(await refusal('create schema forged')).toBe('42501');
    expect(await refusal('select * from kysely_migration')).toBe('42501');
  });

  it('the owner (the control) can do what the application role cannot', async () => {
    await ownerClient.query('begin');
    await ownerClient.query('alter table notes_versions disable trigger notes_versions_immutable');
    await ownerClient.query('rollback');
  });

  it('the application, connected as that role, creates and publishes through HTTP', async () => {
    const email = `roles-${Date.now()}@example.org`;
    const userId = await insertUser(database.db, {
      email,
      displayName: 'Secretariat on least privilege',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: ['secretariat'],
      organisationId: null,
      personId: null,
    });
    await setSecretariatBoards(database.db, userId, [ref.boardId]);
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const headers = { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' };

    const created = await fetch(`${base}/api/v1/decisions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        boardId: ref.boardId,
        title: 'Adopt the least-privilege roles',
        decisionDate: '2026-03-24',
        decisionMaker: 'Police and Crime Commissioner, Simon Foster',
        summary: 'The application runs as a role that cannot rewrite what it published.',
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const published = await fetch(`${base}/api/v1/decisions/${id}/publish`, {
      method: 'POST',
      headers: { authorization: headers.authorization },
    });
    expect(published.status, await published.clone().text()).toBe(200);

    const version = await fetch(`${base}/public/v1/decisions/${id}/versions/1`);
    expect(version.status).toBe(200);
    expect(await version.text()).toContain('Adopt the least-privilege roles');
    // Linked into the board's chain after the notes version inserted above, by the app's own role.
    const { rows } = await appClient.query(
      'select chain_seq, prev_sha256 is not null as linked from decision_versions where decision_id = $1',
      [id],
    );
    expect(rows).toEqual([{ chain_seq: 2, linked: true }]);
    // The job queue runs as the application's role, in the schema it was handed.
    const queue = await appClient.query(
      `select pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'pgboss'`,
    );
    expect(queue.rows[0].owner).toBe('boardroom_app');
  });
});
