import { type CreateTableBuilder, type Kysely, sql } from 'kysely';

// Publication: the notes workflow of each meeting, and what was published, frozen.
//
// - meeting_publication: one row per meeting once anything has happened (no row = notes in draft,
//   agenda not yet published). Mutable; every change is audited by the service.
// - notes_versions / decision_versions: what the public was given, exactly: the canonical JSON, the
//   PDF bytes and the SHA-256 of each. Append-only, enforced here (a trigger refuses UPDATE, DELETE
//   and TRUNCATE; check constraints refuse a hash that is not the hash of the stored bytes), as for
//   audit_log. "Superseded" is derived (a later version exists), so nothing ever needs updating.
//   No foreign key may act on these rows (ON DELETE SET NULL would be an UPDATE): who published is
//   kept as an id and a name, and the meeting or decision cannot be deleted once published.
// - decisions: the register entry being prepared (mutable until first published; afterwards changed
//   only by a correction, which writes a new version in the same transaction).

const id = sql`gen_random_uuid()`;
const now = sql`now()`;
const sha256Of = (column: string) => sql.raw(`encode(sha256(${column}), 'hex')`);

type TableBuilder = CreateTableBuilder<any, any>;

async function frozenVersionsTable(
  db: Kysely<any>,
  table: string,
  parent: string,
  parentTable: string,
  extend: (t: TableBuilder) => TableBuilder = (t) => t,
) {
  const base = db.schema
    .createTable(table)
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn(parent, 'uuid', (c) => c.notNull().references(`${parentTable}.id`).onDelete('restrict'))
    .addColumn('version_no', 'integer', (c) => c.notNull().check(sql`version_no >= 1`))
    .addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .addColumn('published_by', 'uuid')
    .addColumn('published_by_name', 'text', (c) => c.notNull())
    // Why this version exists: null for the first, required for every correction.
    .addColumn('reason', 'text')
    // Text, not jsonb: the bytes that were hashed are the bytes that are served.
    .addColumn('canonical_json', 'text', (c) => c.notNull())
    .addColumn('json_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf', 'bytea', (c) => c.notNull())
    .addColumn('pdf_sha256', 'text', (c) => c.notNull())
    .addColumn('pdf_filename', 'text', (c) => c.notNull())
    .addColumn('pdf_size', 'integer', (c) => c.notNull())
    // Plain text of what was published, for public search (and nothing else).
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('english'::regconfig, search_text)`).stored(),
    )
    .addUniqueConstraint(`${table}_version_unique`, [parent, 'version_no'])
    .addCheckConstraint(
      `${table}_reason`,
      sql`(version_no = 1 and reason is null) or (version_no > 1 and length(btrim(coalesce(reason, ''))) > 0)`,
    )
    .addCheckConstraint(
      `${table}_json_hash`,
      sql`json_sha256 = ${sha256Of("convert_to(canonical_json, 'UTF8')")}`,
    )
    .addCheckConstraint(`${table}_pdf_hash`, sql`pdf_sha256 = ${sha256Of('pdf')}`)
    .addCheckConstraint(`${table}_pdf_size`, sql`pdf_size = octet_length(pdf)`)
    .addCheckConstraint(`${table}_pdf_magic`, sql`substring(pdf from 1 for 5) = '\\x255044462d'::bytea`);
  await extend(base).execute();
  await db.schema.createIndex(`${table}_published_idx`).on(table).columns(['published_at', 'id']).execute();
  await db.schema.createIndex(`${table}_search_idx`).on(table).using('gin').column('search').execute();
  await sql`
    create trigger ${sql.raw(`${table}_immutable`)} before update or delete on ${sql.table(table)}
    for each row execute function published_version_immutable()`.execute(db);
  await sql`
    create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
    for each statement execute function published_version_immutable()`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function published_version_immutable() returns trigger language plpgsql as $$
    begin raise exception '% is append-only: a published version cannot be changed or deleted', tg_table_name
      using errcode = 'P0001'; end $$`.execute(db);

  await db.schema
    .createTable('meeting_publication')
    .addColumn('meeting_id', 'uuid', (c) => c.primaryKey().references('meetings.id').onDelete('cascade'))
    .addColumn('agenda_published_at', 'timestamptz')
    .addColumn('agenda_published_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('notes_state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`notes_state in ('draft','submitted','approved','published','correcting')`),
    )
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('submitted_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('approved_at', 'timestamptz')
    .addColumn('approved_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    // The meeting that approved these notes is meetings.notes_approved_at_meeting_id (0002).
    .addColumn('correction_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'meeting_publication_correction_reason',
      sql`(notes_state = 'correcting') = (correction_reason is not null)`,
    )
    .execute();

  await frozenVersionsTable(db, 'notes_versions', 'meeting_id', 'meetings', (t) =>
    t
      // The meeting that approved the notes, as it was when they were published (no FK: see above).
      .addColumn('approved_at_meeting_id', 'uuid')
      // Shown on the published notes when anything was withheld (ICO: say that it was edited).
      .addColumn('edited', 'boolean', (c) => c.notNull())
      .addColumn('edited_notice', 'text')
      // The actions this version made public: the public action tracker lists only these.
      .addColumn('public_action_ids', sql`uuid[]`, (c) => c.notNull().defaultTo(sql`'{}'::uuid[]`))
      .addCheckConstraint('notes_versions_edited_notice', sql`edited = (edited_notice is not null)`),
  );

  await db.schema
    .createTable('decisions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('restrict'))
    // Given at first publication, numbered among published decisions only (no gap reveals a draft).
    .addColumn('reference', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'date', (c) => c.notNull())
    .addColumn('decision_maker', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('meeting_id', 'uuid', (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft','published')`),
    )
    .addColumn('created_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('decisions_board_reference_unique', ['board_id', 'reference'])
    .addCheckConstraint('decisions_reference', sql`(status = 'draft') = (reference is null)`)
    .execute();
  await db.schema
    .createIndex('decisions_board_date_idx')
    .on('decisions')
    .columns(['board_id', 'decision_date'])
    .execute();
  await db.schema.createIndex('decisions_meeting_idx').on('decisions').column('meeting_id').execute();

  await frozenVersionsTable(db, 'decision_versions', 'decision_id', 'decisions');
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('decision_versions').execute();
  await db.schema.dropTable('decisions').execute();
  await db.schema.dropTable('notes_versions').execute();
  await db.schema.dropTable('meeting_publication').execute();
  await sql`drop function published_version_immutable()`.execute(db);
}
