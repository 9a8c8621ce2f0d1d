import { type Insertable, type SqlBool, sql, type Updateable } from 'kysely';
import { visibleToActor } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';
import type { CommitmentsTable, PlansTable } from '../../db/schema.ts';

export function listPlans(db: Database) {
  return db
    .selectFrom('plans')
    .selectAll()
    .orderBy('starts_on', 'desc')
    .orderBy('title')
    .limit(500)
    .execute();
}

export function findPlan(db: Database, id: string) {
  return db.selectFrom('plans').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertPlan(db: Database, row: Insertable<PlansTable>) {
  return db.insertInto('plans').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updatePlan(db: Database, id: string, patch: Updateable<PlansTable>) {
  return db.updateTable('plans').set(patch).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
}

export async function deletePlan(db: Database, id: string) {
  await db.deleteFrom('plans').where('id', '=', id).execute();
}

export function listCommitments(db: Database, planId: string) {
  return db
    .selectFrom('commitments')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('ref')
    .limit(2000)
    .execute();
}

export function findCommitment(db: Database, id: string, opts: { lock?: boolean } = {}) {
  const query = db.selectFrom('commitments').selectAll().where('id', '=', id);
  return (opts.lock ? query.forUpdate() : query).executeTakeFirst();
}

export async function refTaken(db: Database, planId: string, ref: number, exceptId?: string) {
  let query = db.selectFrom('commitments').select('id').where('plan_id', '=', planId).where('ref', '=', ref);
  if (exceptId) query = query.where('id', '<>', exceptId);
  return !!(await query.executeTakeFirst());
}

export function insertCommitment(db: Database, row: Insertable<CommitmentsTable>) {
  return db.insertInto('commitments').values(row).returningAll().executeTakeFirstOrThrow();
}

export function updateCommitment(db: Database, id: string, patch: Updateable<CommitmentsTable>) {
  return db
    .updateTable('commitments')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteCommitment(db: Database, id: string) {
  await db.deleteFrom('commitments').where('id', '=', id).execute();
}

export function listRatings(db: Database, commitmentIds: string[]) {
  if (!commitmentIds.length) return Promise.resolve([]);
  return (
    db
      .selectFrom('commitment_ratings')
      .selectAll()
      .where('commitment_id', 'in', commitmentIds)
      // "Q2 25/26": by financial year, then quarter.
      .orderBy(sql`substring(period from 4)`)
      .orderBy('period')
      .execute()
  );
}

export function findRating(db: Database, commitmentId: string, ratingId: string) {
  return db
    .selectFrom('commitment_ratings')
    .selectAll()
    .where('id', '=', ratingId)
    .where('commitment_id', '=', commitmentId)
    .executeTakeFirst();
}

export function findRatingForPeriod(db: Database, commitmentId: string, period: string) {
  return db
    .selectFrom('commitment_ratings')
    .selectAll()
    .where('commitment_id', '=', commitmentId)
    .where('period', '=', period)
    .executeTakeFirst();
}

/** One rating per commitment and period: a second rating for the period replaces the first. */
export function upsertRating(
  db: Database,
  row: {
    commitment_id: string;
    period: string;
    rating: 'red' | 'amber' | 'green';
    commentary: string;
    meeting_id: string | null;
  },
) {
  return db
    .insertInto('commitment_ratings')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['commitment_id', 'period']).doUpdateSet({
        rating: row.rating,
        commentary: row.commentary,
        meeting_id: row.meeting_id,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteRating(db: Database, id: string) {
  await db.deleteFrom('commitment_ratings').where('id', '=', id).execute();
}

/**
 * Links with what they point at, only where the actor may see the target: an item by its
 * confidentiality, a question by its item's, an action by its own.
 */
export function listLinks(db: Database, actor: Actor, commitmentIds: string[]) {
  if (!commitmentIds.length) return Promise.resolve([]);
  return db
    .selectFrom('commitment_links as l')
    .leftJoin('agenda_items as i', 'i.id', 'l.item_id')
    .leftJoin('questions as q', 'q.id', 'l.question_id')
    .leftJoin('agenda_items as qi', 'qi.id', 'q.item_id')
    .leftJoin('actions as a', 'a.id', 'l.action_id')
    .innerJoin('meetings as m', (join) =>
      join.on(sql<SqlBool>`m.id = coalesce(i.meeting_id, q.meeting_id, a.meeting_id)`),
    )
    .select([
      'l.id',
      'l.commitment_id',
      'l.item_id',
      'l.question_id',
      'l.action_id',
      'm.id as meeting_id',
      'm.board_id',
      sql<string>`coalesce(i.title, q.text, a.reference)`.as('label'),
    ])
    .where('l.commitment_id', 'in', commitmentIds)
    .where(
      visibleToActor(
        actor,
        sql`m.board_id`,
        sql`coalesce(i.confidentiality, a.confidentiality, qi.confidentiality, 'public')`,
      ),
    )
    .orderBy('l.id')
    .execute();
}

export async function insertLink(
  db: Database,
  row: {
    commitment_id: string;
    item_id: string | null;
    question_id: string | null;
    action_id: string | null;
  },
) {
  const { id } = await db
    .insertInto('commitment_links')
    .values(row)
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function deleteLink(db: Database, id: string) {
  await db.deleteFrom('commitment_links').where('id', '=', id).execute();
}

/** The board and confidentiality of a link target, to check the actor may link to it. */
export async function findLinkTarget(
  db: Database,
  target: { itemId?: string; questionId?: string; actionId?: string },
) {
  if (target.itemId) {
    return db
      .selectFrom('agenda_items as i')
      .innerJoin('meetings as m', 'm.id', 'i.meeting_id')
      .select(['m.board_id', 'i.confidentiality'])
      .where('i.id', '=', target.itemId)
      .executeTakeFirst();
  }
  if (target.questionId) {
    return db
      .selectFrom('questions as q')
      .innerJoin('meetings as m', 'm.id', 'q.meeting_id')
      .leftJoin('agenda_items as i', 'i.id', 'q.item_id')
      .select([
        'm.board_id',
        sql<'public' | 'exempt' | 'opcc_only'>`coalesce(i.confidentiality, 'public')`.as('confidentiality'),
      ])
      .where('q.id', '=', target.questionId)
      .executeTakeFirst();
  }
  return db
    .selectFrom('actions')
    .select(['board_id', 'confidentiality'])
    .where('id', '=', target.actionId!)
    .executeTakeFirst();
}

export async function linkExists(
  db: Database,
  commitmentId: string,
  target: { itemId?: string; questionId?: string; actionId?: string },
) {
  const row = await db
    .selectFrom('commitment_links')
    .select('id')
    .where('commitment_id', '=', commitmentId)
    .where((eb) =>
      target.itemId
        ? eb('item_id', '=', target.itemId)
        : target.questionId
          ? eb('question_id', '=', target.questionId)
          : eb('action_id', '=', target.actionId!),
    )
    .executeTakeFirst();
  return row?.id;
}

export function findMeeting(db: Database, id: string) {
  return db.selectFrom('meetings').select(['id', 'board_id']).where('id', '=', id).executeTakeFirst();
}
