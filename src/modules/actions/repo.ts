import { type Insertable, type RawBuilder, type SqlBool, sql, type Updateable } from 'kysely';
import { z } from 'zod';
import { actionUpdateVisibleToActor, closureNotePublic, visibleToActor } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import { referenceNumber, referencePrefix } from '../../db/action-reference-order.ts';
import type { Database } from '../../db/database.ts';
import type { ActionStatus, ActionsTable, ActionUpdatesTable, Confidentiality } from '../../db/schema.ts';
import { cursorValue } from '../../http/pagination.ts';

function actionsQuery(db: Database) {
  return db
    .selectFrom('actions')
    .innerJoin('meetings', 'meetings.id', 'actions.meeting_id')
    .innerJoin('organisations', 'organisations.id', 'actions.owner_organisation_id')
    .leftJoin('people', 'people.id', 'actions.owner_person_id')
    .leftJoin('agenda_items', 'agenda_items.id', 'actions.item_id')
    .select([
      'actions.id',
      'actions.board_id',
      'actions.reference',
      'actions.text',
      'actions.owner_organisation_id',
      'actions.owner_person_id',
      'actions.meeting_id',
      'actions.item_id',
      'actions.question_id',
      'actions.due_date',
      'actions.status',
      'actions.closed_at',
      'actions.closed_by',
      'actions.closure_note',
      'actions.confidentiality',
      'actions.version',
      'actions.created_at',
      'actions.updated_at',
      'organisations.short_name as owner_organisation_short_name',
      'people.name as owner_person_name',
      'meetings.starts_at as meeting_starts_at',
      'agenda_items.position as item_position',
      'agenda_items.title as item_title',
      'agenda_items.confidentiality as item_confidentiality',
      closureNotePublic('actions').as('closure_public'),
      // The least confidential this action may be: its item's and its question's item's.
      sql<Confidentiality>`action_confidentiality_floor(actions.item_id, actions.question_id)`.as(
        'confidentiality_floor',
      ),
    ]);
}

export type ActionRow = NonNullable<Awaited<ReturnType<typeof findAction>>>;

export function findAction(db: Database, id: string, opts: { lock?: boolean } = {}) {
  let query = actionsQuery(db).where('actions.id', '=', id);
  if (opts.lock) query = query.forUpdate('actions');
  return query.executeTakeFirst();
}

export interface ActionFilters {
  boardId?: string;
  meetingId?: string;
  ownerOrganisationId?: string;
  ownerPersonId?: string;
  status?: ActionStatus[];
  overdue?: boolean;
  dueBefore?: string;
  /** Today's London date, for `overdue`. */
  today: string;
}

/** One sort key: its SQL, the cast its cursor value gets, and the zod type a cursor value must have. */
interface SortKey {
  expr: RawBuilder<unknown>;
  cast: 'date' | 'timestamptz' | 'int' | 'text' | 'uuid';
  value: z.ZodType;
}

const idKey: SortKey = { expr: sql`actions.id`, cast: 'uuid', value: cursorValue.uuid };
const createdKey: SortKey = {
  expr: sql`actions.created_at`,
  cast: 'timestamptz',
  value: cursorValue.instant,
};
/** "AGB/2026-03/10" sorts after "AGB/2026-03/9": the prefix as text, then the number (≤ 9 digits). */
const sortKeys: Record<'dueDate' | 'reference' | 'createdAt', SortKey[]> = {
  dueDate: [
    { expr: sql`coalesce(actions.due_date, date '9999-12-31')`, cast: 'date', value: cursorValue.date },
    createdKey,
    idKey,
  ],
  reference: [
    { expr: referencePrefix, cast: 'text', value: cursorValue.text(200) },
    { expr: referenceNumber, cast: 'int', value: cursorValue.int(0, 999_999_999) },
    idKey,
  ],
  createdAt: [createdKey, idKey],
};

/**
 * A key value as cursor text, the same whatever the session's DateStyle or TimeZone: ISO dates, and
 * instants in UTC with microseconds (what `cursorValue` accepts and PostgreSQL reads back exactly).
 */
function keyText(key: SortKey) {
  if (key.cast === 'date') return sql`to_char(${key.expr}, 'YYYY-MM-DD')`;
  if (key.cast === 'timestamptz') {
    return sql`to_char(${key.expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  }
  return sql`(${key.expr})::text`;
}

/** The zod tuple a cursor of this sort must match (anything else is a 400 before any SQL runs). */
export function sortCursor(sort: string) {
  const keys = sortKeys[sort.replace(/^-/, '') as keyof typeof sortKeys];
  return z.tuple(keys.map((k) => k.value) as [z.ZodType, ...z.ZodType[]]);
}

const openStatuses = sql`actions.status not in ('closed', 'superseded')`;

/** Keyset-paginated list of the actions the actor may see; each row carries its sort key values as text in `sort_key`. */
export async function listActions(
  db: Database,
  actor: Actor,
  filters: ActionFilters,
  page: { sort: string; limit: number; after?: readonly unknown[] },
) {
  const descending = page.sort.startsWith('-');
  const keys = sortKeys[page.sort.replace(/^-/, '') as keyof typeof sortKeys];
  // Pick the page from the actions table alone (index scans, a top-N sort), then join the lookups
  // for those few rows only: joining first made PostgreSQL hash every agenda item on each request.
  let ids = db
    .selectFrom('actions')
    .select('actions.id')
    .where(visibleToActor(actor, 'actions.board_id', 'actions.confidentiality'));
  if (filters.boardId) ids = ids.where('actions.board_id', '=', filters.boardId);
  if (filters.meetingId) ids = ids.where('actions.meeting_id', '=', filters.meetingId);
  if (filters.ownerOrganisationId)
    ids = ids.where('actions.owner_organisation_id', '=', filters.ownerOrganisationId);
  if (filters.ownerPersonId) ids = ids.where('actions.owner_person_id', '=', filters.ownerPersonId);
  if (filters.status?.length) ids = ids.where('actions.status', 'in', filters.status);
  if (filters.dueBefore) ids = ids.where('actions.due_date', '<', filters.dueBefore);
  if (filters.overdue !== undefined) {
    const overdue = sql<SqlBool>`(actions.due_date < ${filters.today}::date and ${openStatuses})`;
    ids = ids.where(filters.overdue ? overdue : sql<SqlBool>`not coalesce(${overdue}, false)`);
  }
  if (page.after) {
    const left = sql.join(keys.map((k) => k.expr));
    const right = sql.join(keys.map((k, i) => sql`${page.after![i]}::${sql.raw(k.cast)}`));
    ids = ids.where(descending ? sql<SqlBool>`(${left}) < (${right})` : sql<SqlBool>`(${left}) > (${right})`);
  }
  for (const key of keys) ids = ids.orderBy(descending ? sql`${key.expr} desc` : key.expr);
  let query = actionsQuery(db)
    .innerJoin(ids.limit(page.limit + 1).as('page'), 'page.id', 'actions.id')
    .select(sql<string[]>`array[${sql.join(keys.map(keyText))}]`.as('sort_key'));
  for (const key of keys) query = query.orderBy(descending ? sql`${key.expr} desc` : key.expr);
  return query.execute();
}

/**
 * Matters arising at a meeting: the board's actions raised at earlier meetings that were still
 * open when this meeting started (closed or superseded after its start), or are open now.
 */
export function listMattersArising(db: Database, actor: Actor, boardId: string, startsAt: Date) {
  return actionsQuery(db)
    .where('actions.board_id', '=', boardId)
    .where('meetings.starts_at', '<', startsAt)
    .where(sql<SqlBool>`(${openStatuses} or actions.closed_at >= ${startsAt})`)
    .where(visibleToActor(actor, 'actions.board_id', 'actions.confidentiality'))
    .orderBy('meetings.starts_at')
    .orderBy(referencePrefix)
    .orderBy(referenceNumber)
    .limit(1000)
    .execute();
}

function updatesQuery(db: Database, actor: Actor) {
  return db
    .selectFrom('action_updates')
    .innerJoin('actions', 'actions.id', 'action_updates.action_id')
    .leftJoin('files', 'files.id', 'action_updates.evidence_file_id')
    .select([
      'action_updates.id',
      'action_updates.action_id',
      'action_updates.kind',
      'action_updates.text',
      'action_updates.author_name',
      'action_updates.public',
      'action_updates.evidence_file_id',
      'action_updates.created_at',
      'files.filename as evidence_filename',
      'files.size_bytes as evidence_size_bytes',
    ])
    .where(actionUpdateVisibleToActor(actor, 'actions', 'action_updates'));
}

export type UpdateRow = Awaited<ReturnType<typeof listUpdates>>[number];

export function listUpdates(db: Database, actor: Actor, actionId: string) {
  return updatesQuery(db, actor)
    .where('action_updates.action_id', '=', actionId)
    .orderBy('action_updates.created_at')
    .orderBy('action_updates.id')
    .execute();
}

/** The newest update the actor may see, per action. */
export async function latestUpdates(db: Database, actor: Actor, actionIds: string[]) {
  if (!actionIds.length) return new Map<string, UpdateRow>();
  const rows = await updatesQuery(db, actor)
    .distinctOn('action_updates.action_id')
    .where('action_updates.action_id', 'in', actionIds)
    .orderBy('action_updates.action_id')
    .orderBy('action_updates.created_at', 'desc')
    .orderBy('action_updates.id', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.action_id, r]));
}

export function findUpdateEvidence(db: Database, actor: Actor, actionId: string, updateId: string) {
  return updatesQuery(db, actor)
    .innerJoin('files as f', 'f.id', 'action_updates.evidence_file_id')
    .select(['f.data', 'f.content_type'])
    .where('action_updates.action_id', '=', actionId)
    .where('action_updates.id', '=', updateId)
    .executeTakeFirst();
}

export async function hasProgressUpdates(db: Database, actionId: string): Promise<boolean> {
  const row = await db
    .selectFrom('action_updates')
    .select('id')
    .where('action_id', '=', actionId)
    .where('kind', 'in', ['update', 'completion_proposed'])
    .limit(1)
    .executeTakeFirst();
  return !!row;
}

/**
 * Until the transaction ends, other creates and re-classifications in this board's month wait here
 * (the key is the one migration 0011's triggers lock: 'actions <board id> <month prefix>').
 */
export async function lockReferenceSeries(db: Database, boardId: string, month: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`actions ${boardId} ${month}`}, 0))`.execute(db);
}

/** The next free number for a reference prefix such as "AGB/2026-03/" or "AGB/2026-03/R". */
export async function nextReferenceNumber(db: Database, boardId: string, prefix: string): Promise<number> {
  const row = await db
    .selectFrom('actions')
    .select(
      sql<number>`coalesce(max(substring(reference from ${prefix.length + 1}::int)::int), 0) + 1`.as('n'),
    )
    .where('board_id', '=', boardId)
    .where(sql<SqlBool>`left(reference, ${prefix.length}::int) = ${prefix}`)
    .where(sql<SqlBool>`substring(reference from ${prefix.length + 1}::int) ~ '^[0-9]{1,9}$'`)
    .executeTakeFirstOrThrow();
  return row.n;
}

export type ActionInsert = Omit<Insertable<ActionsTable>, 'id' | 'created_at' | 'updated_at' | 'version'>;

/** Inserts; returns the id and the reference as stored (the database may move it to a stricter series). */
export function insertAction(db: Database, row: ActionInsert) {
  return db.insertInto('actions').values(row).returning(['id', 'reference']).executeTakeFirst();
}

export async function updateAction(
  db: Database,
  id: string,
  patch: Omit<Updateable<ActionsTable>, 'version'>,
) {
  await db
    .updateTable('actions')
    .set({ ...patch, version: sql`version + 1`, updated_at: new Date() })
    .where('id', '=', id)
    .execute();
}

export async function insertUpdate(
  db: Database,
  row: Omit<Insertable<ActionUpdatesTable>, 'id' | 'created_at'>,
) {
  const { id } = await db.insertInto('action_updates').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Files live in one table, stored by one function (src/modules/files/repo.ts). */
export { insertFile } from '../files/repo.ts';

export function findOrganisation(db: Database, id: string) {
  return db.selectFrom('organisations').select(['id', 'short_name']).where('id', '=', id).executeTakeFirst();
}

export function findQuestionOfMeeting(db: Database, meetingId: string, questionId: string) {
  return db
    .selectFrom('questions')
    .select(['id', 'item_id'])
    .where('id', '=', questionId)
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
}
