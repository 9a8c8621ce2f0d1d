/**
 * The access rules in SQL, for lists and search that span many objects and boards: a row the caller
 * may not see is never fetched, so it can be neither returned, counted nor numbered. Each function
 * is the twin of a check in ./audience.ts; both are the access module's (./index.ts).
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Actor, hasRole, isAdmin } from '../core/principal.ts';

type Ref = string | RawBuilder<unknown>;
const asSql = (ref: Ref) => (typeof ref === 'string' ? sql.ref(ref) : ref);

/**
 * The SQL twin of `visibleConfidentialities` in ./audience.ts, for queries that span
 * boards (lists, search): admins see everything; secretariat users everything on the boards they
 * administer; officers public and exempt content; everyone else signed in, public content only.
 * Rows filtered here are never fetched, so they can be neither returned nor counted.
 */
export function visibleToActor(actor: Actor, boardId: Ref, confidentiality: Ref): RawBuilder<SqlBool> {
  if (!actor) return sql<SqlBool>`false`;
  if (isAdmin(actor)) return sql<SqlBool>`true`;
  const levels = hasRole(actor, 'officer') ? ['public', 'exempt'] : ['public'];
  return sql<SqlBool>`(${asSql(confidentiality)} in (${sql.join(levels)}) or ${administersBoard(actor, boardId)})`;
}

/** The SQL twin of `canAdministerBoard`: admins everywhere, secretariat users on their boards. */
export function administersBoard(actor: Actor, boardId: Ref): RawBuilder<SqlBool> {
  if (!actor) return sql<SqlBool>`false`;
  if (isAdmin(actor)) return sql<SqlBool>`true`;
  if (!hasRole(actor, 'secretariat') || actor.secretariatBoardIds.length === 0) return sql<SqlBool>`false`;
  return sql<SqlBool>`${asSql(boardId)} in (${sql.join(actor.secretariatBoardIds)})`;
}

/** A question's effective confidentiality: that of the item it sits under; public without one. */
export function questionConfidentiality(itemAlias: string): RawBuilder<'public' | 'exempt' | 'opcc_only'> {
  return sql`coalesce(${sql.ref(`${itemAlias}.confidentiality`)}, 'public')`;
}

/**
 * A question's number as this actor sees it. Whoever sees all of a board (its secretariat, admins)
 * sees the numbers as the secretariat set them; anyone else sees the question's place among the
 * meeting's numbered questions they may see, so their numbers run 1..n and a gap never tells them
 * that a question under an exempt or OPCC-only item was put. `question` is the questions row's alias
 * and `boardId` a reference to its board.
 */
export function questionNumberFor(actor: Actor, question: string, boardId: Ref): RawBuilder<number | null> {
  const q = (column: string) => sql.ref(`${question}.${column}`);
  return sql<number | null>`case
    when ${q('number')} is null then null
    when ${administersBoard(actor, boardId)} then ${q('number')}
    else (select count(*)::int
            from questions nq join meetings nm on nm.id = nq.meeting_id
                 left join agenda_items ni on ni.id = nq.item_id
           where nq.meeting_id = ${q('meeting_id')} and nq.number is not null
             and (nq.number, nq.id) <= (${q('number')}, ${q('id')})
             and ${visibleToActor(actor, 'nm.board_id', questionConfidentiality('ni'))})
    end`;
}

/**
 * Which action updates an actor may read, given the action is one they may see: updates published
 * on the public website, and the rest only for the board's secretariat and the officers of the
 * organisation that owns the action. `action` and `update` are the aliases of the joined rows.
 */
export function actionUpdateVisibleToActor(
  actor: Actor,
  action: string,
  update: string,
): RawBuilder<SqlBool> {
  if (!actor) return sql<SqlBool>`false`;
  const conditions = [sql`${sql.ref(`${update}.public`)}`, administersBoard(actor, `${action}.board_id`)];
  if (hasRole(actor, 'officer') && actor.organisationId) {
    conditions.push(sql`${sql.ref(`${action}.owner_organisation_id`)} = ${actor.organisationId}`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}

/**
 * Whether an action's closing note was published on the public website: the choice made on its
 * latest closing update (the note itself is kept on the action). `action` is the actions row's alias.
 */
export function closureNotePublic(action: string): RawBuilder<boolean> {
  return sql<boolean>`coalesce((select cu.public from action_updates cu
     where cu.action_id = ${sql.ref(`${action}.id`)} and cu.kind = 'closed'
     order by cu.created_at desc, cu.id desc limit 1), false)`;
}
