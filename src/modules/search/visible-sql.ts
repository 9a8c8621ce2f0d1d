import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { type Actor, hasRole, isAdmin } from '../../http/principal.ts';

type Ref = string | RawBuilder<unknown>;
const asSql = (ref: Ref) => (typeof ref === 'string' ? sql.ref(ref) : ref);

/**
 * The SQL twin of `visibleConfidentialities` in src/modules/access.ts, for queries that span
 * boards (lists, search): admins see everything; secretariat users everything on the boards they
 * administer; officers public and exempt content; everyone else signed in, public content only.
 * Rows filtered here are never fetched, so they can be neither returned nor counted.
 */
export function visibleToActor(actor: Actor, boardId: Ref, confidentiality: Ref): RawBuilder<SqlBool> {
  if (!actor) return sql<SqlBool>`false`;
  if (isAdmin(actor)) return sql<SqlBool>`true`;
  const levels = hasRole(actor, 'officer') ? ['public', 'exempt'] : ['public'];
  const conditions = [sql`${asSql(confidentiality)} in (${sql.join(levels)})`];
  if (hasRole(actor, 'secretariat') && actor.secretariatBoardIds.length > 0) {
    conditions.push(sql`${asSql(boardId)} in (${sql.join(actor.secretariatBoardIds)})`);
  }
  return sql<SqlBool>`(${sql.join(conditions, sql` or `)})`;
}
