import { type Kysely, sql } from 'kysely';

const id = sql`gen_random_uuid()`;
const now = sql`now()`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('files')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('boards')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('standing_items', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('question_deadline_days', 'integer', (c) => c.notNull().defaultTo(7))
    .addColumn('list_exempt_titles', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  // Secretariat users administer specific boards, not all of them.
  await db.schema
    .createTable('board_secretariat')
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('cascade'))
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('board_secretariat_pk', ['board_id', 'user_id'])
    .execute();

  await db.schema
    .createTable('meetings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id').onDelete('restrict'))
    .addColumn('starts_at', 'timestamptz', (c) => c.notNull())
    .addColumn('location', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('online', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('scheduled')
        .check(sql`status in ('scheduled','held','notes_drafted','notes_approved','published','cancelled')`),
    )
    .addColumn('summary', 'text', (c) =>
      c.notNull().defaultTo('These minutes provide a summary of key points raised during this meeting.'),
    )
    .addColumn('question_deadline', 'timestamptz')
    .addColumn('next_meeting_id', 'uuid', (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('next_meeting_date', 'date')
    .addColumn('notes_approved_at_meeting_id', 'uuid', (c) =>
      c.references('meetings.id').onDelete('set null'),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('meetings_board_starts_idx')
    .on('meetings')
    .columns(['board_id', 'starts_at'])
    .execute();

  await db.schema
    .createTable('agenda_items')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('attendance','previous_notes','update','questions','report','declarations','matters_arising','exclusion','aob','close','other')`,
        ),
    )
    .addColumn('presenters', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('body_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('body_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('confidentiality', 'text', (c) =>
      c.notNull().defaultTo('public').check(sql`confidentiality in ('public','exempt','opcc_only')`),
    )
    .addColumn('exempt_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('english'::regconfig, title || ' ' || body_text)`).stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addCheckConstraint(
      'agenda_items_exempt_reason',
      sql`confidentiality <> 'exempt' or exempt_reason is not null`,
    )
    .execute();
  await db.schema
    .createIndex('agenda_items_meeting_idx')
    .on('agenda_items')
    .columns(['meeting_id', 'position'])
    .execute();
  await db.schema
    .createIndex('agenda_items_search_idx')
    .on('agenda_items')
    .using('gin')
    .column('search')
    .execute();

  await db.schema
    .createTable('papers')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('agenda_items.id').onDelete('cascade'))
    .addColumn('file_id', 'uuid', (c) => c.notNull().references('files.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) =>
      c.notNull().defaultTo('public').check(sql`confidentiality in ('public','exempt','opcc_only')`),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex('papers_item_idx').on('papers').column('item_id').execute();

  await db.schema
    .createTable('attendance')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('role', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('organisation', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('present','apologies','absent','in_attendance')`),
    )
    .addColumn('for_item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('attendance_meeting_person_unique', ['meeting_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('declarations')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('person_id', 'uuid', (c) => c.notNull().references('people.id'))
    .addColumn('item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('interest', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('questions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('number', 'integer')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('source', 'text', (c) =>
      c.notNull().check(sql`source in ('pre_submitted','in_meeting','public')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('asked_by_person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('asked_by_printed', 'text', (c) => c.notNull().defaultTo(''))
    // Members of the public are named in public outputs only with their consent.
    .addColumn('public_asker_name', 'text')
    .addColumn('public_name_consent', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('answered_by_person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('answered_by_printed', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answer_html', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('answer_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('submitted_by_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('english'::regconfig, text || ' ' || answer_text)`).stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('questions_meeting_idx')
    .on('questions')
    .columns(['meeting_id', 'position'])
    .execute();
  await db.schema.createIndex('questions_search_idx').on('questions').using('gin').column('search').execute();

  await db.schema
    .createTable('actions')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('board_id', 'uuid', (c) => c.notNull().references('boards.id'))
    .addColumn('reference', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'uuid', (c) => c.notNull().references('organisations.id'))
    .addColumn('owner_person_id', 'uuid', (c) => c.references('people.id'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id'))
    .addColumn('item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('set null'))
    .addColumn('question_id', 'uuid', (c) => c.references('questions.id').onDelete('set null'))
    .addColumn('due_date', 'date')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open','in_progress','completion_proposed','closed','superseded')`),
    )
    .addColumn('closed_at', 'timestamptz')
    .addColumn('closed_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('closure_note', 'text')
    .addColumn('confidentiality', 'text', (c) =>
      c.notNull().defaultTo('public').check(sql`confidentiality in ('public','exempt','opcc_only')`),
    )
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('search', sql`tsvector`, (c) =>
      c.generatedAlwaysAs(sql`to_tsvector('english'::regconfig, reference || ' ' || text)`).stored(),
    )
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('actions_board_reference_unique', ['board_id', 'reference'])
    .execute();
  await db.schema
    .createIndex('actions_board_status_idx')
    .on('actions')
    .columns(['board_id', 'status', 'due_date'])
    .execute();
  await db.schema
    .createIndex('actions_owner_idx')
    .on('actions')
    .columns(['owner_organisation_id', 'status'])
    .execute();
  await db.schema.createIndex('actions_meeting_idx').on('actions').column('meeting_id').execute();
  await db.schema.createIndex('actions_search_idx').on('actions').using('gin').column('search').execute();

  await db.schema
    .createTable('action_updates')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('action_id', 'uuid', (c) => c.notNull().references('actions.id').onDelete('cascade'))
    .addColumn('author_user_id', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('author_name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) =>
      c
        .notNull()
        .defaultTo('update')
        .check(sql`kind in ('update','completion_proposed','closed','reopened','reassigned')`),
    )
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('evidence_file_id', 'uuid', (c) => c.references('files.id'))
    .addColumn('public', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`clock_timestamp()`))
    .execute();
  await db.schema
    .createIndex('action_updates_action_idx')
    .on('action_updates')
    .columns(['action_id', 'created_at'])
    .execute();

  await db.schema
    .createTable('plans')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('starts_on', 'date', (c) => c.notNull())
    .addColumn('ends_on', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('plan_id', 'uuid', (c) => c.notNull().references('plans.id').onDelete('cascade'))
    .addColumn('ref', 'integer', (c) => c.notNull())
    .addColumn('chapter', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('commitments_plan_ref_unique', ['plan_id', 'ref'])
    .execute();

  await db.schema
    .createTable('commitment_ratings')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('commitment_id', 'uuid', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('rating', 'text', (c) => c.notNull().check(sql`rating in ('red','amber','green')`))
    .addColumn('commentary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('meeting_id', 'uuid', (c) => c.references('meetings.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addUniqueConstraint('commitment_ratings_period_unique', ['commitment_id', 'period'])
    .execute();

  await db.schema
    .createTable('commitment_links')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('commitment_id', 'uuid', (c) => c.notNull().references('commitments.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) => c.references('agenda_items.id').onDelete('cascade'))
    .addColumn('question_id', 'uuid', (c) => c.references('questions.id').onDelete('cascade'))
    .addColumn('action_id', 'uuid', (c) => c.references('actions.id').onDelete('cascade'))
    .addCheckConstraint('commitment_links_one_target', sql`num_nonnulls(item_id, question_id, action_id) = 1`)
    .execute();
  await db.schema
    .createIndex('commitment_links_commitment_idx')
    .on('commitment_links')
    .column('commitment_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'commitment_links',
    'commitment_ratings',
    'commitments',
    'plans',
    'action_updates',
    'actions',
    'questions',
    'declarations',
    'attendance',
    'papers',
    'agenda_items',
    'meetings',
    'board_secretariat',
    'boards',
    'files',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
