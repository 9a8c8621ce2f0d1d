import { referenceSeries } from '../../access/confidentiality.ts';
import { Conflict } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { londonDate } from '../../time/london.ts';
import * as repo from './repo.ts';

/**
 * "AGB/2026-03/": the board's code and the London year-month of the meeting that raised the action,
 * then the series letter of its confidentiality (none for public, R for exempt, P for OPCC-only),
 * so that no series has gaps that would reveal how many actions are withheld from its readers.
 * The database keeps this true when an action's confidentiality changes later (migration 0011).
 */
export function referencePrefix(
  boardCode: string,
  meetingStartsAt: Date,
  confidentiality: Confidentiality = 'public',
): { month: string; prefix: string } {
  const month = `${boardCode}/${londonDate(meetingStartsAt).slice(0, 7)}/`;
  return { month, prefix: `${month}${referenceSeries(confidentiality)}` };
}

/**
 * Inserts the action under the next free reference of its series. Creates and re-classifications
 * of one board and month take turns (a transaction-scoped advisory lock on board + month, held to
 * the commit; the database's triggers take the same one), so they do not race for a number. The
 * unique constraint on (board_id, reference) stays the guarantee: a caller outside a transaction
 * that still loses gets a 409. The stored reference can differ from the one asked for when the
 * action's item makes it more confidential than requested: it is read back.
 */
export async function insertWithNextReference(
  db: Database,
  series: { month: string; prefix: string },
  row: Omit<repo.ActionInsert, 'reference'>,
): Promise<{ id: string; reference: string }> {
  await repo.lockReferenceSeries(db, row.board_id, series.month);
  const reference = `${series.prefix}${await repo.nextReferenceNumber(db, row.board_id, series.prefix)}`;
  const inserted = await repo.insertAction(db, { ...row, reference });
  if (!inserted) throw new Conflict('Could not allocate an action reference; try again.');
  return inserted;
}
