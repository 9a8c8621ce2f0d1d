/**
 * Feeds: an Atom feed of everything published (agendas, notes and their corrections, decisions) and
 * an iCalendar feed of upcoming public meetings with date, time and place in Europe/London.
 *
 * Both move only on public events (events.ts, the rule open data's `modified` uses too), so
 * that an observer polling them cannot tell when the secretariat works on a meeting:
 * - What they print is public: a board's name; a meeting's date and time, place, online flag and
 *   cancellation (public facts as soon as the meeting exists); the publication of agendas, notes
 *   versions and decisions. A change of any of these is a public event: the body changes, and the
 *   Last-Modified (hence If-Modified-Since) moves with it; in the calendar, SEQUENCE goes up by one
 *   and DTSTAMP/LAST-MODIFIED become the time of the change.
 * - Nothing else moves them: a meeting's summary, question deadline, next-meeting date or status
 *   (other than cancelling or un-cancelling), items, questions, actions and their updates, draft
 *   notes, a board's settings. These move `updated_at`/`version` (the staff side's If-Match), which
 *   the feeds never read; the body, ETag and Last-Modified stay byte-identical.
 * - DTSTAMP is the event's last public change, not the time of the request, so an unchanged feed is
 *   an identical feed (and its ETag, a hash of the body, stays put).
 * - SEQUENCE is `meetings.public_sequence`, which a database trigger raises on every change of a
 *   public fact and on nothing else (migration 0013; it started from the old `version`, so it never
 *   went backwards for a client holding an event).
 */
import type { Database } from '../db/database.ts';
import type { DecisionSnapshot } from '../documents/index.ts';
import { CHAIN_NAMESPACE, type ChainLink } from '../modules/publication/chain.ts';
import { escapeHtml } from '../rich-text/sanitize.ts';
import { formatLongDate } from '../text/date-format.ts';
import { londonDate, toLondon } from '../time/london.ts';
import { boardModifiedAt, meetingFactsModifiedAt } from './events.ts';
import { api, paths } from './paths.ts';

export interface FeedEntry {
  id: string;
  title: string;
  updated: Date;
  /**
   * When anything the entry shows last changed: its publication, or the public facts of the meeting
   * or board it names (events.ts).
   */
  changed: Date;
  /** Path of the page. */
  link: string;
  /** Path and size in bytes of the PDF, when there is one (the enclosure's `length`). */
  pdf: { path: string; size: number } | null;
  summary: string;
  /** A published version's link in its board's hash chain (chain.ts); null for an agenda. */
  chain?: { seq: number; sha256: string } | null;
}

const FEED_SIZE = 50;

export async function publicationEntries(db: Database): Promise<FeedEntry[]> {
  const [notes, decisions, agendas] = await Promise.all([
    db
      .selectFrom('notes_versions as v')
      .innerJoin('meetings', 'meetings.id', 'v.meeting_id')
      .innerJoin('boards', 'boards.id', 'meetings.board_id')
      .select([
        'v.id',
        'v.meeting_id',
        'v.version_no',
        'v.published_at',
        'v.reason',
        'v.pdf_size',
        'v.chain_seq',
        'v.chain_sha256',
        'meetings.starts_at',
        'meetings.created_at as meeting_created_at',
        'meetings.public_changed_at as meeting_changed_at',
        'boards.name',
        'boards.created_at as board_created_at',
        'boards.public_changed_at as board_changed_at',
      ])
      .orderBy('v.published_at', 'desc')
      .limit(FEED_SIZE)
      .execute(),
    db
      .selectFrom('decision_versions as v')
      .select([
        'v.id',
        'v.decision_id',
        'v.version_no',
        'v.published_at',
        'v.reason',
        'v.pdf_size',
        'v.chain_seq',
        'v.chain_sha256',
        'v.canonical_json',
      ])
      .orderBy('v.published_at', 'desc')
      .limit(FEED_SIZE)
      .execute(),
    db
      .selectFrom('meeting_publication as p')
      .innerJoin('meetings', 'meetings.id', 'p.meeting_id')
      .innerJoin('boards', 'boards.id', 'meetings.board_id')
      .select([
        'p.meeting_id',
        'p.agenda_published_at',
        'meetings.starts_at',
        'meetings.location',
        'meetings.created_at as meeting_created_at',
        'meetings.public_changed_at as meeting_changed_at',
        'boards.name',
        'boards.created_at as board_created_at',
        'boards.public_changed_at as board_changed_at',
      ])
      .where('p.agenda_published_at', 'is not', null)
      .orderBy('p.agenda_published_at', 'desc')
      .limit(FEED_SIZE)
      .execute(),
  ]);
  const entries: FeedEntry[] = [
    ...notes.map((n) => {
      const date = formatLongDate(londonDate(n.starts_at));
      return {
        id: `urn:uuid:${n.id}`,
        title:
          n.version_no === 1
            ? `Notes published: ${n.name}, ${date}`
            : `Notes corrected (version ${n.version_no}): ${n.name}, ${date}`,
        updated: n.published_at,
        changed: latest([n.published_at, namedChangedAt(n)])!,
        link: paths.notesVersion(n.meeting_id, n.version_no),
        pdf: { path: api.notesPdf(n.meeting_id, n.version_no), size: n.pdf_size },
        summary: n.reason ? `Correction: ${n.reason}` : `The approved notes of the meeting of ${date}.`,
        chain: { seq: n.chain_seq, sha256: n.chain_sha256 },
      };
    }),
    ...decisions.map((d) => {
      const x = (JSON.parse(d.canonical_json) as DecisionSnapshot).decision;
      return {
        id: `urn:uuid:${d.id}`,
        title:
          d.version_no === 1
            ? `Decision ${x.reference}: ${x.title}`
            : `Decision ${x.reference} corrected (version ${d.version_no}): ${x.title}`,
        updated: d.published_at,
        // The entry shows only the frozen version.
        changed: d.published_at,
        link: paths.decisionVersion(d.decision_id, d.version_no),
        pdf: { path: api.decisionPdf(d.decision_id, d.version_no), size: d.pdf_size },
        summary: d.reason
          ? `Correction: ${d.reason}`
          : `Decision made by ${x.decisionMaker} on ${formatLongDate(x.decisionDate)}.`,
        chain: { seq: d.chain_seq, sha256: d.chain_sha256 },
      };
    }),
    ...agendas.map((a) => {
      const date = formatLongDate(londonDate(a.starts_at));
      return {
        // Stable per meeting: the agenda is published once.
        id: `urn:boardroom:agenda:${a.meeting_id}`,
        title: `Agenda published: ${a.name}, ${date}`,
        updated: a.agenda_published_at!,
        changed: latest([a.agenda_published_at!, namedChangedAt(a)])!,
        link: paths.meeting(a.meeting_id),
        pdf: null,
        summary: `The agenda and papers of the meeting on ${date}${a.location ? ` at ${a.location}` : ''}.`,
      };
    }),
  ];
  return entries.sort((a, b) => b.updated.getTime() - a.updated.getTime()).slice(0, FEED_SIZE);
}

interface NamedRow {
  meeting_created_at: Date;
  meeting_changed_at: Date;
  board_created_at: Date;
  board_changed_at: Date;
}

/** When the public facts of the meeting and board an entry names last changed. */
function namedChangedAt(row: NamedRow): Date {
  return latest([
    meetingFactsModifiedAt({ createdAt: row.meeting_created_at, publicChangedAt: row.meeting_changed_at }),
    boardModifiedAt({ createdAt: row.board_created_at, publicChangedAt: row.board_changed_at }),
  ])!;
}

/** The latest of some dates; null for none. */
export function latest(dates: readonly Date[]): Date | null {
  return dates.reduce<Date | null>((max, d) => (max && max >= d ? max : d), null);
}

/** For Last-Modified: the feed changes when an entry is added or anything an entry shows changes. */
export const atomLastModified = (entries: readonly FeedEntry[]) => latest(entries.map((e) => e.changed));

const xml = (value: string) => escapeHtml(value);

/**
 * `heads`: the last link of each board's publication chain, one `chainHead` element each (in our own
 * namespace; feed readers ignore it). A saved copy of the feed is what `npm run verify:publications
 * -- --head FILE` checks later; each entry of a published version carries its own `chain` link too.
 */
export function atomFeed(baseUrl: string, entries: FeedEntry[], heads: readonly ChainLink[] = []): string {
  const updated = (entries[0]?.updated ?? new Date(0)).toISOString();
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:boardroom="${CHAIN_NAMESPACE}" xml:lang="en-GB">`,
    `<id>${xml(`${baseUrl}${paths.atom()}`)}</id>`,
    '<title>Publications: agendas, notes of meetings and decisions</title>',
    `<updated>${updated}</updated>`,
    `<link rel="self" type="application/atom+xml" href="${xml(`${baseUrl}${paths.atom()}`)}"/>`,
    `<link rel="alternate" type="text/html" href="${xml(`${baseUrl}/`)}"/>`,
    '<author><name>Office of the Police and Crime Commissioner</name></author>',
    ...heads.map(
      (h) =>
        `<boardroom:chainHead board="${h.boardId}" seq="${h.seq}">${h.chainSha256}</boardroom:chainHead>`,
    ),
  ];
  for (const e of entries) {
    out.push(
      '<entry>',
      `<id>${xml(e.id)}</id>`,
      `<title>${xml(e.title)}</title>`,
      `<updated>${e.updated.toISOString()}</updated>`,
      `<link rel="alternate" type="text/html" href="${xml(baseUrl + e.link)}"/>`,
      ...(e.pdf
        ? [
            `<link rel="enclosure" type="application/pdf" length="${e.pdf.size}" href="${xml(baseUrl + e.pdf.path)}"/>`,
          ]
        : []),
      `<summary>${xml(e.summary)}</summary>`,
      ...(e.chain ? [`<boardroom:chain seq="${e.chain.seq}">${e.chain.sha256}</boardroom:chain>`] : []),
      '</entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}

// --- iCalendar (RFC 5545) ---

/** Meetings stay in the feed until a day after they start. */
const windowStart = (now: Date) => new Date(now.getTime() - 86_400_000);

export async function upcomingMeetings(db: Database, now: Date = new Date()) {
  return db
    .selectFrom('meetings')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .select([
      'meetings.id',
      'meetings.starts_at',
      'meetings.location',
      'meetings.online',
      'meetings.status',
      'meetings.public_sequence',
      'meetings.created_at',
      'meetings.public_changed_at',
      'boards.name as board_name',
      'boards.created_at as board_created_at',
      'boards.public_changed_at as board_changed_at',
    ])
    .where('meetings.starts_at', '>=', windowStart(now))
    .orderBy('meetings.starts_at')
    .orderBy('meetings.id')
    .limit(500)
    .execute();
}
type UpcomingRow = Awaited<ReturnType<typeof upcomingMeetings>>[number];

/**
 * When what the calendar shows of a meeting last changed (DTSTAMP and LAST-MODIFIED): its facts, or
 * the name of its board (in SUMMARY). SEQUENCE moves only with the meeting's own facts.
 */
const eventModifiedAt = (m: UpcomingRow) =>
  latest([
    meetingFactsModifiedAt({ createdAt: m.created_at, publicChangedAt: m.public_changed_at }),
    boardModifiedAt({ createdAt: m.board_created_at, publicChangedAt: m.board_changed_at }),
  ])!;

/**
 * For Last-Modified: the feed changes when a meeting is added, when a public fact of a meeting or
 * the name of its board changes, and when a meeting leaves the window (a day after it started),
 * which no row records.
 */
export async function icsLastModified(
  db: Database,
  meetings: readonly UpcomingRow[],
  now: Date = new Date(),
): Promise<Date | null> {
  const left = await db
    .selectFrom('meetings')
    .select((eb) => eb.fn.max('starts_at').as('starts_at'))
    .where('starts_at', '<', windowStart(now))
    .executeTakeFirst();
  const leftAt = left?.starts_at ? new Date(new Date(left.starts_at).getTime() + 86_400_000) : null;
  return latest([...meetings.map(eventModifiedAt), ...(leftAt ? [leftAt] : [])]);
}

/** Text values: backslash, semicolon, comma and newlines escaped (RFC 5545 3.3.11). */
function icsText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded with CRLF and a space (RFC 5545 3.1), never inside a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let bytes = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > (out.length ? 74 : 75)) {
      out.push(current);
      current = '';
      bytes = 0;
    }
    current += char;
    bytes += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

const stamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
const local = (d: Date) => {
  const { date, time } = toLondon(d);
  return `${date.replace(/-/g, '')}T${time.replace(':', '')}00`;
};

const LONDON_TZ = [
  'BEGIN:VTIMEZONE',
  'TZID:Europe/London',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0000',
  'TZOFFSETTO:+0100',
  'TZNAME:BST',
  'DTSTART:19810329T010000',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0000',
  'TZNAME:GMT',
  'DTSTART:19961027T020000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'END:STANDARD',
  'END:VTIMEZONE',
];

/** Meetings have no recorded end: two hours is shown, the usual length of a board meeting. */
const DURATION = 'PT2H';

export function icsFeed(baseUrl: string, host: string, meetings: UpcomingRow[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Boardroom//Public meetings//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Public meetings',
    'X-WR-TIMEZONE:Europe/London',
    ...LONDON_TZ,
  ];
  for (const m of meetings) {
    const place = m.location.trim() || (m.online ? 'Online' : '');
    lines.push(
      'BEGIN:VEVENT',
      `UID:meeting-${m.id}@${host}`,
      `DTSTAMP:${stamp(eventModifiedAt(m))}`,
      `CREATED:${stamp(m.created_at)}`,
      `LAST-MODIFIED:${stamp(eventModifiedAt(m))}`,
      `SEQUENCE:${m.public_sequence}`,
      `DTSTART;TZID=Europe/London:${local(m.starts_at)}`,
      `DURATION:${DURATION}`,
      `SUMMARY:${icsText(`${m.board_name} (public meeting)`)}`,
      ...(place ? [`LOCATION:${icsText(place)}`] : []),
      `URL:${baseUrl}${paths.meeting(m.id)}`,
      `DESCRIPTION:${icsText(`Agenda, papers and notes: ${baseUrl}${paths.meeting(m.id)}`)}`,
      `STATUS:${m.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      'TRANSP:OPAQUE',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.map(fold).join('\r\n')}\r\n`;
}
