/**
 * The order of confidentiality and what follows from it. The database holds the same rules as SQL
 * functions (migrations/0011_effective_confidentiality.ts: confidentiality_rank,
 * stricter_confidentiality, action_reference_series) and applies them to every stored row; these
 * twins serve checks made before a write, so a request that would be raised is refused instead.
 */
import type { Confidentiality } from '../db/schema.ts';

const RANK: Record<Confidentiality, number> = { public: 0, exempt: 1, opcc_only: 2 };

/** The more confidential of the two (an absent container counts as public). */
export function stricter(a: Confidentiality, b: Confidentiality | null | undefined): Confidentiality {
  return b && RANK[b] > RANK[a] ? b : a;
}

/** True when `chosen` is at least as confidential as `floor`. */
export function atLeast(chosen: Confidentiality, floor: Confidentiality | null | undefined): boolean {
  return !floor || RANK[chosen] >= RANK[floor];
}

/** The letter of an action reference's series: "AGB/2026-03/4", "…/R2" (exempt), "…/P1" (OPCC-only). */
export function referenceSeries(confidentiality: Confidentiality): '' | 'R' | 'P' {
  return confidentiality === 'public' ? '' : confidentiality === 'exempt' ? 'R' : 'P';
}

export const isPublic = (row: { confidentiality: Confidentiality }) => row.confidentiality === 'public';

/**
 * Whether an item's title is public: public items, and exempt ones where the board lists exempt
 * items by title (as a public agenda does). Its content, papers, questions and actions never are;
 * OPCC-only items are listed nowhere.
 */
export function titleListed(item: { confidentiality: Confidentiality }, listExemptTitles: boolean): boolean {
  return item.confidentiality === 'public' || (item.confidentiality === 'exempt' && listExemptTitles);
}
