import type { Confidentiality } from '../db/schema.ts';
import { type Actor, canAdministerBoard, hasRole } from '../http/principal.ts';

/**
 * Who may read what, in one place:
 * - admins and the board's secretariat: everything;
 * - officers: public and exempt content, never OPCC-only;
 * - members (and secretariat of other boards): public content only;
 * - anonymous: nothing through the API (the public site serves published content).
 */
export function visibleConfidentialities(actor: Actor, boardId: string): Confidentiality[] {
  if (!actor) return [];
  if (canAdministerBoard(actor, boardId)) return ['public', 'exempt', 'opcc_only'];
  if (hasRole(actor, 'officer')) return ['public', 'exempt'];
  return ['public'];
}

export function canSee(actor: Actor, boardId: string, confidentiality: Confidentiality): boolean {
  return visibleConfidentialities(actor, boardId).includes(confidentiality);
}

/** Officers answer for the actions of their own organisation, and only those. */
export function canUpdateAction(
  actor: Actor,
  action: { board_id: string; owner_organisation_id: string },
): boolean {
  if (!actor) return false;
  if (canAdministerBoard(actor, action.board_id)) return true;
  return hasRole(actor, 'officer') && actor.organisationId === action.owner_organisation_id;
}
