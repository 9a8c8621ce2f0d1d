import type { Role } from '../db/schema.ts';
import { Forbidden, Unauthorized } from './errors.ts';

/** Who is asking: a signed-in user as loaded fresh from the database for this request, or nobody. */
export interface Principal {
  userId: string;
  email: string;
  displayName: string;
  roles: Role[];
  /** For officers: the organisation whose actions they answer for. */
  organisationId: string | null;
  personId: string | null;
  /** Boards this user administers as secretariat. */
  secretariatBoardIds: string[];
}

export type Actor = Principal | null;

export function requireUser(actor: Actor): Principal {
  if (!actor) throw new Unauthorized();
  return actor;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return !!actor && actor.roles.some((r) => roles.includes(r));
}

export function requireRole(actor: Actor, ...roles: Role[]): Principal {
  const user = requireUser(actor);
  if (!hasRole(user, ...roles)) throw new Forbidden();
  return user;
}

export function isAdmin(actor: Actor): boolean {
  return hasRole(actor, 'admin');
}

/** The actor for command-line tools run by an operator on the server (seed, import): an admin with no account. */
export function systemActor(name = 'system'): Principal {
  return {
    userId: '00000000-0000-0000-0000-000000000000',
    email: `${name}@localhost`,
    displayName: name,
    roles: ['admin'],
    organisationId: null,
    personId: null,
    secretariatBoardIds: [],
  };
}
