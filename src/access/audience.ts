/**
 * Who may see and change what, for a single object. The audiences:
 * - the anonymous public: nothing through the API; the public site serves published, public content;
 * - members (and the secretariat of other boards): public content;
 * - officers: public and exempt content, never OPCC-only; they change only their organisation's actions;
 * - the secretariat of a board: everything on that board, and they alone change it;
 * - admins: everything.
 * Lists and search ask the same question in SQL (./visible-sql.ts). An object's confidentiality as
 * stored is already its effective one (the database raises it to its containers', migration 0011).
 */

import { type Actor, hasRole, isAdmin } from '../core/principal.ts';
import type { Confidentiality } from '../db/schema.ts';

/** Secretariat rights on one board: admins everywhere, secretariat users on the boards they administer. */
export function canAdministerBoard(actor: Actor, boardId: string): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  return actor.roles.includes('secretariat') && actor.secretariatBoardIds.includes(boardId);
}

/** The confidentialities of a board's content this actor may read. */
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

/**
 * An action's closing note, like any update, is read by the board's secretariat and the owning
 * organisation's officers, and by anyone else who may see the action only when it was published.
 */
export function canReadClosureNote(
  actor: Actor,
  action: { board_id: string; owner_organisation_id: string; closure_public: boolean },
): boolean {
  return action.closure_public || canUpdateAction(actor, action);
}
