-- Why this file exists: the application must not run as the role that owns its tables (issue 14,
-- src/db/roles.ts). The postgres image runs this once, when the data volume is first initialised, as
-- POSTGRES_USER (the owner, which runs the migrations: MIGRATION_DATABASE_URL). It creates the role
-- the API and the render worker connect as (DATABASE_URL): it can log in and nothing else. Its rights
-- on the tables are granted by the application after every migration, not here.
--
-- A volume initialised before this file existed: run it once by hand, then restart the app:
--   docker compose exec db psql -U boardroom -d boardroom -f /docker-entrypoint-initdb.d/10-app-role.sql
\set ON_ERROR_STOP on
\getenv app_password APP_DB_PASSWORD
\if :{?app_password}
\else
  \set app_password ''
\endif
select :'app_password' = '' as no_app_password \gset
\if :no_app_password
  do $$ begin raise exception 'APP_DB_PASSWORD must be set: the password of the boardroom_app role'; end $$;
\endif
select not exists (select 1 from pg_roles where rolname = 'boardroom_app') as create_app_role \gset
\if :create_app_role
  create role boardroom_app login nosuperuser nocreatedb nocreaterole noinherit nobypassrls noreplication;
\endif
alter role boardroom_app password :'app_password';
-- The owner hands the job queue's schema to this role (src/db/roles.ts): it must be able to.
select format('grant boardroom_app to %I', current_user) \gexec
grant connect on database :"DBNAME" to boardroom_app;
