/** Why this file exists: the public read of actions made public by published notes, with their public updates. */
import { sql } from 'kysely';
import { referenceNumber, referencePrefix } from '../../db/action-reference-order.ts';
import type { Database } from '../../db/database.ts';
import type { ActionStatus as DbActionStatus } from '../../db/schema.ts';
import { londonDate, todayInLondon } from '../../time/london.ts';
import { actionModifiedAt } from '../events.ts';
import { type Counted, type Slice, withTotal } from './common.ts';

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
