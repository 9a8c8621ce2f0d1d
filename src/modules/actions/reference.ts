import type { Database } from '../../db/database.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { Conflict } from '../../http/errors.ts';
import { londonDate } from '../../time/london.ts';
import * as repo from './repo.ts';

/**
 * "AGB/2026-03/": the board's code and the London year-month of the meeting that raised the action.
 * Exempt and OPCC-only actions are numbered in a series of their own ("AGB/2026-03/R1"), so the
 * public series has no gaps that would reveal how many actions are withheld.
 */
export function referencePrefix(
  boardCode: string,
  meetingStartsAt: Date,
  confidentiality: Confidentiality = 'public',
): string {
  return `${boardCode}/${londonDate(meetingStartsAt).slice(0, 7)}/${confidentiality === 'public' ? '' : 'R'}`;
}

/**
 * Inserts the action under the next free reference for its board and month. Creates in one series
 * take turns (a transaction-scoped advisory lock on board + prefix, held to the commit), so they do
 * not race for the same number; the unique constraint on (board_id, reference) stays the guarantee:
 * a create that still loses (a caller outside a transaction) inserts nothing (ON CONFLICT DO
 * NOTHING keeps the transaction usable) and tries the next number.
 */
export async function insertWithNextReference(
  db: Database,
  prefix: string,
  row: Omit<repo.ActionInsert, 'reference'>,
): Promise<{ id: string; reference: string }> {
  await repo.lockReferenceSeries(db, row.board_id, prefix);
  for (let attempt = 0; attempt < 20; attempt++) {
    const reference = `${prefix}${await repo.nextReferenceNumber(db, row.board_id, prefix)}`;
    const id = await repo.insertActionIfReferenceFree(db, { ...row, reference });
    if (id) return { id, reference };
  }
  throw new Conflict('Could not allocate an action reference; try again.');
}
