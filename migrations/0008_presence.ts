import { type Kysely, sql } from 'kysely';

// Presence on the drafting screen ("Also editing: …"): one row per open page (a "tab"), whose
// user, meeting and item it is, when it last said so and until when it counts. In the database
// rather than one process's memory, so people served by different API processes see each other.
// Rows past expires_at mean nothing; each heartbeat clears them. A user, meeting or item that goes
// takes its rows with it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('presence')
    .addColumn('tab', 'uuid', (c) => c.primaryKey())
    .addColumn('user_id', 'uuid', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('meeting_id', 'uuid', (c) => c.notNull().references('meetings.id').onDelete('cascade'))
    .addColumn('item_id', 'uuid', (c) => c.notNull().references('agenda_items.id').onDelete('cascade'))
    .addColumn('last_seen', 'timestamptz', (c) => c.notNull())
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('presence_meeting_idx').on('presence').columns(['meeting_id']).execute();
  await db.schema.createIndex('presence_expires_idx').on('presence').columns(['expires_at']).execute();
  // Every application table notifies its changes (see 0007_change_notifications.ts).
  await sql
    .raw(
      `create trigger presence_notify_change after insert or update or delete or truncate on presence
       for each statement execute function boardroom_notify_change()`,
    )
    .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('presence').execute();
}
