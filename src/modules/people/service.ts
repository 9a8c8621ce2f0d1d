import { requireDirectoryChange } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { NotFound } from '../../core/errors.ts';
import { type Actor, requireRole, requireUser } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import * as repo from './repo.ts';
import type { Organisation, OrganisationInput, Person, PersonInput, PersonPatch } from './schemas.ts';

/**
 * The directory is maintained by the secretariat (any board) and admins; every signed-in user may read
 * it. Adding a record is open to any of them; changing one that boards print is not (src/access/directory.ts).
 */
function requireDirectoryEditor(actor: Actor) {
  return requireRole(actor, 'admin', 'secretariat');
}

function toOrganisation(row: NonNullable<Awaited<ReturnType<typeof repo.findOrganisation>>>): Organisation {
  return {
    id: row.id,
    name: row.name,
    shortName: row.short_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toPerson(row: NonNullable<repo.PersonRow>): Person {
  return {
    id: row.id,
    name: row.name,
    jobTitle: row.job_title,
    organisationId: row.organisation_id,
    organisationShortName: row.organisation_short_name,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function listOrganisations(ctx: ServiceContext): Promise<Organisation[]> {
  requireUser(ctx.actor);
  return (await repo.listOrganisations(ctx.db)).map(toOrganisation);
}

export async function getOrganisation(ctx: ServiceContext, id: string): Promise<Organisation> {
  requireUser(ctx.actor);
  const row = await repo.findOrganisation(ctx.db, id);
  if (!row) throw new NotFound('organisation');
  return toOrganisation(row);
}

export async function createOrganisation(
  ctx: ServiceContext,
  input: OrganisationInput,
): Promise<Organisation> {
  const user = requireDirectoryEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const row = toOrganisation(
      await repo.insertOrganisation(db, { name: input.name, short_name: input.shortName }),
    );
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'organisation.create',
      entityType: 'organisation',
      entityId: row.id,
      after: row,
      requestId: ctx.requestId,
    });
    return row;
  });
}

export async function updateOrganisation(
  ctx: ServiceContext,
  id: string,
  input: Partial<OrganisationInput>,
): Promise<Organisation> {
  requireDirectoryEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const before = await repo.findOrganisation(db, id);
    if (!before) throw new NotFound('organisation');
    const usedBy = await repo.boardsUsing(db, 'organisation', id);
    const user = requireDirectoryChange(ctx.actor, 'organisation', usedBy);
    const after = await repo.updateOrganisation(db, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.shortName !== undefined ? { short_name: input.shortName } : {}),
    });
    const result = toOrganisation(after!);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'organisation.update',
      entityType: 'organisation',
      entityId: id,
      before: toOrganisation(before),
      after: result,
      requestId: ctx.requestId,
      boardIds: usedBy.map((board) => board.id),
    });
    return result;
  });
}

export async function searchPeople(
  ctx: ServiceContext,
  query: { q?: string; organisationId?: string; limit: number },
): Promise<Person[]> {
  requireUser(ctx.actor);
  return (await repo.searchPeople(ctx.db, query)).map(toPerson);
}

export async function getPerson(ctx: ServiceContext, id: string): Promise<Person> {
  requireUser(ctx.actor);
  const row = await repo.findPerson(ctx.db, id);
  if (!row) throw new NotFound('person');
  return toPerson(row);
}

export async function createPerson(ctx: ServiceContext, input: PersonInput): Promise<Person> {
  const user = requireDirectoryEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const id = await repo.insertPerson(db, {
      name: input.name,
      job_title: input.jobTitle,
      organisation_id: input.organisationId,
    });
    const person = toPerson((await repo.findPerson(db, id))!);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'person.create',
      entityType: 'person',
      entityId: id,
      after: person,
      requestId: ctx.requestId,
    });
    return person;
  });
}

export async function updatePerson(ctx: ServiceContext, id: string, input: PersonPatch): Promise<Person> {
  requireDirectoryEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const before = await repo.findPerson(db, id);
    if (!before) throw new NotFound('person');
    const usedBy = await repo.boardsUsing(db, 'person', id);
    const user = requireDirectoryChange(ctx.actor, 'person', usedBy);
    await repo.updatePerson(db, id, {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.jobTitle !== undefined ? { job_title: input.jobTitle } : {}),
      ...(input.organisationId !== undefined ? { organisation_id: input.organisationId } : {}),
    });
    const after = toPerson((await repo.findPerson(db, id))!);
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'person.update',
      entityType: 'person',
      entityId: id,
      before: toPerson(before),
      after,
      requestId: ctx.requestId,
      boardIds: usedBy.map((board) => board.id),
    });
    return after;
  });
}
