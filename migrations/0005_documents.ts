import { type Kysely, sql } from 'kysely';

// Rendered PDFs and the progress of background render batches. The job queue itself (pg-boss) keeps
// its own schema ("pgboss"), which it installs and upgrades on start.

const id = sql`gen_random_uuid()`;
const now = sql`now()`;
const documentKind = sql`kind in ('notes','agenda','action-log')`;

export async function up(db: Kysely<any>): Promise<void> {
  // One row per distinct input: input_hash is the SHA-256 of the canonical view model and the template
  // version, so the same document is never rendered twice. Rows are immutable once written.
  await db.schema
    .createTable('rendered_documents')
    .addColumn('id', 'uuid', (c) => c.primaryKey().defaultTo(id))
    .addColumn('kind', 'text', (c) => c.notNull().check(documentKind))
    // A meeting (notes, agenda) or a board (action log); no foreign key, as it can be either.
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('input_hash', 'text', (c) => c.notNull().unique())
    .addColumn('pdf', 'bytea', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size_bytes', 'integer', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .execute();
  await db.schema
    .createIndex('rendered_documents_subject_idx')
    .on('rendered_documents')
    .columns(['kind', 'subject_id', 'created_at'])
    .execute();

  // A render batch is one pg-boss job (same id); its documents record progress as the job runs.
  await db.schema
    .createTable('render_batches')
    .addColumn('id', 'uuid', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(documentKind))
    .addColumn('requested_by', 'uuid', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('created')
        .check(sql`state in ('created','active','retry','completed','failed','cancelled')`),
    )
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute();

  await db.schema
    .createTable('render_batch_documents')
    .addColumn('batch_id', 'uuid', (c) => c.notNull().references('render_batches.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('subject_id', 'uuid', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c
        .notNull()
        .defaultTo('pending')
        .check(sql`state in ('pending','rendering','completed','retrying','failed')`),
    )
    .addColumn('document_id', 'uuid', (c) => c.references('rendered_documents.id').onDelete('set null'))
    .addColumn('sha256', 'text')
    .addColumn('error', 'text')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(now))
    .addPrimaryKeyConstraint('render_batch_documents_pk', ['batch_id', 'position'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('render_batch_documents').execute();
  await db.schema.dropTable('render_batches').execute();
  await db.schema.dropTable('rendered_documents').execute();
}
