/**
 * The register of decisions of significant public interest. A decision is prepared as a draft by the
 * board's secretariat, then published: a frozen version (canonical JSON, PDF notice, their SHA-256).
 * Published decisions are not edited (409); a correction states its reason and adds a version.
 */

import { canAdministerBoard } from '../../access/index.ts';
import type { ServiceContext } from '../../context.ts';
import { BadRequest, Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { sha256Hex } from '../../core/hash.ts';
import { type Principal, requireRole, requireUser } from '../../core/principal.ts';
import { assertVersion } from '../../core/version.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import {
  type BrowserPool,
  canonicalJson,
  DECISION_SNAPSHOT_SCHEMA,
  type DecisionSnapshot,
  decisionLines,
  renderDecisionPdf,
} from '../../documents/index.ts';
import { toLondon } from '../../time/london.ts';
import { findBoard } from '../boards/repo.ts';
import { publishedVersion, versionsDiff } from '../publication/versions.ts';
import * as repo from './repo.ts';
import type {
  Decision,
  DecisionCorrection,
  DecisionInput,
  DecisionPatch,
  DecisionVersion,
} from './schemas.ts';

export interface DecisionDeps {
  pool: BrowserPool;
}

function toVersion(row: repo.DecisionVersionMeta, latestNo: number): DecisionVersion {
  return {
    versionNo: row.version_no,
    publishedAt: row.published_at,
    publishedBy: row.published_by_name,
    reason: row.reason,
    superseded: row.version_no < latestNo,
    jsonSha256: row.json_sha256,
    pdfSha256: row.pdf_sha256,
    pdfFilename: row.pdf_filename,
    pdfSize: row.pdf_size,
  };
}

function toDecision(row: repo.DecisionRow, versions: repo.DecisionVersionMeta[]): Decision {
  const own = versions.filter((v) => v.decision_id === row.id);
  const latestNo = own.at(-1)?.version_no ?? 0;
  return {
    id: row.id,
    boardId: row.board_id,
    reference: row.reference,
    title: row.title,
    decisionDate: row.decision_date,
    decisionMaker: row.decision_maker,
    summary: row.summary,
    meetingId: row.meeting_id,
    itemId: row.item_id,
    status: row.status,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    versions: own.map((v) => toVersion(v, latestNo)),
  };
}

async function decisionOut(db: Database, id: string): Promise<Decision> {
  const row = (await repo.findDecision(db, id))!;
  return toDecision(row, await repo.listVersions(db, [id]));
}

/** Drafts are the secretariat's; published decisions any signed-in user may read. Unknown and hidden: 404. */
async function readable(ctx: ServiceContext, db: Database, id: string, opts: { lock?: boolean } = {}) {
  const user = requireUser(ctx.actor);
  const row = await repo.findDecision(db, id, opts);
  if (!row || (row.status === 'draft' && !canAdministerBoard(user, row.board_id)))
    throw new NotFound('decision');
  return { row, user };
}

async function writable(ctx: ServiceContext, db: Database, id: string) {
  const { row, user } = await readable(ctx, db, id, { lock: true });
  if (!canAdministerBoard(user, row.board_id)) throw new Forbidden();
  return { row, user };
}

/** The meeting must be the board's, the item that meeting's and public (a link must not reveal an exempt item). */
async function checkLinks(db: Database, boardId: string, meetingId: string | null, itemId: string | null) {
  let meeting = meetingId;
  if (itemId) {
    const item = await repo.findItemBrief(db, itemId);
    if (!item) throw new BadRequest('No such agenda item.', [{ path: 'body.itemId', message: 'unknown' }]);
    if (item.confidentiality !== 'public') {
      throw new BadRequest('Only a public agenda item can be linked to a published decision.', [
        { path: 'body.itemId', message: 'not a public item' },
      ]);
    }
    if (meeting && item.meeting_id !== meeting) {
      throw new BadRequest('The item is not on that meeting’s agenda.', [
        { path: 'body.itemId', message: 'of another meeting' },
      ]);
    }
    meeting = item.meeting_id;
  }
  if (meeting) {
    const m = await repo.findMeetingBrief(db, meeting);
    if (!m || m.board_id !== boardId) {
      throw new BadRequest('The meeting must be one of this board’s.', [
        { path: 'body.meetingId', message: 'not a meeting of this board' },
      ]);
    }
  }
  return { meetingId: meeting, itemId };
}

export async function listDecisions(
  ctx: ServiceContext,
  query: { boardId?: string | undefined },
): Promise<Decision[]> {
  const user = requireUser(ctx.actor);
  const rows = await repo.listDecisions(ctx.db, {
    ...(query.boardId ? { boardIds: [query.boardId] } : {}),
    publishedOnly: false,
  });
  const visible = rows.filter((r) => r.status === 'published' || canAdministerBoard(user, r.board_id));
  const versions = await repo.listVersions(
    ctx.db,
    visible.map((r) => r.id),
  );
  return visible.map((r) => toDecision(r, versions));
}

export async function getDecision(ctx: ServiceContext, id: string): Promise<Decision> {
  const { row } = await readable(ctx, ctx.db, id);
  return toDecision(row, await repo.listVersions(ctx.db, [id]));
}

async function audit(
  ctx: ServiceContext,
  db: Database,
  user: Principal,
  action: string,
  id: string,
  before: unknown,
  after: unknown,
) {
  await recordAudit(db, {
    actorUserId: user.userId,
    action,
    entityType: 'decision',
    entityId: id,
    before,
    after,
    requestId: ctx.requestId,
  });
}

export async function createDecision(ctx: ServiceContext, input: DecisionInput): Promise<Decision> {
  const user = requireRole(ctx.actor, 'admin', 'secretariat');
  return ctx.db.transaction().execute(async (db) => {
    const board = await findBoard(db, input.boardId);
    if (!board) throw new NotFound('board');
    if (!canAdministerBoard(user, board.id)) throw new Forbidden();
    const links = await checkLinks(db, board.id, input.meetingId, input.itemId);
    const id = await repo.insertDecision(db, {
      board_id: board.id,
      title: input.title,
      decision_date: input.decisionDate,
      decision_maker: input.decisionMaker,
      summary: input.summary,
      meeting_id: links.meetingId,
      item_id: links.itemId,
      created_by: user.userId,
    });
    const out = await decisionOut(db, id);
    await audit(ctx, db, user, 'decision.create', id, null, out);
    return out;
  });
}

function patchValues(row: repo.DecisionRow, patch: DecisionPatch) {
  return {
    title: patch.title ?? row.title,
    decision_date: patch.decisionDate ?? row.decision_date,
    decision_maker: patch.decisionMaker ?? row.decision_maker,
    summary: patch.summary ?? row.summary,
    meeting_id: patch.meetingId === undefined ? row.meeting_id : patch.meetingId,
    item_id: patch.itemId === undefined ? row.item_id : patch.itemId,
  };
}

/** Drafts only (If-Match); a published decision is changed by a correction. */
export async function updateDecision(
  ctx: ServiceContext,
  id: string,
  expectedVersion: () => number,
  patch: DecisionPatch,
): Promise<Decision> {
  return ctx.db.transaction().execute(async (db) => {
    const { row, user } = await writable(ctx, db, id);
    assertVersion(expectedVersion(), row.version);
    if (row.status === 'published') {
      throw new Conflict(
        'A published decision cannot be edited: publish a correction with a reason instead.',
      );
    }
    const values = patchValues(row, patch);
    const links = await checkLinks(db, row.board_id, values.meeting_id, values.item_id);
    await repo.updateDecision(db, id, { ...values, meeting_id: links.meetingId, item_id: links.itemId });
    const out = await decisionOut(db, id);
    await audit(ctx, db, user, 'decision.update', id, toDecision(row, []), out);
    return out;
  });
}

/** The snapshot of a decision as it would be published with these values. */
async function snapshotOf(
  db: Database,
  row: repo.DecisionRow,
  values: ReturnType<typeof patchValues>,
  reference: string,
  version: number,
  reason: string | null,
  publishedAt: Date,
): Promise<DecisionSnapshot> {
  const board = (await findBoard(db, row.board_id))!;
  const meeting = values.meeting_id ? await repo.findMeetingBrief(db, values.meeting_id) : undefined;
  const item = values.item_id ? await repo.findItemBrief(db, values.item_id) : undefined;
  if (item && item.confidentiality !== 'public') {
    throw new Conflict('The linked agenda item is no longer public: link another item, or none.');
  }
  return {
    schema: DECISION_SNAPSHOT_SCHEMA,
    decision: {
      id: row.id,
      boardId: row.board_id,
      board: { name: board.name, code: board.code },
      reference,
      title: values.title,
      decisionDate: values.decision_date,
      decisionMaker: values.decision_maker,
      summary: values.summary,
      meeting: meeting ? { id: meeting.id, date: toLondon(meeting.starts_at).date } : null,
      item: item ? { id: item.id, title: item.title } : null,
    },
    version,
    publishedAt: publishedAt.toISOString(),
    reason,
  };
}

async function freeze(
  db: Database,
  deps: DecisionDeps,
  user: Principal,
  snapshot: DecisionSnapshot,
): Promise<{ jsonSha256: string; pdfSha256: string }> {
  const json = canonicalJson(snapshot);
  // Rendering inside the transaction keeps the decision locked for the second or so it takes; unlike
  // the notes, a decision has nothing the render itself reads from the database.
  const rendered = await renderDecisionPdf(deps.pool, snapshot);
  const jsonSha256 = sha256Hex(json);
  await repo.insertVersion(db, {
    decision_id: snapshot.decision.id,
    version_no: snapshot.version,
    published_at: new Date(snapshot.publishedAt),
    published_by: user.userId,
    published_by_name: user.displayName,
    reason: snapshot.reason,
    canonical_json: json,
    json_sha256: jsonSha256,
    pdf: rendered.pdf,
    pdf_sha256: rendered.sha256,
    pdf_filename: rendered.filename,
    pdf_size: rendered.pdf.byteLength,
    search_text: decisionLines(snapshot.decision).join('\n'),
  });
  return { jsonSha256, pdfSha256: rendered.sha256 };
}

export async function publishDecision(
  ctx: ServiceContext,
  deps: DecisionDeps,
  id: string,
): Promise<Decision> {
  return ctx.db.transaction().execute(async (db) => {
    const { row, user } = await writable(ctx, db, id);
    if (row.status === 'published') throw new Conflict('The decision is already published.');
    const board = (await findBoard(db, row.board_id, { lock: true }))!;
    const year = row.decision_date.slice(0, 4);
    const reference = `${board.code}-D-${year}-${(await repo.publishedCountInYear(db, board.id, year)) + 1}`;
    const snapshot = await snapshotOf(db, row, patchValues(row, {}), reference, 1, null, new Date());
    const hashes = await freeze(db, deps, user, snapshot);
    await repo.updateDecision(db, id, { status: 'published', reference });
    await audit(
      ctx,
      db,
      user,
      'decision.publish',
      id,
      { status: 'draft' },
      { status: 'published', reference, ...hashes },
    );
    return decisionOut(db, id);
  });
}

export async function correctDecision(
  ctx: ServiceContext,
  deps: DecisionDeps,
  id: string,
  input: DecisionCorrection,
): Promise<Decision> {
  const { reason, ...patch } = input;
  return ctx.db.transaction().execute(async (db) => {
    const { row, user } = await writable(ctx, db, id);
    if (row.status !== 'published' || !row.reference) {
      throw new Conflict('Only a published decision can be corrected; edit the draft instead.');
    }
    const values = patchValues(row, patch);
    const links = await checkLinks(db, row.board_id, values.meeting_id, values.item_id);
    const next = { ...values, meeting_id: links.meetingId, item_id: links.itemId };
    const versions = await repo.listVersions(db, [id]);
    const latestNo = versions.at(-1)?.version_no ?? 0;
    const previous = await repo.findVersionJson(db, id, latestNo);
    const snapshot = await snapshotOf(db, row, next, row.reference, latestNo + 1, reason, new Date());
    const before = previous ? (JSON.parse(previous.canonical_json) as DecisionSnapshot).decision : null;
    if (before && canonicalJson(before) === canonicalJson(snapshot.decision)) {
      throw new Conflict(`Nothing differs from version ${latestNo}: a correction must change something.`);
    }
    const hashes = await freeze(db, deps, user, snapshot);
    await repo.updateDecision(db, id, next);
    await audit(ctx, db, user, 'decision.correct', id, before, { ...snapshot.decision, reason, ...hashes });
    return decisionOut(db, id);
  });
}

// --- Versions: public once published ---

export const versionJson = (db: Database, id: string, versionNo: number) =>
  publishedVersion(repo.findVersionJson(db, id, versionNo));

export const versionPdf = (db: Database, id: string, versionNo: number) =>
  publishedVersion(repo.findVersionPdf(db, id, versionNo));

export function decisionDiff(db: Database, id: string, from: number, to: number) {
  return versionsDiff(
    'decision',
    from,
    to,
    {
      meta: (n) => publishedVersion(repo.findVersionMeta(db, id, n)),
      json: (n) => versionJson(db, id, n),
    },
    (json) => decisionLines((JSON.parse(json) as DecisionSnapshot).decision),
  );
}

/** Signed-in callers reading a version through the staff API: the decision must be readable to them. */
export async function assertReadable(ctx: ServiceContext, id: string): Promise<void> {
  await readable(ctx, ctx.db, id);
}
