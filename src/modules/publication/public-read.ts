/**
 * The public side's only window on the database. Everything here is readable by anyone, so every
 * query is written to return public content only:
 * - boards, and meetings' date, time and place (the Order requires them before the meeting);
 * - an agenda once the secretariat has published it: public items only, titles, presenters and
 *   public papers, never item bodies (they become the draft notes after the meeting);
 * - notes and decisions only as frozen versions;
 * - actions only when a published version of the notes made them public, and only while they are
 *   still public, with their public updates.
 * Items are numbered 1..n over what is shown, and no count covers anything hidden.
 */
import { type Expression, sql } from 'kysely';
import { referenceNumber, referencePrefix } from '../../db/action-reference-order.ts';
import type { Database } from '../../db/database.ts';
import type { ActionStatus as DbActionStatus } from '../../db/schema.ts';
import { fromLondon, londonDate, todayInLondon, toLondon } from '../../time/london.ts';
import type { DecisionSnapshot } from '../decisions/notice.ts';
import { actionModifiedAt } from './public-events.ts';
import type { NotesSnapshot } from './snapshot.ts';

export { latestOf } from './public-events.ts';

export interface PublicBoard {
  id: string;
  name: string;
  code: string;
  description: string;
  createdAt: Date;
  /** When the name, code or description last changed (public-events.ts). */
  publicChangedAt: Date;
}

/** Every board (an office has a handful, so the open data lists them on one page; 200 is a guard). */
export function listBoards(db: Database): Promise<PublicBoard[]> {
  return db
    .selectFrom('boards')
    .select([
      'id',
      'name',
      'code',
      'description',
      'created_at as createdAt',
      'public_changed_at as publicChangedAt',
    ])
    .orderBy('name')
    .limit(200)
    .execute();
}

export async function findBoard(db: Database, id: string): Promise<PublicBoard | null> {
  return (
    (await db
      .selectFrom('boards')
      .select([
        'id',
        'name',
        'code',
        'description',
        'created_at as createdAt',
        'public_changed_at as publicChangedAt',
      ])
      .where('id', '=', id)
      .executeTakeFirst()) ?? null
  );
}

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
  /** When its date, time, place or cancellation last changed (public-events.ts). */
  publicChangedAt: Date;
  agendaPublishedAt: Date | null;
  /** When the latest version of the notes was published; null before the first. */
  notesPublishedAt: Date | null;
}

function meetingsQuery(db: Database) {
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
type MeetingRow = Awaited<ReturnType<ReturnType<typeof meetingsQuery>['execute']>>[number];

function toSummary(row: MeetingRow): PublicMeetingSummary {
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
function startOfToday(now: Date): Date {
  return fromLondon(todayInLondon(now), '00:00')!;
}

export interface MeetingFilter {
  boardId?: string;
  when: 'upcoming' | 'past';
  now?: Date;
}

/** A slice of a list: `limit` rows after the first `offset`. */
export interface Slice {
  limit: number;
  offset: number;
}

/** One page of a list and how many rows the whole list has (never counting anything hidden). */
export interface Counted<T> {
  items: T[];
  total: number;
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

/** A page of a list, and the length of the whole list as the database counts `ids` (its filtered rows). */
async function withTotal<T>(
  db: Database,
  items: Promise<T[]>,
  ids: Expression<unknown>,
): Promise<Counted<T>> {
  const [page, count] = await Promise.all([
    items,
    sql<{ n: number }>`select count(*) as n from (${ids}) as counted`.execute(db),
  ]);
  return { items: page, total: Number(count.rows[0]?.n ?? 0) };
}

export async function findMeeting(db: Database, id: string): Promise<PublicMeetingSummary | null> {
  const row = await meetingsQuery(db).where('meetings.id', '=', id).executeTakeFirst();
  return row ? toSummary(row) : null;
}

export interface PublicPaper {
  id: string;
  title: string;
  sizeBytes: number;
  sha256: string;
  filename: string;
  contentType: string;
  createdAt: Date;
}

export interface PublicAgendaItem {
  id: string;
  number: number;
  title: string;
  presenters: string[];
  papers: PublicPaper[];
  /** Earlier meetings whose notes were approved under this item ("Notes of last meeting"). */
  approvesNotesOf: { meetingId: string; date: string }[];
  createdAt: Date;
}

/** The public agenda, once published (or once notes are): public items and their public papers only. */
/** The meeting of a public agenda item; null for an unknown or non-public item. */
export async function publicItemMeeting(db: Database, itemId: string): Promise<string | null> {
  const row = await db
    .selectFrom('agenda_items')
    .select('meeting_id')
    .where('id', '=', itemId)
    .where('confidentiality', '=', 'public')
    .executeTakeFirst();
  return row?.meeting_id ?? null;
}

export async function publicAgenda(
  db: Database,
  meeting: PublicMeetingSummary,
): Promise<PublicAgendaItem[] | null> {
  if (!meeting.agendaPublished && !meeting.notesPublished) return null;
  const items = await db
    .selectFrom('agenda_items')
    .select(['id', 'title', 'kind', 'presenters', 'created_at'])
    .where('meeting_id', '=', meeting.id)
    .where('confidentiality', '=', 'public')
    .orderBy('position')
    .orderBy('id')
    .execute();
  const papers = items.length
    ? await db
        .selectFrom('papers')
        .innerJoin('files', 'files.id', 'papers.file_id')
        .select([
          'papers.id',
          'papers.item_id',
          'papers.title',
          'papers.created_at',
          'files.size_bytes',
          'files.sha256',
          'files.filename',
          'files.content_type',
        ])
        .where(
          'papers.item_id',
          'in',
          items.map((i) => i.id),
        )
        .where('papers.confidentiality', '=', 'public')
        .orderBy('papers.created_at')
        .orderBy('papers.id')
        .execute()
    : [];
  // Notes approved at this meeting, linked from its "Notes of last meeting" item once published.
  const approved = await db
    .selectFrom('meetings')
    .select(['meetings.id', 'meetings.starts_at'])
    .where('meetings.notes_approved_at_meeting_id', '=', meeting.id)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('notes_versions')
          .select('notes_versions.id')
          .whereRef('notes_versions.meeting_id', '=', 'meetings.id'),
      ),
    )
    .orderBy('meetings.starts_at')
    .execute();
  const previousNotesItem = items.find((i) => i.kind === 'previous_notes');
  return items.map((item, index) => ({
    id: item.id,
    number: index + 1,
    title: item.title,
    presenters: item.presenters.map((p) => p.printed.trim()).filter(Boolean),
    papers: papers
      .filter((p) => p.item_id === item.id)
      .map((p) => ({
        id: p.id,
        title: p.title,
        sizeBytes: p.size_bytes,
        sha256: p.sha256,
        filename: p.filename,
        contentType: p.content_type,
        createdAt: p.created_at,
      })),
    approvesNotesOf:
      item.id === previousNotesItem?.id
        ? approved.map((m) => ({ meetingId: m.id, date: toLondon(m.starts_at).date }))
        : [],
    createdAt: item.created_at,
  }));
}

/** A public paper of a public item of a meeting whose agenda (or notes) is published; else null. */
export async function findPublicPaper(db: Database, id: string) {
  const row = await db
    .selectFrom('papers')
    .innerJoin('files', 'files.id', 'papers.file_id')
    .innerJoin('agenda_items', 'agenda_items.id', 'papers.item_id')
    .leftJoin('meeting_publication as p', 'p.meeting_id', 'agenda_items.meeting_id')
    .select([
      'papers.id',
      'papers.title',
      'files.filename',
      'files.sha256',
      'files.data',
      'files.created_at',
      'p.agenda_published_at',
    ])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('notes_versions')
            .select('notes_versions.id')
            .whereRef('notes_versions.meeting_id', '=', 'agenda_items.meeting_id'),
        )
        .as('notes_published'),
    )
    .where('papers.id', '=', id)
    .where('papers.confidentiality', '=', 'public')
    .where('agenda_items.confidentiality', '=', 'public')
    .executeTakeFirst();
  if (!row || (!row.agenda_published_at && !row.notes_published)) return null;
  return row;
}

// --- Notes versions ---

export interface PublicVersionMeta {
  versionNo: number;
  publishedAt: Date;
  reason: string | null;
  superseded: boolean;
  edited: boolean;
  jsonSha256: string;
  pdfSha256: string;
  pdfSize: number;
  pdfFilename: string;
}

export async function notesVersions(db: Database, meetingId: string): Promise<PublicVersionMeta[]> {
  const rows = await db
    .selectFrom('notes_versions')
    .select([
      'version_no',
      'published_at',
      'reason',
      'edited',
      'json_sha256',
      'pdf_sha256',
      'pdf_size',
      'pdf_filename',
    ])
    .where('meeting_id', '=', meetingId)
    .orderBy('version_no')
    .execute();
  const latest = rows.at(-1)?.version_no ?? 0;
  return rows.map((r) => ({
    versionNo: r.version_no,
    publishedAt: r.published_at,
    reason: r.reason,
    superseded: r.version_no < latest,
    edited: r.edited,
    jsonSha256: r.json_sha256,
    pdfSha256: r.pdf_sha256,
    pdfSize: r.pdf_size,
    pdfFilename: r.pdf_filename,
  }));
}

export async function notesSnapshot(db: Database, meetingId: string, versionNo: number) {
  const row = await db
    .selectFrom('notes_versions')
    .select(['canonical_json', 'json_sha256', 'version_no', 'published_at'])
    .where('meeting_id', '=', meetingId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row
    ? {
        json: row.canonical_json,
        sha256: row.json_sha256,
        publishedAt: row.published_at,
        snapshot: JSON.parse(row.canonical_json) as NotesSnapshot,
      }
    : null;
}

// --- Actions ---

export type PublicActionStatus = 'open' | 'in_progress' | 'closed';

export interface PublicAction {
  id: string;
  reference: string;
  text: string;
  owner: { id: string; name: string };
  meeting: { id: string; date: string };
  dueDate: string | null;
  status: PublicActionStatus;
  statusLabel: string;
  overdue: boolean;
  closedOn: string | null;
  latestUpdate: { date: string; text: string } | null;
  createdAt: Date;
  /**
   * The latest public event: creation, a public update, closure. Never a restricted update or a
   * staff-only edit (those move the row's updated_at, which must not show).
   */
  modifiedAt: Date;
}

type PublicUpdate = { date: string; text: string; at: Date };

const STATUS: Record<DbActionStatus, { status: PublicActionStatus; label: string }> = {
  open: { status: 'open', label: 'Open' },
  in_progress: { status: 'in_progress', label: 'In progress' },
  completion_proposed: { status: 'in_progress', label: 'In progress' },
  closed: { status: 'closed', label: 'Closed' },
  superseded: { status: 'closed', label: 'Superseded' },
};

/** Action ids made public by the latest published version of each meeting's notes. */
const publishedActionIds = sql<string>`(
  select unnest(latest.public_action_ids) from (
    select distinct on (meeting_id) public_action_ids
    from notes_versions order by meeting_id, version_no desc
  ) latest
)`;

function actionsQuery(db: Database) {
  return (
    db
      .selectFrom('actions')
      .innerJoin('meetings', 'meetings.id', 'actions.meeting_id')
      .innerJoin('organisations', 'organisations.id', 'actions.owner_organisation_id')
      .select([
        'actions.id',
        'actions.board_id',
        'actions.reference',
        'actions.text',
        'actions.status',
        'actions.due_date',
        'actions.closed_at',
        'actions.created_at',
        'actions.owner_organisation_id',
        'actions.meeting_id',
        'meetings.starts_at as meeting_starts_at',
        'organisations.name as owner_name',
      ])
      // Stored confidentiality is effective: an action under an exempt item or question is never public.
      .where('actions.confidentiality', '=', 'public')
      .where('actions.id', 'in', publishedActionIds)
  );
}
type ActionRow = Awaited<ReturnType<ReturnType<typeof actionsQuery>['execute']>>[number];

async function latestPublicUpdates(db: Database, ids: string[]) {
  if (!ids.length) return new Map<string, PublicUpdate>();
  const rows = await db
    .selectFrom('action_updates')
    .distinctOn('action_id')
    .select(['action_id', 'created_at', 'text'])
    .where('action_id', 'in', ids)
    .where('public', '=', true)
    .orderBy('action_id')
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return new Map(
    rows.map((r) => [r.action_id, { date: londonDate(r.created_at), text: r.text, at: r.created_at }]),
  );
}

function toAction(row: ActionRow, update: PublicUpdate | undefined, today: string): PublicAction {
  const { status, label } = STATUS[row.status];
  const closedAt = status === 'closed' ? row.closed_at : null;
  return {
    id: row.id,
    reference: row.reference,
    text: row.text,
    owner: { id: row.owner_organisation_id, name: row.owner_name },
    meeting: { id: row.meeting_id, date: londonDate(row.meeting_starts_at) },
    dueDate: row.due_date,
    status,
    statusLabel: label,
    overdue: status !== 'closed' && row.due_date !== null && row.due_date < today,
    closedOn: closedAt ? londonDate(closedAt) : null,
    latestUpdate: update ? { date: update.date, text: update.text } : null,
    createdAt: row.created_at,
    modifiedAt: actionModifiedAt(row.created_at, update?.at, closedAt),
  };
}

export type ActionFilter = 'all' | 'open' | 'overdue' | 'closed';

export interface ActionListFilter {
  boardId?: string;
  meetingId?: string;
  /** Only these actions (still only the public ones among them). */
  ids?: readonly string[];
  filter: ActionFilter;
  ownerId?: string | undefined;
  now?: Date;
}

const CLOSED = (Object.keys(STATUS) as DbActionStatus[]).filter((s) => STATUS[s].status === 'closed');

/** The filter in SQL, so that a page and its count agree; `overdue` as toAction() has it. */
function filteredActions(db: Database, opts: ActionListFilter, today: string) {
  let query = actionsQuery(db);
  if (opts.boardId) query = query.where('actions.board_id', '=', opts.boardId);
  if (opts.meetingId) query = query.where('actions.meeting_id', '=', opts.meetingId);
  if (opts.ids) {
    query = opts.ids.length ? query.where('actions.id', 'in', opts.ids) : query.where(sql<boolean>`false`);
  }
  if (opts.ownerId) query = query.where('actions.owner_organisation_id', '=', opts.ownerId);
  switch (opts.filter) {
    case 'open':
      return query.where('actions.status', 'not in', CLOSED);
    case 'overdue':
      return query.where('actions.status', 'not in', CLOSED).where('actions.due_date', '<', today);
    case 'closed':
      return query.where('actions.status', 'in', CLOSED);
    default:
      return query;
  }
}

/**
 * Latest meeting first, then by reference in natural order (…/9 before …/10); the id breaks ties, so
 * pages neither skip nor repeat.
 */
export async function listActions(
  db: Database,
  opts: ActionListFilter & { limit?: number; offset?: number },
): Promise<PublicAction[]> {
  const today = todayInLondon(opts.now ?? new Date());
  const rows = await filteredActions(db, opts, today)
    .orderBy('meetings.starts_at', 'desc')
    .orderBy(referencePrefix)
    .orderBy(referenceNumber)
    .orderBy('actions.id')
    .limit(opts.limit ?? 2000)
    .offset(opts.offset ?? 0)
    .execute();
  const updates = await latestPublicUpdates(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toAction(r, updates.get(r.id), today));
}

export function pageActions(db: Database, opts: ActionListFilter & Slice): Promise<Counted<PublicAction>> {
  const at = { ...opts, now: opts.now ?? new Date() };
  const ids = filteredActions(db, at, todayInLondon(at.now)).clearSelect().select('actions.id');
  return withTotal(db, listActions(db, at), ids);
}

/** Owners that have at least one public action on the board (for the tracker's filter). */
export async function actionOwners(db: Database, boardId: string): Promise<{ id: string; name: string }[]> {
  const rows = await actionsQuery(db).where('actions.board_id', '=', boardId).execute();
  const owners = new Map(rows.map((r) => [r.owner_organisation_id, r.owner_name]));
  return [...owners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
}

export async function findAction(db: Database, id: string, now: Date = new Date()) {
  const row = await actionsQuery(db).where('actions.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const updates = await db
    .selectFrom('action_updates')
    .select(['id', 'created_at', 'text'])
    .where('action_id', '=', id)
    .where('public', '=', true)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const latest = updates.at(-1);
  return {
    ...toAction(
      row,
      latest ? { date: londonDate(latest.created_at), text: latest.text, at: latest.created_at } : undefined,
      todayInLondon(now),
    ),
    boardId: row.board_id,
    updates: updates.map((u) => ({ date: londonDate(u.created_at), text: u.text })),
  };
}

// --- Decisions ---

export interface PublicDecision {
  id: string;
  version: number;
  publishedAt: Date;
  /** When version 1 was published. */
  firstPublishedAt: Date;
  jsonSha256: string;
  decision: DecisionSnapshot['decision'];
}

export interface DecisionFilter {
  boardId?: string | undefined;
  /** The meeting the current version names (a correction may move a decision to another). */
  meetingId?: string;
}

/** The current (latest) version of each published decision, filtered as published. */
function currentDecisions(db: Database, opts: DecisionFilter) {
  let latest = db
    .selectFrom('decision_versions as v')
    .innerJoin('decisions', 'decisions.id', 'v.decision_id')
    .distinctOn('v.decision_id')
    .select(['v.decision_id', 'v.version_no', 'v.published_at', 'v.canonical_json', 'v.json_sha256'])
    .select((eb) =>
      eb
        .selectFrom('decision_versions as first')
        .select((e) => e.fn.min('first.published_at').as('at'))
        .whereRef('first.decision_id', '=', 'v.decision_id')
        .as('first_published_at'),
    )
    .orderBy('v.decision_id')
    .orderBy('v.version_no', 'desc');
  if (opts.boardId) latest = latest.where('decisions.board_id', '=', opts.boardId);
  const current = db.selectFrom(latest.as('d'));
  return opts.meetingId
    ? current.where(sql<string>`d.canonical_json::jsonb #>> '{decision,meeting,id}'`, '=', opts.meetingId)
    : current;
}

/**
 * The current version of each published decision: latest decision date first; the id breaks ties,
 * so pages neither skip nor repeat.
 */
export async function listDecisions(
  db: Database,
  opts: DecisionFilter & { limit?: number; offset?: number } = {},
): Promise<PublicDecision[]> {
  const rows = await currentDecisions(db, opts)
    .selectAll('d')
    .orderBy(sql`(d.canonical_json::jsonb #>> '{decision,decisionDate}')::date`, 'desc')
    .orderBy('d.decision_id')
    .limit(opts.limit ?? 2000)
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.decision_id,
    version: r.version_no,
    publishedAt: r.published_at,
    firstPublishedAt: new Date(r.first_published_at ?? r.published_at),
    jsonSha256: r.json_sha256,
    decision: (JSON.parse(r.canonical_json) as DecisionSnapshot).decision,
  }));
}

/**
 * A page of the register, its length, and when the latest of its versions was published (published
 * versions are never withdrawn, so the register changes only when one is added).
 */
export async function pageDecisions(
  db: Database,
  opts: DecisionFilter & Slice,
): Promise<Counted<PublicDecision> & { modifiedAt: Date | null }> {
  const [found, latest] = await Promise.all([
    withTotal(db, listDecisions(db, opts), currentDecisions(db, opts).select('d.decision_id')),
    currentDecisions(db, opts)
      .select((eb) => eb.fn.max('d.published_at').as('at'))
      .executeTakeFirst(),
  ]);
  return { ...found, modifiedAt: latest?.at ? new Date(latest.at) : null };
}

export async function decisionVersions(db: Database, decisionId: string): Promise<PublicVersionMeta[]> {
  const rows = await db
    .selectFrom('decision_versions')
    .select(['version_no', 'published_at', 'reason', 'json_sha256', 'pdf_sha256', 'pdf_size', 'pdf_filename'])
    .where('decision_id', '=', decisionId)
    .orderBy('version_no')
    .execute();
  const latest = rows.at(-1)?.version_no ?? 0;
  return rows.map((r) => ({
    versionNo: r.version_no,
    publishedAt: r.published_at,
    reason: r.reason,
    superseded: r.version_no < latest,
    edited: false,
    jsonSha256: r.json_sha256,
    pdfSha256: r.pdf_sha256,
    pdfSize: r.pdf_size,
    pdfFilename: r.pdf_filename,
  }));
}

export async function decisionSnapshot(db: Database, decisionId: string, versionNo: number) {
  const row = await db
    .selectFrom('decision_versions')
    .select(['canonical_json', 'json_sha256', 'published_at'])
    .where('decision_id', '=', decisionId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row
    ? {
        json: row.canonical_json,
        sha256: row.json_sha256,
        publishedAt: row.published_at,
        snapshot: JSON.parse(row.canonical_json) as DecisionSnapshot,
      }
    : null;
}
