import type { ServiceContext } from '../../context.ts';
import { BadRequest, NotFound } from '../../core/errors.ts';
import { requireRole } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import { hashPassword } from '../auth/passwords.ts';
import { revokeAllForUser } from '../auth/repo.ts';
import * as repo from './repo.ts';
import type { CreateUser, UpdateUser, User } from './schemas.ts';

function toUser(row: NonNullable<repo.UserRow>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    organisationId: row.organisation_id,
    personId: row.person_id,
    active: row.active,
    secretariatBoardIds: row.secretariat_board_ids ?? [],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkOfficerOrganisation(roles: string[], organisationId: string | null) {
  if (roles.includes('officer') && !organisationId) {
    throw new BadRequest('An officer must belong to an organisation.', [
      { path: 'body.organisationId', message: 'required for the officer role' },
    ]);
  }
}

export async function listUsers(ctx: ServiceContext): Promise<User[]> {
  requireRole(ctx.actor, 'admin');
  return (await repo.listUsers(ctx.db)).map((r) => toUser(r));
}

export async function getUser(ctx: ServiceContext, id: string): Promise<User> {
  requireRole(ctx.actor, 'admin');
  const row = await repo.findUser(ctx.db, id);
  if (!row) throw new NotFound('user');
  return toUser(row);
}

export async function createUser(ctx: ServiceContext, input: CreateUser): Promise<User> {
  const admin = requireRole(ctx.actor, 'admin');
  checkOfficerOrganisation(input.roles, input.organisationId);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction().execute(async (db) => {
    const id = await repo.insertUser(db, { ...input, roles: [...new Set(input.roles)], passwordHash });
    await repo.setSecretariatBoards(db, id, [...new Set(input.secretariatBoardIds)]);
    const user = toUser((await repo.findUser(db, id))!);
    await recordAudit(db, {
      actorUserId: admin.userId,
      action: 'user.create',
      entityType: 'user',
      entityId: id,
      after: user,
      requestId: ctx.requestId,
    });
    return user;
  });
}

export async function updateUser(ctx: ServiceContext, id: string, input: UpdateUser): Promise<User> {
  const admin = requireRole(ctx.actor, 'admin');
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return ctx.db.transaction().execute(async (db) => {
    const before = await repo.findUser(db, id);
    if (!before) throw new NotFound('user');
    const roles = input.roles ? [...new Set(input.roles)] : before.roles;
    const organisationId = input.organisationId !== undefined ? input.organisationId : before.organisation_id;
    checkOfficerOrganisation(roles, organisationId);
    // Anything that changes what the user may do ends their current tokens.
    const privilegeChange =
      input.roles !== undefined ||
      input.organisationId !== undefined ||
      input.active === false ||
      input.password !== undefined ||
      input.secretariatBoardIds !== undefined;
    await repo.updateUser(
      db,
      id,
      {
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        ...(input.roles ? { roles } : {}),
        ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
        ...(input.personId !== undefined ? { person_id: input.personId } : {}),
        ...(input.active !== undefined ? { active: input.active } : {}),
      },
      privilegeChange,
    );
    if (input.secretariatBoardIds)
      await repo.setSecretariatBoards(db, id, [...new Set(input.secretariatBoardIds)]);
    if (privilegeChange) await revokeAllForUser(db, id);
    const after = toUser((await repo.findUser(db, id))!);
    await recordAudit(db, {
      actorUserId: admin.userId,
      action: 'user.update',
      entityType: 'user',
      entityId: id,
      before: toUser(before),
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}
