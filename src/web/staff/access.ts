/**
 * Who may open which workspace. These run before a handler loads anything, so a refused visitor
 * learns nothing about the object asked for. Per-object rights (this board, this action) are the
 * services' to check; these guards only pick the workspace.
 */
import type { FastifyRequest } from 'fastify';
import { canAdministerBoard } from '../../access/index.ts';
import { Forbidden } from '../../core/errors.ts';
import { hasRole, type Principal, requireUser } from '../../core/principal.ts';

export function signedIn(request: FastifyRequest): Principal {
  return requireUser(request.actor);
}

export function isSecretariat(actor: Principal): boolean {
  return hasRole(actor, 'admin', 'secretariat');
}

export function isOfficer(actor: Principal): boolean {
  return hasRole(actor, 'officer') && actor.organisationId !== null;
}

export function isMember(actor: Principal): boolean {
  return hasRole(actor, 'member');
}

/** preHandler for the secretariat's screens. */
export async function secretariatOnly(request: FastifyRequest): Promise<void> {
  if (!isSecretariat(signedIn(request))) throw new Forbidden();
}

export async function officersOnly(request: FastifyRequest): Promise<void> {
  if (!isOfficer(signedIn(request))) throw new Forbidden();
}

export async function membersOnly(request: FastifyRequest): Promise<void> {
  if (!isMember(signedIn(request))) throw new Forbidden();
}

/** The secretariat of this board (or an admin); anyone else gets the 403 page. */
export function requireBoardAdmin(request: FastifyRequest, boardId: string): Principal {
  const actor = signedIn(request);
  if (!canAdministerBoard(actor, boardId)) throw new Forbidden();
  return actor;
}
