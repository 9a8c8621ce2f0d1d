/** Why this file exists: view models of the public action tracker and of one action's page. */
import { NotFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { sliceOf } from '../../public/paging.ts';
import { api, paths } from '../../public/paths.ts';
import * as read from '../../public/read/index.ts';
import { actionRow, dateText, PER_PAGE } from './page-format.ts';
import { emptyText, pager } from './pager.ts';

export const ACTION_FILTERS: { value: read.ActionFilter; label: string }[] = [
  { value: 'all', label: 'All actions' },
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'closed', label: 'Closed' },
];

export async function trackerPage(
  db: Database,
  boardId: string,
  filter: read.ActionFilter,
  ownerId: string | undefined,
  page: number,
) {
  const board = await read.findBoard(db, boardId);
  if (!board) throw new NotFound('board');
  const at = { page, limit: PER_PAGE.actions };
  const [owners, found] = await Promise.all([
    read.actionOwners(db, boardId),
    read.pageActions(db, { boardId, filter, ownerId, ...sliceOf(at) }),
  ]);
  const owner = owners.find((o) => o.id === ownerId);
  const adjective = filter === 'all' ? '' : `${filter} `;
  const noun = found.total === 1 ? 'action' : 'actions';
  const heading = `${found.total} ${adjective}${noun}${owner ? ` owned by ${owner.name}` : ''}`;
  const actionsPager = pager({
    noun: 'actions',
    path: paths.boardActions(boardId),
    query: { status: filter, owner: ownerId },
    at,
    total: found.total,
    fragment: 'results-heading',
  });
  return {
    board,
    formAction: paths.boardActions(boardId),
    statuses: ACTION_FILTERS.map((f) => ({ ...f, checked: f.value === filter })),
    owners: owners.map((o) => ({ ...o, selected: o.id === ownerId })),
    resultsHeading: heading,
    actions: found.items.map(actionRow),
    pager: actionsPager,
    emptyText: emptyText(actionsPager, 'No actions match these filters.'),
    jsonHref: `${api.boardActions(boardId)}?status=${filter}${owner ? `&owner=${owner.id}` : ''}`,
  };
}

export async function actionPage(db: Database, id: string) {
  const found = await read.findAction(db, id);
  if (!found) throw new NotFound('action');
  const board = await read.findBoard(db, found.boardId);
  return {
    boardName: board?.name ?? '',
    boardId: found.boardId,
    action: actionRow(found),
    updates: found.updates.map((u) => ({ dateText: dateText(u.date), text: u.text })),
    trackerHref: paths.boardActions(found.boardId),
  };
}
