import { canAdministerBoard, canSee } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { type Actor, type Principal, requireRole, requireUser } from '../../core/principal.ts';
import { assertVersion } from '../../core/version.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import * as repo from './repo.ts';
import type {
  Commitment,
  CommitmentInput,
  CommitmentPatch,
  Link,
  LinkInput,
  Plan,
  PlanInput,
  PlanPatch,
  Rating,
  RatingInput,
} from './schemas.ts';

/** Plans belong to the commissioner, not to one board: every signed-in user reads, admins and secretariat write. */
const requireEditor = (actor: Actor) => requireRole(actor, 'admin', 'secretariat');

type PlanRow = NonNullable<Awaited<ReturnType<typeof repo.findPlan>>>;
type CommitmentRow = NonNullable<Awaited<ReturnType<typeof repo.findCommitment>>>;
type RatingRow = NonNullable<Awaited<ReturnType<typeof repo.findRating>>>;

const toPlan = (r: PlanRow): Plan => ({
  id: r.id,
  title: r.title,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  createdAt: r.created_at,
});
const toRating = (r: RatingRow): Rating => ({
  id: r.id,
  commitmentId: r.commitment_id,
  period: r.period,
  rating: r.rating,
  commentary: r.commentary,
  meetingId: r.meeting_id,
  createdAt: r.created_at,
});

async function withDetails(db: Database, actor: Actor, rows: CommitmentRow[]): Promise<Commitment[]> {
  const ids = rows.map((r) => r.id);
  const [ratings, links] = await Promise.all([repo.listRatings(db, ids), repo.listLinks(db, actor, ids)]);
  return rows.map((r) => ({
    id: r.id,
    planId: r.plan_id,
    ref: r.ref,
    chapter: r.chapter,
    text: r.text,
    version: r.version,
    createdAt: r.created_at,
    ratings: ratings.filter((x) => x.commitment_id === r.id).map(toRating),
    links: links
      .filter((l) => l.commitment_id === r.id)
      .map(
        (l): Link => ({
          id: l.id,
          commitmentId: l.commitment_id,
          targetType: l.item_id ? 'item' : l.question_id ? 'question' : 'action',
          targetId: (l.item_id ?? l.question_id ?? l.action_id)!,
          meetingId: l.meeting_id,
          label: l.label,
        }),
      ),
  }));
}

function audit(
  db: Database,
  ctx: ServiceContext,
  user: Principal,
  action: string,
  type: string,
  id: string,
  before?: unknown,
  after?: unknown,
) {
  return recordAudit(db, {
    actorUserId: user.userId,
    action,
    entityType: type,
    entityId: id,
    before,
    after,
    requestId: ctx.requestId,
  });
}

async function requirePlan(db: Database, id: string) {
  const row = await repo.findPlan(db, id);
  if (!row) throw new NotFound('plan');
  return row;
}

async function requireCommitment(db: Database, actor: Actor, id: string): Promise<Commitment> {
  const row = await repo.findCommitment(db, id);
  if (!row) throw new NotFound('commitment');
  return (await withDetails(db, actor, [row]))[0]!;
}

export async function listPlans(ctx: ServiceContext): Promise<Plan[]> {
  requireUser(ctx.actor);
  return (await repo.listPlans(ctx.db)).map(toPlan);
}

export async function getPlan(ctx: ServiceContext, id: string): Promise<Plan> {
  requireUser(ctx.actor);
  return toPlan(await requirePlan(ctx.db, id));
}

export async function createPlan(ctx: ServiceContext, input: PlanInput): Promise<Plan> {
  const user = requireEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const plan = toPlan(
      await repo.insertPlan(db, { title: input.title, starts_on: input.startsOn, ends_on: input.endsOn }),
    );
    await audit(db, ctx, user, 'plan.create', 'plan', plan.id, undefined, plan);
    return plan;
  });
}

export async function updatePlan(ctx: ServiceContext, id: string, input: PlanPatch): Promise<Plan> {
  const user = requireEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const before = toPlan(await requirePlan(db, id));
    const startsOn = input.startsOn ?? before.startsOn;
    const endsOn = input.endsOn ?? before.endsOn;
    if (startsOn > endsOn)
      throw new BadRequest('The plan ends before it starts.', [
        { path: 'body.endsOn', message: 'before startsOn' },
      ]);
    const after = toPlan(
      await repo.updatePlan(db, id, {
        title: input.title ?? before.title,
        starts_on: startsOn,
        ends_on: endsOn,
      }),
    );
    await audit(db, ctx, user, 'plan.update', 'plan', id, before, after);
    return after;
  });
}

export async function deletePlan(ctx: ServiceContext, id: string): Promise<void> {
  const user = requireEditor(ctx.actor);
  await ctx.db.transaction().execute(async (db) => {
    const before = toPlan(await requirePlan(db, id));
    await repo.deletePlan(db, id);
    await audit(db, ctx, user, 'plan.delete', 'plan', id, before, undefined);
  });
}

export async function listCommitments(ctx: ServiceContext, planId: string): Promise<Commitment[]> {
  requireUser(ctx.actor);
  await requirePlan(ctx.db, planId);
  return withDetails(ctx.db, ctx.actor, await repo.listCommitments(ctx.db, planId));
}

export async function getCommitment(ctx: ServiceContext, id: string): Promise<Commitment> {
  requireUser(ctx.actor);
  return requireCommitment(ctx.db, ctx.actor, id);
}

export async function createCommitment(
  ctx: ServiceContext,
  planId: string,
  input: CommitmentInput,
): Promise<Commitment> {
  const user = requireEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    await requirePlan(db, planId);
    if (await repo.refTaken(db, planId, input.ref))
      throw new Conflict(`The plan already has a commitment ${input.ref}.`);
    const row = await repo.insertCommitment(db, {
      plan_id: planId,
      ref: input.ref,
      chapter: input.chapter,
      text: input.text,
    });
    const created = (await withDetails(db, user, [row]))[0]!;
    await audit(db, ctx, user, 'commitment.create', 'commitment', row.id, undefined, created);
    return created;
  });
}

export async function updateCommitment(
  ctx: ServiceContext,
  id: string,
  input: CommitmentPatch,
  expectedVersion: () => number,
): Promise<Commitment> {
  const user = requireEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    if (!(await repo.findCommitment(db, id, { lock: true }))) throw new NotFound('commitment');
    const before = await requireCommitment(db, user, id);
    assertVersion(expectedVersion(), before.version);
    if (input.ref !== undefined && (await repo.refTaken(db, before.planId, input.ref, id))) {
      throw new Conflict(`The plan already has a commitment ${input.ref}.`);
    }
    // Every column, as updatePlan does: an empty patch ({}) must not become an UPDATE with no SET.
    await repo.updateCommitment(db, id, {
      ref: input.ref ?? before.ref,
      chapter: input.chapter ?? before.chapter,
      text: input.text ?? before.text,
    });
    const after = await requireCommitment(db, user, id);
    await audit(db, ctx, user, 'commitment.update', 'commitment', id, before, after);
    return after;
  });
}

export async function deleteCommitment(ctx: ServiceContext, id: string): Promise<void> {
  const user = requireEditor(ctx.actor);
  await ctx.db.transaction().execute(async (db) => {
    const before = await requireCommitment(db, user, id);
    await repo.deleteCommitment(db, id);
    await audit(db, ctx, user, 'commitment.delete', 'commitment', id, before, undefined);
  });
}

/** Red/amber/green for a reporting period; rating the same period again replaces it. */
export async function rateCommitment(ctx: ServiceContext, id: string, input: RatingInput): Promise<Rating> {
  const user = requireEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    await requireCommitment(db, user, id);
    if (input.meetingId && !(await repo.findMeeting(db, input.meetingId))) {
      throw new BadRequest('No such meeting.', [{ path: 'body.meetingId', message: 'unknown meeting' }]);
    }
    const existing = await repo.findRatingForPeriod(db, id, input.period);
    const rating = toRating(
      await repo.upsertRating(db, {
        commitment_id: id,
        period: input.period,
        rating: input.rating,
        commentary: input.commentary,
        meeting_id: input.meetingId,
      }),
    );
    await audit(
      db,
      ctx,
      user,
      'commitment.rate',
      'commitment',
      id,
      existing ? toRating(existing) : undefined,
      rating,
    );
    return rating;
  });
}

export async function deleteRating(ctx: ServiceContext, id: string, ratingId: string): Promise<void> {
  const user = requireEditor(ctx.actor);
  await ctx.db.transaction().execute(async (db) => {
    const row = await repo.findRating(db, id, ratingId);
    if (!row) throw new NotFound('rating');
    await repo.deleteRating(db, ratingId);
    await audit(db, ctx, user, 'commitment.unrate', 'commitment', id, toRating(row), undefined);
  });
}

/** Links a commitment to an item, question or action the editor may see and whose board they administer. */
export async function addLink(ctx: ServiceContext, id: string, input: LinkInput): Promise<Commitment> {
  const user = requireEditor(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const before = await requireCommitment(db, user, id);
    const target = await repo.findLinkTarget(db, input);
    const field = input.itemId ? 'itemId' : input.questionId ? 'questionId' : 'actionId';
    if (!target || !canSee(user, target.board_id, target.confidentiality)) {
      throw new BadRequest('The link target does not exist.', [
        { path: `body.${field}`, message: 'unknown' },
      ]);
    }
    if (!canAdministerBoard(user, target.board_id))
      throw new Forbidden('Only the secretariat of the target’s board may link to it.');
    if (await repo.linkExists(db, id, input)) throw new Conflict('The commitment is already linked to it.');
    await repo.insertLink(db, {
      commitment_id: id,
      item_id: input.itemId ?? null,
      question_id: input.questionId ?? null,
      action_id: input.actionId ?? null,
    });
    const after = await requireCommitment(db, user, id);
    await audit(db, ctx, user, 'commitment.link', 'commitment', id, before, after);
    return after;
  });
}

export async function deleteLink(ctx: ServiceContext, id: string, linkId: string): Promise<void> {
  const user = requireEditor(ctx.actor);
  await ctx.db.transaction().execute(async (db) => {
    const before = await requireCommitment(db, user, id);
    // Links you cannot see (their target is hidden from you) do not exist for you.
    const link = (await repo.listLinks(db, user, [id])).find((l) => l.id === linkId);
    if (!link) throw new NotFound('link');
    if (!canAdministerBoard(user, link.board_id))
      throw new Forbidden('Only the secretariat of the target’s board may unlink it.');
    await repo.deleteLink(db, linkId);
    await audit(
      db,
      ctx,
      user,
      'commitment.unlink',
      'commitment',
      id,
      before,
      await requireCommitment(db, user, id),
    );
  });
}
