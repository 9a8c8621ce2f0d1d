import type { Database } from '../../db/database.ts';
import type { Confidentiality, ItemKind, Presenter } from '../../db/schema.ts';

export type ItemRow = Awaited<ReturnType<typeof listItems>>[number];

const itemColumns = [
  'agenda_items.id',
  'agenda_items.meeting_id',
  'agenda_items.position',
  'agenda_items.title',
  'agenda_items.kind',
  'agenda_items.presenters',
  'agenda_items.body_html',
  'agenda_items.body_text',
  'agenda_items.confidentiality',
  'agenda_items.exempt_reason',
  'agenda_items.version',
  'agenda_items.created_at',
  'agenda_items.updated_at',
] as const;

export function listItems(db: Database, meetingId: string) {
  return db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .select([...itemColumns, 'boards.list_exempt_titles'])
    .where('meeting_id', '=', meetingId)
    .orderBy('agenda_items.position')
    .orderBy('agenda_items.id')
    .execute();
}

/**
 * One item with its meeting's board, which decides who may see it; with `meetingId`, only if it is
 * that meeting's (a URL that names the meeting and the item).
 */
export function findItem(db: Database, id: string, meetingId?: string) {
  return db
    .selectFrom('agenda_items')
    .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
    .innerJoin('boards', 'boards.id', 'meetings.board_id')
    .select([...itemColumns, 'boards.list_exempt_titles'])
    .select('meetings.board_id')
    .where('agenda_items.id', '=', id)
    .$if(meetingId !== undefined, (q) => q.where('agenda_items.meeting_id', '=', meetingId!))
    .executeTakeFirst();
}

export interface ItemValues {
  title: string;
  kind: ItemKind;
  presenters: Presenter[];
  body_html: string;
  body_text: string;
  confidentiality: Confidentiality;
  exempt_reason: string | null;
}

export async function nextPosition(db: Database, meetingId: string): Promise<number> {
  const row = await db
    .selectFrom('agenda_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meetingId)
    .executeTakeFirst();
  return (row?.max ?? 0) + 1;
}

export async function insertItem(
  db: Database,
  meetingId: string,
  position: number,
  row: ItemValues,
): Promise<string> {
  const { id } = await db
    .insertInto('agenda_items')
    .values({ ...row, meeting_id: meetingId, position, presenters: JSON.stringify(row.presenters) })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function updateItem(db: Database, id: string, patch: Partial<ItemValues>): Promise<void> {
  const { presenters, ...rest } = patch;
  await db
    .updateTable('agenda_items')
    .set((eb) => ({
      ...rest,
      ...(presenters ? { presenters: JSON.stringify(presenters) } : {}),
      version: eb('version', '+', 1),
      updated_at: new Date(),
    }))
    .where('id', '=', id)
    .execute();
}

export async function deleteItem(db: Database, id: string): Promise<void> {
  await db.deleteFrom('agenda_items').where('id', '=', id).execute();
}

/** Positions become 1..n in the given order; callers hold the meeting row lock. */
export async function setPositions(db: Database, orderedIds: string[]): Promise<void> {
  for (const [index, id] of orderedIds.entries()) {
    await db
      .updateTable('agenda_items')
      .set({ position: index + 1 })
      .where('id', '=', id)
      .execute();
  }
}

export function personIdsThatExist(db: Database, ids: string[]) {
  if (!ids.length) return Promise.resolve([]);
  return db.selectFrom('people').select('id').where('id', 'in', ids).execute();
}

/** Whether a published decision links this item (and so printed its title). */
export async function namedByPublishedDecision(db: Database, itemId: string): Promise<boolean> {
  const row = await db
    .selectFrom('decisions')
    .select('id')
    .where('item_id', '=', itemId)
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirst();
  return !!row;
}
