import { type Kysely, sql } from 'kysely';

// Effective confidentiality, kept by the database itself (issue 14, findings 1-3).
//
// An object is as confidential as the most confidential of itself and every container: an agenda
// item's papers, the actions raised under it or under a question filed under it. Before this
// migration that rule ran only when the application created or edited an action, so moving a
// question under an exempt item, or raising an item's confidentiality, left public actions behind.
// Now:
// - every insert or update of an action or paper raises its confidentiality to that of its
//   containers (a BEFORE trigger: no path in or outside the app can store a less confidential child);
// - raising an item's confidentiality raises what hangs off it, and moving a question takes its
//   actions along to the new item, in the same statement's transaction (AFTER triggers);
// - lowering a container never lowers its children: making them public again is a decision taken
//   for each of them.
//
// Action references are numbered in one series per confidentiality, so that nobody can count what
// they may not see: "AGB/2026-03/1" public, "AGB/2026-03/R1" exempt, "AGB/2026-03/P1" OPCC-only.
// When an action's confidentiality changes, it takes the next number of its new series and the
// series it left closes up, so every series runs 1..n with no gap. Creates and moves of one board
// and month take turns on a transaction-scoped advisory lock (the same key the application's
// create takes); the unique constraint becomes deferrable, checked at the end of each statement,
// so a series can close up in one UPDATE.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function confidentiality_rank(c text) returns int language sql immutable as $$
      select case c when 'public' then 0 when 'exempt' then 1 when 'opcc_only' then 2 end $$`.execute(db);
  await sql`
    create function stricter_confidentiality(a text, b text) returns text language sql immutable as $$
      select case when b is null or confidentiality_rank(a) >= confidentiality_rank(b) then a else b end $$`.execute(
    db,
  );
  await sql`
    create function action_reference_series(c text) returns text language sql immutable as $$
      select case c when 'public' then '' when 'exempt' then 'R' else 'P' end $$`.execute(db);
  await sql`
    create function action_confidentiality_floor(p_item uuid, p_question uuid) returns text
    language sql stable as $$
      select stricter_confidentiality(
        stricter_confidentiality('public', (select confidentiality from agenda_items where id = p_item)),
        (select i.confidentiality from questions q join agenda_items i on i.id = q.item_id where q.id = p_question)) $$`.execute(
    db,
  );

  // Raise to the floor, and keep the reference in the series of the confidentiality it ends with.
  await sql`
    create function actions_effective_confidentiality() returns trigger language plpgsql as $$
    declare
      month text;
      series text;
    begin
      new.confidentiality := stricter_confidentiality(new.confidentiality,
        action_confidentiality_floor(new.item_id, new.question_id));
      month := substring(new.reference from '^(.*/)');
      if month is null then return new; end if;
      series := action_reference_series(new.confidentiality);
      if substr(new.reference, length(month) + 1) !~ ('^' || series || '[0-9]+$') then
        perform pg_advisory_xact_lock(hashtextextended('actions ' || new.board_id || ' ' || month, 0));
        new.reference := month || series || (
          select coalesce(max(substring(reference from '([0-9]+)$')::int), 0) + 1
            from actions
           where board_id = new.board_id and id <> new.id
             and left(reference, length(month)) = month
             and substr(reference, length(month) + 1) ~ ('^' || series || '[0-9]+$'));
      end if;
      return new;
    end $$`.execute(db);
  await sql`
    create trigger actions_effective_confidentiality
    before insert or update of confidentiality, item_id, question_id, reference on actions
    for each row execute function actions_effective_confidentiality()`.execute(db);

  // The series an action left closes up behind it.
  await sql`
    create function actions_close_reference_gap() returns trigger language plpgsql as $$
    declare
      month text := substring(old.reference from '^(.*/)');
      series text := substring(substr(old.reference, length(substring(old.reference from '^(.*/)')) + 1) from '^([A-Z]*)');
    begin
      if month is null then return null; end if;
      with ranked as (
        select id, month || series || row_number() over (
                 order by substring(reference from '([0-9]+)$')::int, id) as ref
          from actions
         where board_id = old.board_id
           and left(reference, length(month)) = month
           and substr(reference, length(month) + 1) ~ ('^' || series || '[0-9]+$'))
      update actions a set reference = ranked.ref
        from ranked where a.id = ranked.id and a.reference <> ranked.ref;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger actions_close_reference_gap after update on actions
    for each row when (old.confidentiality is distinct from new.confidentiality
                       and old.reference is distinct from new.reference)
    execute function actions_close_reference_gap()`.execute(db);

  await sql`
    create function papers_effective_confidentiality() returns trigger language plpgsql as $$
    begin
      new.confidentiality := stricter_confidentiality(new.confidentiality,
        (select confidentiality from agenda_items where id = new.item_id));
      return new;
    end $$`.execute(db);
  await sql`
    create trigger papers_effective_confidentiality
    before insert or update of confidentiality, item_id on papers
    for each row execute function papers_effective_confidentiality()`.execute(db);

  await sql`
    create function agenda_items_cascade_confidentiality() returns trigger language plpgsql as $$
    begin
      if confidentiality_rank(new.confidentiality) > confidentiality_rank(old.confidentiality) then
        update actions set confidentiality = new.confidentiality, version = version + 1, updated_at = now()
         where (item_id = new.id or question_id in (select id from questions where item_id = new.id))
           and confidentiality_rank(confidentiality) < confidentiality_rank(new.confidentiality);
        update papers set confidentiality = new.confidentiality
         where item_id = new.id
           and confidentiality_rank(confidentiality) < confidentiality_rank(new.confidentiality);
      end if;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger agenda_items_cascade_confidentiality after update of confidentiality on agenda_items
    for each row execute function agenda_items_cascade_confidentiality()`.execute(db);

  // A question's actions go with it to its new item (unless filed under another item of their own).
  await sql`
    create function questions_move_actions() returns trigger language plpgsql as $$
    begin
      update actions
         set item_id = case when item_id is not distinct from old.item_id then new.item_id else item_id end,
             version = version + 1, updated_at = now()
       where question_id = new.id;
      return null;
    end $$`.execute(db);
  await sql`
    create trigger questions_move_actions after update of item_id on questions
    for each row when (old.item_id is distinct from new.item_id)
    execute function questions_move_actions()`.execute(db);

  await sql`alter table actions drop constraint actions_board_reference_unique`.execute(db);
  await sql`alter table actions add constraint actions_board_reference_unique
            unique (board_id, reference) deferrable initially immediate`.execute(db);

  // Existing rows: raise what sits under a more confidential container, then renumber every series
  // (OPCC-only actions leave the exempt "R" series for their own "P" series), in allocation order.
  await sql`update papers set confidentiality = confidentiality`.execute(db);
  await sql`alter table actions disable trigger actions_close_reference_gap`.execute(db);
  await sql`
    update actions set confidentiality = action_confidentiality_floor(item_id, question_id)
     where confidentiality_rank(confidentiality)
           < confidentiality_rank(action_confidentiality_floor(item_id, question_id))`.execute(db);
  await sql`
    with parsed as (
      select id, board_id, confidentiality,
             substring(reference from '^(.*/)') as month,
             coalesce(substring(reference from '([0-9]+)$')::int, 0) as n,
             substring(reference from '^.*/([A-Z]*)') as old_series
        from actions),
    ranked as (
      select id, month || action_reference_series(confidentiality) || row_number() over (
               partition by board_id, month, action_reference_series(confidentiality)
               order by old_series, n, id) as ref
        from parsed where month is not null)
    update actions a set reference = ranked.ref
      from ranked where a.id = ranked.id and a.reference <> ranked.ref`.execute(db);
  await sql`alter table actions enable trigger actions_close_reference_gap`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger questions_move_actions on questions`.execute(db);
  await sql`drop trigger agenda_items_cascade_confidentiality on agenda_items`.execute(db);
  await sql`drop trigger papers_effective_confidentiality on papers`.execute(db);
  await sql`drop trigger actions_close_reference_gap on actions`.execute(db);
  await sql`drop trigger actions_effective_confidentiality on actions`.execute(db);
  await sql`alter table actions drop constraint actions_board_reference_unique`.execute(db);
  await sql`alter table actions add constraint actions_board_reference_unique unique (board_id, reference)`.execute(
    db,
  );
  for (const fn of [
    'questions_move_actions()',
    'agenda_items_cascade_confidentiality()',
    'papers_effective_confidentiality()',
    'actions_close_reference_gap()',
    'actions_effective_confidentiality()',
    'action_confidentiality_floor(uuid, uuid)',
    'action_reference_series(text)',
    'stricter_confidentiality(text, text)',
    'confidentiality_rank(text)',
  ]) {
    await sql`drop function ${sql.raw(fn)}`.execute(db);
  }
}
