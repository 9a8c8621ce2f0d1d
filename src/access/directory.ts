/**
 * Who may change a directory record (an organisation or a person). The directory is shared by every
 * board, and a board's public pages print some records live (the action tracker's owners, the action
 * log, the live notes of a meeting not yet published), so the secretariat of one board must not be
 * able to rename what another board prints. A record may be changed by an admin, or by a secretariat
 * user who administers EVERY board that uses it (people repo `boardsUsing`); a record no board uses
 * yet is any secretariat's, as before.
 */
import { Forbidden } from '../core/errors.ts';
import { isAdmin, type Principal, requireRole } from '../core/principal.ts';
import { canAdministerBoard } from './audience.ts';

export interface BoardRef {
  id: string;
  code: string;
}

/** Throws 403 naming the boards the user does not administer; returns the user when allowed. */
export function requireDirectoryChange(
  actor: Principal | null,
  what: 'organisation' | 'person',
  usedBy: readonly BoardRef[],
): Principal {
  const user = requireRole(actor, 'admin', 'secretariat');
  if (isAdmin(user)) return user;
  const others = usedBy.filter((board) => !canAdministerBoard(user, board.id));
  if (others.length) {
    const codes = others.map((board) => board.code).join(', ');
    throw new Forbidden(
      `This ${what} is printed by boards you do not administer (${codes}): only an admin, or the secretariat of every board that uses it, can change it.`,
    );
  }
  return user;
}
