import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { requireRole, requireUser } from '../../core/principal.ts';
import { assertVersion } from '../../core/version.ts';
import { recordAudit } from '../../db/audit-log.ts';
import * as repo from './repo.ts';
import type { Board, BoardInput, BoardPatch } from './schemas.ts';

function toBoard(row: repo.BoardRow): Board {
  return {
    id: row.id,
    name: row.name,
    code: row.code,
    description: row.description,
    standingItems: row.standing_items.map((s) => ({ title: s.title, kind: s.kind })),
    questionDeadlineDays: row.question_deadline_days,
    listExemptTitles: row.list_exempt_titles,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Boards are not confidential: every signed-in user may list and read them. */
export async function listBoards(ctx: ServiceContext): Promise<Board[]> {
  requireUser(ctx.actor);
  return (await repo.listBoards(ctx.db)).map(toBoard);
}

export async function getBoard(ctx: ServiceContext, id: string): Promise<Board> {
  requireUser(ctx.actor);
  const row = await repo.findBoard(ctx.db, id);
  if (!row) throw new NotFound('board');
  return toBoard(row);
}

export async function createBoard(ctx: ServiceContext, input: BoardInput): Promise<Board> {
  const user = requireRole(ctx.actor, 'admin');
  return ctx.db.transaction().execute(async (db) => {
    if (await repo.findBoardByCode(db, input.code))
      throw new Conflict(`A board with code ${input.code} already exists.`);
    const board = toBoard(
      await repo.insertBoard(db, {
        name: input.name,
        code: input.code,
        description: input.description,
        standing_items: input.standingItems,
        question_deadline_days: input.questionDeadlineDays,
        list_exempt_titles: input.listExemptTitles,
      }),
    );
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'board.create',
      entityType: 'board',
      entityId: board.id,
      after: board,
      requestId: ctx.requestId,
    });
    return board;
  });
}

/** Admins, and the secretariat of this board (not of another one). */
/** `expectedVersion` gives the version the caller read (If-Match); asked only once the caller may edit. */
export async function updateBoard(
  ctx: ServiceContext,
  id: string,
  input: BoardPatch,
  expectedVersion: () => number,
): Promise<Board> {
  const user = requireUser(ctx.actor);
  return ctx.db.transaction().execute(async (db) => {
    const before = await repo.findBoard(db, id, { lock: true });
    if (!before) throw new NotFound('board');
    if (!canAdministerBoard(user, id)) throw new Forbidden();
    assertVersion(expectedVersion(), before.version);
    if (
      input.code !== undefined &&
      input.code !== before.code &&
      (await repo.findBoardByCode(db, input.code))
    ) {
      throw new Conflict(`A board with code ${input.code} already exists.`);
    }
    const after = toBoard(
      await repo.updateBoard(db, id, {
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.code !== undefined ? { code: input.code } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        ...(input.standingItems !== undefined ? { standing_items: input.standingItems } : {}),
        ...(input.questionDeadlineDays !== undefined
          ? { question_deadline_days: input.questionDeadlineDays }
          : {}),
        ...(input.listExemptTitles !== undefined ? { list_exempt_titles: input.listExemptTitles } : {}),
      }),
    );
    await recordAudit(db, {
      actorUserId: user.userId,
      action: 'board.update',
      entityType: 'board',
      entityId: id,
      before: toBoard(before),
      after,
      requestId: ctx.requestId,
    });
    return after;
  });
}
