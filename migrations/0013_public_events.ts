import { type Kysely, sql } from 'kysely';

// Public events, recorded by the database so that no code path can forget them (issue 14, findings
// 5 and 6).
//
// 1. Meetings and boards get `public_changed_at`: when a fact the public is shown last changed. For a
//    meeting: its date and time, place, online flag, and whether it is cancelled (the feeds, the
//    public site and the open data print these once a meeting exists). For a board: its name, code
//    and description. Meetings also get `public_sequence`, the iCalendar SEQUENCE, raised by one on
//    each such change. A BEFORE UPDATE trigger maintains both, so the secretariat's private work
//    (a summary, the question deadline, a status that is not a cancellation, a board's settings)
//    moves `updated_at`/`version` (for If-Match) but never these, and the feeds built on them stay
//    byte-identical. Existing rows start from the values the feeds showed until now (`updated_at`
//    and `version`), so nothing moves on deploy and SEQUENCE never goes backwards for a calendar
//    client that already holds an event.
//
// 2. `action_updates.public` defaults to false: publishing an update on the public website is a
//    choice made each time. Existing completion proposals, reopen reasons and reassignment notes
//    were made public without anyone choosing it (the API had no such field for them, and the
//    reassignment note is written by the system): they are made non-public here. The public action
//    tracker reads live updates, so they leave it; frozen versions of the notes never contained
//    updates, so no published version changes. Plain progress updates and closing notes keep
//    their value: someone ticked a box (under a misleading label) or closed the action with a note
//    that then was the public closure. `down` restores the default but cannot know which rows were
//    public before, and leaves them.

const PUBLIC_MEETING_FACTS = `new.starts_at is distinct from old.starts_at
      or new.location is distinct from old.location
      or new.online is distinct from old.online
      or (new.status = 'cancelled') is distinct from (old.status = 'cancelled')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table meetings
    add column public_changed_at timestamptz,
    add column public_sequence integer`.execute(db);
  await sql`update meetings set public_changed_at = updated_at, public_sequence = version`.execute(db);
  await sql`alter table meetings
    alter column public_changed_at set not null,
    alter column public_changed_at set default clock_timestamp(),
    alter column public_sequence set not null,
    alter column public_sequence set default 0`.execute(db);
  await sql`alter table boards add column public_changed_at timestamptz`.execute(db);
  await sql`update boards set public_changed_at = updated_at`.execute(db);
  await sql`alter table boards
    alter column public_changed_at set not null,
    alter column public_changed_at set default clock_timestamp()`.execute(db);

  await sql
    .raw(`
    create function meetings_public_change() returns trigger language plpgsql as $$
    begin
      if ${PUBLIC_MEETING_FACTS} then
        new.public_changed_at := clock_timestamp();
        new.public_sequence := old.public_sequence + 1;
      else
        new.public_changed_at := old.public_changed_at;
        new.public_sequence := old.public_sequence;
      end if;
      return new;
    end $$`)
    .execute(db);
  await sql`create trigger meetings_public_change before update on meetings
    for each row execute function meetings_public_change()`.execute(db);
  await sql`
    create function boards_public_change() returns trigger language plpgsql as $$
    begin
      if new.name is distinct from old.name or new.code is distinct from old.code
        or new.description is distinct from old.description then
        new.public_changed_at := clock_timestamp();
      else
        new.public_changed_at := old.public_changed_at;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger boards_public_change before update on boards
    for each row execute function boards_public_change()`.execute(db);

  await sql`alter table action_updates alter column public set default false`.execute(db);
  await sql`update action_updates set public = false
    where public and kind in ('completion_proposed', 'reopened', 'reassigned')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table action_updates alter column public set default true`.execute(db);
  await sql`drop trigger boards_public_change on boards`.execute(db);
  await sql`drop function boards_public_change()`.execute(db);
  await sql`drop trigger meetings_public_change on meetings`.execute(db);
  await sql`drop function meetings_public_change()`.execute(db);
  await sql`alter table boards drop column public_changed_at`.execute(db);
  await sql`alter table meetings drop column public_changed_at, drop column public_sequence`.execute(db);
}
