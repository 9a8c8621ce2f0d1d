import { type Kysely, sql } from 'kysely';

// Tamper evidence: every published version (notes and decisions alike) is a link in one hash chain
// per board, in the order of publication. A version carries its board, its place in the chain
// (chain_seq 1, 2, …), the chain hash of the version before it (prev_sha256, null for the first) and
// its own chain hash:
//
//   chain_sha256 = sha256(utf8(join('\n', 'boardroom-chain-v1', board id, chain_seq, prev_sha256 or '',
//                                   kind ('notes' | 'decision'), version id, meeting or decision id,
//                                   version_no, json_sha256, pdf_sha256)))
//
// (scripts/verify-publications.ts recomputes exactly this). Rewriting any stored version, even with its
// own hashes recomputed, breaks every later link; rewriting the whole chain after it changes the head,
// which the public has seen in the Atom feed and open data. The database fills the four columns itself
// (a BEFORE INSERT trigger, whatever the inserting code passed), so no caller can forget or forge them.
//
// Serialised per board: the trigger locks the board's row in publication_chain_heads (created on the
// first publication) and reads the head from it, so two concurrent publications wait for each other
// and cannot both link to the same predecessor (under READ COMMITTED the second sees the first's
// head once it commits; under REPEATABLE READ it fails with a serialisation error instead of forking).
// The heads table is a cursor and a lock, not evidence: the verifier checks it against the versions.
//
// Also: the job queue's schema (pg-boss's), created empty here by the owner, so that the role the
// application runs as never needs the right to create schemas (pg-boss is told not to create it;
// src/db/roles.ts hands it to the application's role, since pg-boss makes tables in it at run time).
// `down` leaves it: it holds the queue, which pg-boss created before this migration existed.

const VERSION_TABLES = [
  { table: 'notes_versions', kind: 'notes', owner: 'meeting_id', parent: 'meetings' },
  { table: 'decision_versions', kind: 'decision', owner: 'decision_id', parent: 'decisions' },
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`create schema if not exists pgboss`.execute(db);

  await sql`
    create function publication_chain_hash(
      board uuid, seq integer, prev text, kind text, version_id uuid, owner_id uuid, version_no integer,
      json_sha256 text, pdf_sha256 text
    ) returns text language sql immutable as $$
      select encode(sha256(convert_to(concat_ws(E'\n', 'boardroom-chain-v1', board::text, seq::text,
        coalesce(prev, ''), kind, version_id::text, owner_id::text, version_no::text, json_sha256,
        pdf_sha256), 'UTF8')), 'hex')
    $$`.execute(db);

  await db.schema
    .createTable('publication_chain_heads')
    .addColumn('board_id', 'uuid', (c) => c.primaryKey().references('boards.id').onDelete('restrict'))
    .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('head_sha256', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  // As every table (0007): a write notifies the other processes' read caches.
  await sql`
    create trigger publication_chain_heads_notify_change
    after insert or update or delete or truncate on publication_chain_heads
    for each statement execute function boardroom_notify_change()`.execute(db);

  for (const { table } of VERSION_TABLES) {
    await db.schema
      .alterTable(table)
      .addColumn('board_id', 'uuid')
      .addColumn('chain_seq', 'integer')
      .addColumn('prev_sha256', 'text')
      .addColumn('chain_sha256', 'text')
      .execute();
  }

  await sql`
    create function publication_chain_link() returns trigger language plpgsql as $$
    declare
      kind text;
      owner_id uuid;
      board uuid;
      head record;
    begin
      if tg_table_name = 'notes_versions' then
        kind := 'notes';
        owner_id := new.meeting_id;
        select m.board_id into board from meetings m where m.id = owner_id;
      else
        kind := 'decision';
        owner_id := new.decision_id;
        select d.board_id into board from decisions d where d.id = owner_id;
      end if;
      if board is null then
        raise exception 'published version of % % has no board', kind, owner_id using errcode = '23502';
      end if;
      insert into publication_chain_heads (board_id) values (board) on conflict (board_id) do nothing;
      select h.seq, h.head_sha256 into head from publication_chain_heads h where h.board_id = board for update;
      new.board_id := board;
      new.chain_seq := head.seq + 1;
      new.prev_sha256 := head.head_sha256;
      new.chain_sha256 := publication_chain_hash(board, head.seq + 1, head.head_sha256, kind, new.id,
        owner_id, new.version_no, new.json_sha256, new.pdf_sha256);
      update publication_chain_heads set seq = head.seq + 1, head_sha256 = new.chain_sha256, updated_at = now()
        where board_id = board;
      return new;
    end $$`.execute(db);

  // Backfill what was published before, board by board in publication order, with the append-only
  // triggers of 0006 off for the length of this transaction (the migration runs as the owner).
  for (const { table } of VERSION_TABLES) {
    await sql`alter table ${sql.table(table)} disable trigger ${sql.raw(`${table}_immutable`)}`.execute(db);
  }
  await sql`
    do $$
    declare
      v record;
      prev text;
      seq integer;
      last_board uuid;
    begin
      for v in
        select 'notes' as kind, n.id, n.meeting_id as owner_id, m.board_id, n.version_no, n.published_at,
               n.json_sha256, n.pdf_sha256
          from notes_versions n join meetings m on m.id = n.meeting_id
        union all
        select 'decision', dv.id, dv.decision_id, d.board_id, dv.version_no, dv.published_at,
               dv.json_sha256, dv.pdf_sha256
          from decision_versions dv join decisions d on d.id = dv.decision_id
        order by board_id, published_at, kind desc, version_no, id
      loop
        if last_board is distinct from v.board_id then
          if last_board is not null then
            insert into publication_chain_heads (board_id, seq, head_sha256) values (last_board, seq, prev);
          end if;
          last_board := v.board_id; prev := null; seq := 0;
        end if;
        seq := seq + 1;
        if v.kind = 'notes' then
          update notes_versions set board_id = v.board_id, chain_seq = seq, prev_sha256 = prev,
            chain_sha256 = publication_chain_hash(v.board_id, seq, prev, v.kind, v.id, v.owner_id,
              v.version_no, v.json_sha256, v.pdf_sha256)
            where id = v.id returning chain_sha256 into prev;
        else
          update decision_versions set board_id = v.board_id, chain_seq = seq, prev_sha256 = prev,
            chain_sha256 = publication_chain_hash(v.board_id, seq, prev, v.kind, v.id, v.owner_id,
              v.version_no, v.json_sha256, v.pdf_sha256)
            where id = v.id returning chain_sha256 into prev;
        end if;
      end loop;
      if last_board is not null then
        insert into publication_chain_heads (board_id, seq, head_sha256) values (last_board, seq, prev);
      end if;
    end $$`.execute(db);
  for (const { table } of VERSION_TABLES) {
    await sql`alter table ${sql.table(table)} enable trigger ${sql.raw(`${table}_immutable`)}`.execute(db);
  }

  for (const { table } of VERSION_TABLES) {
    for (const column of ['board_id', 'chain_seq', 'chain_sha256']) {
      await db.schema
        .alterTable(table)
        .alterColumn(column, (c) => c.setNotNull())
        .execute();
    }
    await db.schema
      .createIndex(`${table}_chain_idx`)
      .on(table)
      .columns(['board_id', 'chain_seq'])
      .unique()
      .execute();
    await sql`
      create trigger ${sql.raw(`${table}_chain_link`)} before insert on ${sql.table(table)}
      for each row execute function publication_chain_link()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { table } of VERSION_TABLES) {
    await sql`drop trigger ${sql.raw(`${table}_chain_link`)} on ${sql.table(table)}`.execute(db);
    await db.schema.dropIndex(`${table}_chain_idx`).execute();
    await db.schema
      .alterTable(table)
      .dropColumn('board_id')
      .dropColumn('chain_seq')
      .dropColumn('prev_sha256')
      .dropColumn('chain_sha256')
      .execute();
  }
  await sql`drop function publication_chain_link()`.execute(db);
  await db.schema.dropTable('publication_chain_heads').execute();
  await sql`drop function publication_chain_hash(uuid, integer, text, text, uuid, uuid, integer, text, text)`.execute(
    db,
  );
}
