/**
 * A board's action log, filtered. Like the notes it is the public version: only public actions, and
 * none raised under an exempt or OPCC-only item. Overdue is decided against today's Europe/London date.
 */

import { isPublic } from '../access/index.ts';
import { BadRequest } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import type { ActionStatus as DbActionStatus } from '../db/schema.ts';
import { formatLongDate } from '../text/date-format.ts';
import { londonDate } from '../time/london.ts';
import { boardRef, compareReferences, nonEmpty, publishedItemNumbers } from './load-common.ts';
import type { DocumentOptions } from './load-notes.ts';
import type { ActionLogRow, ActionLogViewModel, ActionStatus } from './render/view-models.ts';
import * as repo from './repo.ts';

export const ACTION_LOG_STATUSES = [
  'open',
  'in_progress',
  'completion_proposed',
  'closed',
  'superseded',
  'outstanding',
] as const;
export type ActionLogStatusFilter = (typeof ACTION_LOG_STATUSES)[number];

export interface ActionLogFilters {
  status?: ActionLogStatusFilter | undefined;
  ownerOrganisationId?: string | undefined;
  /** Europe/London dates of the meeting that raised the action, inclusive. */
  from?: string | undefined;
  to?: string | undefined;
}

const STATUS_FILTERS: Record<ActionLogStatusFilter, { statuses: DbActionStatus[]; label: string }> = {
  open: { statuses: ['open'], label: 'Open actions' },
  in_progress: { statuses: ['in_progress'], label: 'Actions in progress' },
  completion_proposed: { statuses: ['completion_proposed'], label: 'Actions proposed for closure' },
  closed: { statuses: ['closed'], label: 'Closed actions' },
  superseded: { statuses: ['superseded'], label: 'Superseded actions' },
  outstanding: { statuses: ['open', 'in_progress', 'completion_proposed'], label: 'Outstanding actions' },
};

const VIEW_STATUS: Record<DbActionStatus, ActionStatus> = {
  open: 'open',
  in_progress: 'in_progress',
  completion_proposed: 'in_progress',
  closed: 'closed',
  superseded: 'closed',
};

export async function loadActionLog(
  db: Database,
  boardId: string,
  filters: ActionLogFilters,
  options: DocumentOptions & { now: Date },
): Promise<ActionLogViewModel | null> {
  const board = await repo.findBoard(db, boardId);
  if (!board) return null;
  const owner = filters.ownerOrganisationId
    ? await repo.findOrganisation(db, filters.ownerOrganisationId)
    : null;
  if (filters.ownerOrganisationId && !owner) {
    throw new BadRequest('No such organisation.', [
      { path: 'querystring.ownerOrganisationId', message: 'unknown' },
    ]);
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new BadRequest('"from" is after "to".', [{ path: 'querystring.from', message: 'after "to"' }]);
  }

  const actions = await repo.listBoardActions(db, {
    boardId,
    statuses: filters.status ? STATUS_FILTERS[filters.status].statuses : null,
    ownerOrganisationId: filters.ownerOrganisationId ?? null,
    from: filters.from ?? null,
    to: filters.to ?? null,
  });
  // Item numbers as the meeting's published agenda and notes print them.
  const items = await repo.listItems(db, [...new Set(actions.map((a) => a.meeting_id))]);
  const itemsById = new Map(items.map((item) => [item.id, item]));
  const numbers = new Map<string, string>();
  for (const meetingId of new Set(items.map((item) => item.meeting_id))) {
    const ofMeeting = items.filter((item) => item.meeting_id === meetingId);
    for (const [id, n] of publishedItemNumbers(ofMeeting, board.list_exempt_titles)) numbers.set(id, n);
  }

  // Stored confidentiality is effective (its item's and its question's item's included).
  const published = actions.filter(isPublic);
  const updates = new Map(
    (
      await repo.latestPublicUpdates(
        db,
        published.map((a) => a.id),
      )
    ).map((u) => [u.action_id, u]),
  );
  const today = londonDate(options.now);

  const rows = published
    .sort(
      (a, b) =>
        a.meeting_starts_at.getTime() - b.meeting_starts_at.getTime() ||
        compareReferences(a.reference, b.reference),
    )
    .map((action): ActionLogRow => {
      const status = VIEW_STATUS[action.status];
      const item = itemsById.get(action.item_id ?? action.question_item_id ?? '');
      const update = updates.get(action.id);
      return {
        reference: action.reference,
        text: action.text,
        ownerOrganisation: action.owner_organisation,
        ownerPerson: action.owner_name
          ? [nonEmpty(action.owner_job_title), action.owner_name].filter(Boolean).join(', ')
          : null,
        raisedAt: {
          meetingDate: londonDate(action.meeting_starts_at),
          itemNumber: item ? numbers.get(item.id)! : '-',
          itemTitle: item ? item.title : 'no agenda item recorded',
        },
        dueDate: action.due_date,
        status,
        overdue: status !== 'closed' && action.due_date !== null && action.due_date < today,
        latestUpdate: update
          ? { date: londonDate(update.created_at), text: update.text, by: update.author_name }
          : null,
        closedAt: status === 'closed' && action.closed_at ? londonDate(action.closed_at) : null,
        // The public log prints a closing note only where it was published on the public website.
        closureNote:
          status === 'closed'
            ? ((action.closure_public ? nonEmpty(action.closure_note) : null) ??
              (action.status === 'superseded' ? 'Superseded' : null))
            : null,
      };
    });

  return {
    board: boardRef(board.name, board.code),
    generatedAt: options.now.toISOString(),
    filtersDescription: describeFilters(filters, owner?.short_name ?? null),
    protectiveMarking: options.protectiveMarking,
    rows,
  };
}

export function describeFilters(filters: ActionLogFilters, ownerName: string | null): string {
  let text = filters.status ? STATUS_FILTERS[filters.status].label : 'All actions';
  if (ownerName) text += ` owned by ${ownerName}`;
  if (filters.from && filters.to) {
    text += ` raised at meetings from ${formatLongDate(filters.from)} to ${formatLongDate(filters.to)}`;
  } else if (filters.from) {
    text += ` raised at meetings since ${formatLongDate(filters.from)}`;
  } else if (filters.to) {
    text += ` raised at meetings up to ${formatLongDate(filters.to)}`;
  }
  return text;
}
