/** The decisions register and its frozen versions: SQL only. */
import type { Database } from '../../db/database.ts';
import { FROZEN_META, versionStore } from '../publication/version-store.ts';

export function findDecision(db: Database, id: string, opts: { lock?: boolean } = {}) {
  const query = db.selectFrom('decisions').selectAll().where('id', '=', id);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirst();
}
export type DecisionRow = NonNullable<Awaited<ReturnType<typeof findDecision>>>;

export function listDecisions(db: Database, opts: { boardIds?: string[]; publishedOnly: boolean }) {
  let query = db.selectFrom('decisions').selectAll();
  if (opts.boardIds) {
    if (!opts.boardIds.length) return Promise.resolve([]);
    query = query.where('board_id', 'in', opts.boardIds);
  }
  if (opts.publishedOnly) query = query.where('status', '=', 'published');
  return query.orderBy('decision_date', 'desc').orderBy('id').limit(1000).execute();
}

export async function insertDecision(
  db: Database,
  row: {
    board_id: string;
    title: string;
    decision_date: string;
    decision_maker: string;
    summary: string;
    meeting_id: string | null;
    item_id: string | null;
    created_by: string;
  },
): Promise<string> {
  const { id } = await db.insertInto('decisions').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateDecision(
  db: Database,
  id: string,
  patch: Partial<{
    title: string;
    decision_date: string;
    decision_maker: string;
    summary: string;
    meeting_id: string | null;
    item_id: string | null;
    status: 'published';
    reference: string;
  }>,
): Promise<void> {
  await db
    .updateTable('decisions')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .execute();
}

/** How many decisions of the board dated in that year are published: the next reference number. */
export async function publishedCountInYear(db: Database, boardId: string, year: string): Promise<number> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('board_id', '=', boardId)
    .where('status', '=', 'published')
    .where('reference', 'like', `%-D-${year}-%`)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const versions = versionStore('decision_versions', [...FROZEN_META, 'decision_id']);

export const listVersions = versions.list;
export type DecisionVersionMeta = Awaited<ReturnType<typeof listVersions>>[number];
export const findVersionMeta = versions.findMeta;
export const findVersionJson = versions.findJson;
export const findVersionPdf = versions.findPdf;
export const insertVersion = versions.insert;

export function findItemBrief(db: Database, itemId: string) {
  return db
    .selectFrom('agenda_items')
    .select(['id', 'meeting_id', 'title', 'confidentiality'])
    .where('id', '=', itemId)
    .executeTakeFirst();
}

export function findMeetingBrief(db: Database, meetingId: string) {
  return db
    .selectFrom('meetings')
    .select(['id', 'board_id', 'starts_at'])
    .where('id', '=', meetingId)
    .executeTakeFirst();
}
