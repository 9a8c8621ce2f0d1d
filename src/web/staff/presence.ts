/**
 * Who else has a meeting's drafting screen open, so two people do not type over each other unawares.
 * Kept in the database (table `presence`, migration 0008), so every API process sees every visitor:
 * each open page is a "tab" that says it is still there (a page view, then the script's heartbeat)
 * and is forgotten when it says goodbye or stops saying anything. A heartbeat is one statement (an
 * upsert of its row that also clears expired rows); like every write it moves the read cache's
 * generation (src/web/README.md says what that costs).
 *
 * Times are this process's clock (`now`, which tests move); API processes are assumed to keep time
 * within a few seconds of each other, which is nothing against these expiries.
 */
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

/** How long a tab counts as open after its script last said so (it says so every 15 s). */
export const HEARTBEAT_TTL_MS = 45_000;
/** After a page view alone: a screen without JavaScript shows nothing more until the next page. */
export const PAGE_VIEW_TTL_MS = 2 * 60_000;
/** Open tabs kept per meeting at most, so no one can fill the table with made-up tab ids. */
const MAX_TABS = 200;

export interface PresenceTab {
  tab: string;
  userId: string;
  meetingId: string;
  itemId: string;
}

export interface PresenceVisitor {
  userId: string;
  name: string;
  itemTitle: string;
}

/**
 * The tab is open on this item (for `ttlMs` more). A tab id is its first user's: another user
 * cannot take it over (or end it). Expired tabs of others are cleared in the same statement.
 */
export async function seen(db: Database, t: PresenceTab, ttlMs: number, now = new Date()): Promise<void> {
  const expires = new Date(now.getTime() + ttlMs);
  await sql`
    with expired as (delete from presence where expires_at <= ${now}::timestamptz and tab <> ${t.tab}::uuid)
    insert into presence (tab, user_id, meeting_id, item_id, last_seen, expires_at)
    select ${t.tab}::uuid, ${t.userId}::uuid, ${t.meetingId}::uuid, ${t.itemId}::uuid,
      ${now}::timestamptz, ${expires}::timestamptz
    where exists (select 1 from presence where tab = ${t.tab}::uuid)
      or (select count(*) from presence
          where meeting_id = ${t.meetingId}::uuid and expires_at > ${now}::timestamptz) < ${MAX_TABS}
    on conflict (tab) do update
      set meeting_id = excluded.meeting_id, item_id = excluded.item_id,
        last_seen = excluded.last_seen, expires_at = excluded.expires_at
      where presence.user_id = excluded.user_id`.execute(db);
}

/** The tab said goodbye (only its own user can end it). */
export async function left(db: Database, meetingId: string, tab: string, userId: string): Promise<void> {
  await db
    .deleteFrom('presence')
    .where('tab', '=', tab)
    .where('meeting_id', '=', meetingId)
    .where('user_id', '=', userId)
    .execute();
}

/** The other people with the meeting open (one entry a person, their latest tab), by name. */
export async function others(
  db: Database,
  meetingId: string,
  userId: string,
  now = new Date(),
): Promise<PresenceVisitor[]> {
  const rows = await db
    .selectFrom('presence')
    .innerJoin('users', 'users.id', 'presence.user_id')
    .innerJoin('agenda_items', 'agenda_items.id', 'presence.item_id')
    .distinctOn('presence.user_id')
    .select(['presence.user_id as userId', 'users.display_name as name', 'agenda_items.title as itemTitle'])
    .where('presence.meeting_id', '=', meetingId)
    .where('presence.user_id', '<>', userId)
    .where('presence.expires_at', '>', now)
    .where('users.active', '=', true)
    .orderBy('presence.user_id')
    .orderBy('presence.expires_at', 'desc')
    .execute();
  return rows.sort((a, b) => a.name.localeCompare(b.name));
}

/** "Also editing: Ann Smith (PCC Update), Bob Jones (Questions from AGB members)", or '' when alone. */
export function presenceText(others: PresenceVisitor[]): string {
  if (!others.length) return '';
  return `Also editing: ${others.map((o) => `${o.name} (${o.itemTitle})`).join(', ')}`;
}
