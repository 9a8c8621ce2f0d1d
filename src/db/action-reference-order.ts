import { sql } from 'kysely';

/**
 * Action references in natural order — "AGB/2026-03/10" after "AGB/2026-03/9": the prefix as text,
 * then the trailing number. Order by both, in this order.
 */
export const referencePrefix = sql<string>`regexp_replace(actions.reference, '[0-9]+$', '')`;
export const referenceNumber = sql<number>`coalesce(substring(actions.reference from '([0-9]{1,9})$')::int, 0)`;
