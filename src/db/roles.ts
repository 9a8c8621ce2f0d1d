/**
 * Least-privilege database roles. Migrations run as an owner role (MIGRATION_DATABASE_URL); the API
 * and the render worker connect as a role that owns nothing in the application's schema and may only
 * read and add to what the database keeps as evidence (DATABASE_URL). Such a role cannot switch off
 * the append-only triggers (`ALTER TABLE … DISABLE TRIGGER` needs ownership), cannot set
 * `session_replication_role` (superuser only), and has no UPDATE, DELETE or TRUNCATE on the frozen
 * versions and the audit log, so a bug or an injected statement in the application cannot rewrite
 * what was published.
 *
 * The grants are applied after every migration run (so a table a new migration adds is covered):
 * SELECT/INSERT/UPDATE/DELETE on every table, then UPDATE and DELETE taken back on FROZEN_TABLES and
 * everything taken back on Kysely's migration bookkeeping. The job queue's schema (`pgboss`) is the
 * one thing the application's role owns: pg-boss creates and drops tables in it at run time (daily
 * statistics partitions, its own upgrades), which only an owner may do; it holds job state only.
 *
 * On the embedded database (PGlite: one process, one session, a superuser) the closest equivalent is
 * `useEmbeddedAppRole`: after migrating, the session switches to the non-superuser EMBEDDED_APP_ROLE
 * with the same grants. See docs/reliability.md for what that does and does not protect.
 */
import { sql } from 'kysely';
import type { Database } from './database.ts';

export const FROZEN_TABLES = ['notes_versions', 'decision_versions', 'audit_log'] as const;
export const QUEUE_SCHEMA = 'pgboss';
export const EMBEDDED_APP_ROLE = 'boardroom_app';
const MIGRATION_TABLES = ['kysely_migration', 'kysely_migration_lock'] as const;

/** The role a connection runs as. */
export async function currentRole(db: Database): Promise<string> {
  const { rows } = await sql<{ role: string }>`select current_user as role`.execute(db);
  return rows[0]!.role;
}

/**
 * Gives `role` what the application needs and nothing more. Run as the owner of the application's
 * tables; to hand the queue schema over, the owner must be a superuser or a member of `role`.
 * Idempotent: run after every migration.
 */
export async function grantAppRole(owner: Database, role: string): Promise<void> {
  const app = sql.id(role);
  await owner.transaction().execute(async (db) => {
    // PostgreSQL 14 and older let every role create objects in `public`: not the application's.
    await sql`revoke create on schema public from public`.execute(db);
    await sql`grant usage on schema public to ${app}`.execute(db);
    await sql`revoke all on all tables in schema public from ${app}`.execute(db);
    await sql`grant select, insert, update, delete on all tables in schema public to ${app}`.execute(db);
    await sql`revoke update, delete on ${sql.join(FROZEN_TABLES.map((t) => sql.table(t)))} from ${app}`.execute(
      db,
    );
    const bookkeeping = await sql<{ name: string }>`
      select tablename as name from pg_tables
      where schemaname = 'public' and tablename in (${sql.join([...MIGRATION_TABLES])})`.execute(db);
    for (const { name } of bookkeeping.rows) {
      await sql`revoke all on ${sql.table(name)} from ${app}`.execute(db);
    }
    await sql`grant usage, select on all sequences in schema public to ${app}`.execute(db);
    await adoptQueueSchema(db, role);
  });
}

/** Makes `role` the owner of the queue schema and of everything pg-boss already made in it. */
async function adoptQueueSchema(db: Database, role: string): Promise<void> {
  await sql`select set_config('boardroom.app_role', ${role}, true)`.execute(db);
  await sql`
    do $$
    declare
      app text := current_setting('boardroom.app_role');
      r record;
    begin
      if not exists (select 1 from pg_namespace where nspname = 'pgboss') then
        execute format('create schema pgboss authorization %I', app);
        return;
      end if;
      execute format('alter schema pgboss owner to %I', app);
      for r in
        select c.oid::regclass as name, c.relkind from pg_class c
        join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'pgboss' and c.relkind in ('r', 'p', 'v', 'm', 'S')
          and pg_get_userbyid(c.relowner) <> app
          -- A sequence that belongs to a column moves with its table.
          and not (c.relkind = 'S' and exists (
            select 1 from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i')))
      loop
        execute format('alter %s %s owner to %I',
          case r.relkind when 'S' then 'sequence' when 'v' then 'view' when 'm' then 'materialized view'
            else 'table' end, r.name, app);
      end loop;
      for r in
        select p.oid::regprocedure as name from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'pgboss' and pg_get_userbyid(p.proowner) <> app
      loop
        execute format('alter routine %s owner to %I', r.name, app);
      end loop;
      for r in
        select t.oid::regtype as name from pg_type t join pg_namespace n on n.oid = t.typnamespace
        where n.nspname = 'pgboss' and t.typtype in ('e', 'd', 'r', 'm') and pg_get_userbyid(t.typowner) <> app
      loop
        execute format('alter type %s owner to %I', r.name, app);
      end loop;
    end $$`.execute(db);
}

/**
 * Embedded database: creates EMBEDDED_APP_ROLE (not a superuser, cannot log in) if need be, grants it
 * what the application needs, and switches this session to it. Call once, after migrating and before
 * anything else uses the database; every later statement of the process runs as that role.
 */
export async function useEmbeddedAppRole(db: Database): Promise<void> {
  await sql`
    do $$ begin
      if not exists (select 1 from pg_roles where rolname = 'boardroom_app') then
        create role boardroom_app nologin nosuperuser nocreatedb nocreaterole noinherit nobypassrls;
      end if;
    end $$`.execute(db);
  await grantAppRole(db, EMBEDDED_APP_ROLE);
  await sql`set role ${sql.id(EMBEDDED_APP_ROLE)}`.execute(db);
}
