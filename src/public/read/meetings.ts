/** Why this file exists: the public read of meetings (date, time and place), listed and paged. */
import type { Database } from '../../db/database.ts';
import { fromLondon, todayInLondon, toLondon } from '../../time/london.ts';
import { type Counted, type Slice, withTotal } from './common.ts';

export interface PublicMeetingSummary {
  id: string;
  boardId: string;
  boardName: string;
  startsAt: Date;
  date: string;
  /** Null when no time was recorded (imported notes give only a date). */
  startTime: string | null;
  location: string;
  online: boolean;
  cancelled: boolean;
  agendaPublished: boolean;
  notesPublished: boolean;
  updatedAt: Date;
  version: number;
  createdAt: Date;
  /** When its date, time, place or cancellation last changed (events.ts). */
  publicChangedAt: Date;
  agendaPublishedAt: Date | null;
  /** When the latest version of the notes was published; null before the first. */
  notesPublishedAt: Date | null;
}

export function meetingsQuery(db: Database) {
  return db
    .selectFrom('meetings')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .leftJoin('meeting_publication as p', 'p.meeting_id', 'meetings.id')
    .select([
      'meetings.id',
      'meetings.board_id',
      'boards.name as board_name',
      'meetings.starts_at',
      'meetings.location',
      'meetings.online',
      'meetings.status',
      'meetings.updated_at',
      'meetings.version',
      'meetings.created_at',
      'meetings.public_changed_at',
      'p.agenda_published_at',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('notes_versions')
            .select('notes_versions.id')
            .whereRef('notes_versions.meeting_id', '=', 'meetings.id'),
        )
        .as('notes_published'),
    )
    .select((eb) =>
      eb
        .selectFrom('notes_versions')
        .select((e) => e.fn.max('notes_versions.published_at').as('at'))
        .whereRef('notes_versions.meeting_id', '=', 'meetings.id')
        .as('notes_published_at'),
    );
}
export type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingsQuery>['execute']>>[number];

export function toSummary(row: MeetingRow): PublicMeetingSummary {
  const local = toLondon(row.starts_at);
  return {
    id: row.id,
    boardId: row.board_id,
    boardName: row.board_name,
    startsAt: row.starts_at,
    date: local.date,
    startTime: local.time === '00:00' ? null : local.time,
    location: row.location.trim() || (row.online ? 'Online' : ''),
    online: row.online,
    cancelled: row.status === 'cancelled',
    agendaPublished: row.agenda_published_at !== null,
    notesPublished: Boolean(row.notes_published),
    updatedAt: row.updated_at,
    version: row.version,
    createdAt: row.created_at,
    publicChangedAt: row.public_changed_at,
    agendaPublishedAt: row.agenda_published_at,
    notesPublishedAt: row.notes_published_at ? new Date(row.notes_published_at) : null,
  };
}

/** The start of today in London: a meeting today is still "upcoming". */
export function startOfToday(now: Date): Date {
  return fromLondon(todayInLondon(now), '00:00')!;
}

export interface MeetingFilter {
  boardId?: string;
  when: 'upcoming' | 'past';
  now?: Date;
}

function filteredMeetings(db: Database, opts: MeetingFilter) {
  const cut = startOfToday(opts.now ?? new Date());
  const query = meetingsQuery(db).where('meetings.starts_at', opts.when === 'upcoming' ? '>=' : '<', cut);
  return opts.boardId ? query.where('meetings.board_id', '=', opts.boardId) : query;
}

/** Upcoming soonest first, past latest first; the id breaks ties, so pages neither skip nor repeat. */
export async function listMeetings(
  db: Database,
  opts: MeetingFilter & { limit: number; offset?: number },
): Promise<PublicMeetingSummary[]> {
  const rows = await filteredMeetings(db, opts)
    .orderBy('meetings.starts_at', opts.when === 'upcoming' ? 'asc' : 'desc')
    .orderBy('meetings.id')
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map(toSummary);
}

export function pageMeetings(
  db: Database,
  opts: MeetingFilter & Slice,
): Promise<Counted<PublicMeetingSummary>> {
  const at = { ...opts, now: opts.now ?? new Date() };
  return withTotal(db, listMeetings(db, at), filteredMeetings(db, at).clearSelect().select('meetings.id'));
}

export async function findMeeting(db: Database, id: string): Promise<PublicMeetingSummary | null> {
  const row = await meetingsQuery(db).where('meetings.id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : null;
}
