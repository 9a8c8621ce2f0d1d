import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database } from '../../src/db/database.ts';
import type { Role } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser } from '../../src/modules/users/repo.ts';
import { MINIMAL_PDF, multipart } from '../domain/meetings-fixtures.ts';
import { TEST_PASSWORD, type TestApp, type TestUser } from '../helpers/app.ts';
import {
  createItem,
  createMeeting,
  insertAction,
  insertQuestion,
  type MatrixRole,
  type MatrixUsers,
  type ReferenceBoard,
  setUpMatrix,
} from '../helpers/domain-fixtures.ts';
import { databaseFingerprint } from './matrix-table.ts';

/**
 * The objects the authorisation matrix acts on, made fresh for every cell so that one cell's
 * successful write never changes what the next cell sees.
 *
 * Object kinds, from the point of view of the reference board's secretariat and of the officer of
 * West Midlands Police (the organisation that owns the board's actions):
 * - `own`: on the reference board (AGB), public, owned by WMP where an owner applies;
 * - `other`: on the other board (OTH; the other secretariat's board), owned by the OPCC;
 * - `exempt`: on the reference board, under an exempt agenda item;
 * - `opcc-only`: on the reference board, marked OPCC-only;
 * - `-`: not tied to a board (plans, people, organisations, lists).
 */
export type ObjectKind = '-' | 'own' | 'other' | 'exempt' | 'opcc-only';
export const objectKinds: ObjectKind[] = ['-', 'own', 'other', 'exempt', 'opcc-only'];

export interface MatrixRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
}

type Confidentiality = 'public' | 'exempt' | 'opcc_only';
const inAMonth = () => new Date(Date.now() + 30 * 86_400_000);
let seq = 0;

export class World {
  constructor(
    readonly t: TestApp,
    readonly ref: ReferenceBoard,
    readonly otherBoardId: string,
    readonly users: MatrixUsers,
    private readonly passwordHash: string,
  ) {}

  static async create(): Promise<World> {
    // With the job queue (and no worker), so render jobs can be created.
    const { t, ref, otherBoardId, users } = await setUpMatrix({ RENDER_WORKER: 'external' });
    return new World(t, ref, otherBoardId, users, await hashPassword(TEST_PASSWORD));
  }

  get db(): Database {
    return this.t.database.db;
  }
  /**
   * The database's fingerprint once background renders are over. On the embedded database the
   * render worker runs in this process, so a render job created by an earlier cell would otherwise
   * write its batch and documents between a cell's two snapshots.
   */
  async fingerprint(): Promise<Record<string, string>> {
    await this.renderBatchesSettled();
    return databaseFingerprint(this.db);
  }

  private async renderBatchesSettled(): Promise<void> {
    if (!this.t.app.documents.worker) return; // PostgreSQL here: jobs wait for a worker that never comes
    const deadline = Date.now() + 120_000;
    for (;;) {
      const busy = await this.db
        .selectFrom('render_batches')
        .select(['id', 'state'])
        .where('state', 'not in', ['completed', 'failed', 'cancelled'])
        .executeTakeFirst();
      if (!busy) return;
      if (Date.now() > deadline) throw new Error(`render batch ${busy.id} still ${busy.state} after 120 s`);
      await sleep(25);
    }
  }

  get admin(): TestUser {
    return this.users.admin;
  }

  board(kind: ObjectKind): string {
    return kind === 'other' ? this.otherBoardId : this.ref.board.id;
  }
  organisation(kind: ObjectKind): string {
    return kind === 'other' ? this.ref.opcc.id : this.ref.wmp.id;
  }
  private confidentiality(kind: ObjectKind): Confidentiality {
    return kind === 'exempt' ? 'exempt' : kind === 'opcc-only' ? 'opcc_only' : 'public';
  }

  /**
   * A fresh meeting a month ahead (so the member question deadline is still open), or, `held`, one
   * held `daysAgo` days ago (7 by default).
   */
  async meeting(kind: ObjectKind, opts: { held?: boolean; daysAgo?: number } = {}): Promise<string> {
    const startsAt = opts.held ? new Date(Date.now() - (opts.daysAgo ?? 7) * 86_400_000) : inAMonth();
    const m = await createMeeting(this.db, this.board(kind), {
      startsAt,
      questionDeadline: opts.held ? null : new Date(Date.now() + 20 * 86_400_000),
      status: opts.held ? 'held' : 'scheduled',
    });
    return m.id;
  }

  /** A fresh item, on a fresh meeting, with the confidentiality of the kind. */
  async item(kind: ObjectKind, meetingId?: string): Promise<{ id: string; meetingId: string }> {
    const mid = meetingId ?? (await this.meeting(kind));
    seq += 1;
    const item = await createItem(this.db, mid, {
      position: seq,
      title: `Item ${seq}`,
      kind: 'report',
      confidentiality: this.confidentiality(kind),
    });
    return { id: item.id, meetingId: mid };
  }

  async question(kind: ObjectKind): Promise<string> {
    return (await this.questionOnItem(kind)).id;
  }

  /** A question under a fresh item of the kind; a member's own when `submittedByUserId` is given. */
  async questionOnItem(
    kind: ObjectKind,
    opts: { submittedByUserId?: string } = {},
  ): Promise<{ id: string; meetingId: string; itemId: string }> {
    const item = await this.item(kind);
    const q = await insertQuestion(this.db, item.meetingId, {
      itemId: item.id,
      ...(opts.submittedByUserId
        ? { source: 'pre_submitted', submittedByUserId: opts.submittedByUserId }
        : {}),
    });
    return { id: q.id, meetingId: item.meetingId, itemId: item.id };
  }

  async action(kind: ObjectKind, opts: { status?: 'open' | 'closed' } = {}): Promise<string> {
    const meetingId = await this.meeting(kind, { held: true });
    const itemId = kind === 'exempt' ? (await this.item('exempt', meetingId)).id : null;
    return (
      await insertAction(this.db, {
        boardId: this.board(kind),
        meetingId,
        ownerOrganisationId: this.organisation(kind),
        itemId,
        status: opts.status ?? 'open',
        confidentiality: kind === 'opcc-only' ? 'opcc_only' : 'public',
      })
    ).id;
  }

  /** An action update with a PDF as evidence, added by an admin through the API. */
  async evidence(kind: ObjectKind): Promise<{ actionId: string; updateId: string }> {
    const actionId = await this.action(kind);
    const res = await this.as(this.admin, {
      method: 'POST',
      url: `/api/v1/actions/${actionId}/updates`,
      payload: {
        text: 'Dashboard shared',
        public: kind !== 'opcc-only',
        evidence: { filename: 'dashboard.pdf', contentBase64: MINIMAL_PDF.toString('base64') },
      },
    });
    const updates = (res as { updates: { id: string; evidence: unknown }[] }).updates;
    const updateId = updates.find((u) => u.evidence)?.id;
    if (!updateId) throw new Error(`no update id in ${JSON.stringify(res)}`);
    return { actionId, updateId };
  }

  async person(): Promise<string> {
    seq += 1;
    const p = await this.db
      .insertInto('people')
      .values({ name: `Person ${seq}`, job_title: 'Inspector', organisation_id: this.ref.wmp.id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return p.id;
  }

  async attendance(kind: ObjectKind): Promise<string> {
    return (await this.attendanceEntry(kind)).id;
  }

  /** Someone present at a meeting of the kind (a fresh one unless given). */
  async attendanceEntry(kind: ObjectKind, meetingId?: string): Promise<{ id: string; meetingId: string }> {
    const mid = meetingId ?? (await this.meeting(kind));
    const a = await this.db
      .insertInto('attendance')
      .values({
        meeting_id: mid,
        person_id: await this.person(),
        status: 'present',
        organisation: 'WMP',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { id: a.id, meetingId: mid };
  }

  async declaration(kind: ObjectKind): Promise<string> {
    const meetingId = await this.meeting(kind);
    const itemId = kind === 'exempt' || kind === 'opcc-only' ? (await this.item(kind, meetingId)).id : null;
    const d = await this.db
      .insertInto('declarations')
      .values({ meeting_id: meetingId, person_id: await this.person(), item_id: itemId, interest: 'Trustee' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return d.id;
  }

  /** A paper on an item of the kind (public paper; the item carries the confidentiality). */
  async paper(kind: ObjectKind): Promise<string> {
    const item = await this.item(kind);
    const res = (await this.as(this.admin, {
      method: 'POST',
      url: `/api/v1/agenda-items/${item.id}/papers`,
      ...pdfUpload(),
    })) as { id: string };
    return res.id;
  }

  async plan(): Promise<string> {
    const plan = await this.db
      .insertInto('plans')
      .values({ title: 'Police and Crime Plan 2025-2029', starts_on: '2025-05-08', ends_on: '2029-05-09' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return plan.id;
  }

  async commitment(): Promise<string> {
    seq += 1;
    const c = await this.db
      .insertInto('commitments')
      .values({ plan_id: await this.plan(), ref: seq, text: 'Ensure effective prevention of online abuse.' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return c.id;
  }

  async rating(): Promise<{ commitmentId: string; ratingId: string }> {
    const commitmentId = await this.commitment();
    const r = await this.db
      .insertInto('commitment_ratings')
      .values({ commitment_id: commitmentId, period: 'Q1 25/26', rating: 'green' })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { commitmentId, ratingId: r.id };
  }

  /** A commitment linked to an item of the kind. */
  async link(kind: ObjectKind): Promise<{ commitmentId: string; linkId: string }> {
    const commitmentId = await this.commitment();
    const l = await this.db
      .insertInto('commitment_links')
      .values({ commitment_id: commitmentId, item_id: (await this.item(kind)).id })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { commitmentId, linkId: l.id };
  }

  /** `corrected`: published, then corrected (versions 1 and 2). */
  async decision(kind: ObjectKind, opts: { published?: boolean; corrected?: boolean } = {}): Promise<string> {
    const d = await this.db
      .insertInto('decisions')
      .values({
        board_id: this.board(kind),
        title: 'Approval of the estates strategy',
        decision_date: '2026-03-24',
        decision_maker: 'Police and Crime Commissioner',
        summary: 'The Commissioner approved the strategy.',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (opts.published || opts.corrected) {
      await this.as(this.admin, { method: 'POST', url: `/api/v1/decisions/${d.id}/publish` });
    }
    if (opts.corrected) {
      await this.as(this.admin, {
        method: 'POST',
        url: `/api/v1/decisions/${d.id}/corrections`,
        payload: { summary: 'Approved with conditions.', reason: 'Conditions left out' },
      });
    }
    return d.id;
  }

  /**
   * A held meeting whose notes are in the given state, moved there through the API by an admin;
   * `correcting`: published, then a correction opened; `republished`: that correction (the items'
   * text changed) published too, so there are versions 1 and 2.
   */
  async notes(
    kind: ObjectKind,
    state: 'draft' | 'submitted' | 'approved' | 'published' | 'correcting' | 'republished',
  ): Promise<string> {
    const meetingId = await this.meeting(kind, { held: true });
    await this.item('own', meetingId);
    const steps: MatrixRequest[] = [];
    if (state !== 'draft') steps.push({ method: 'POST', url: `/api/v1/meetings/${meetingId}/notes/submit` });
    if (state !== 'draft' && state !== 'submitted')
      steps.push({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/notes/approve`,
        // A day later than the meeting itself, whatever the clock does between the two calls.
        payload: { atMeetingId: await this.meeting(kind, { held: true, daysAgo: 6 }) },
      });
    const corrected = state === 'correcting' || state === 'republished';
    if (state === 'published' || corrected)
      steps.push({ method: 'POST', url: `/api/v1/meetings/${meetingId}/notes/publish` });
    if (corrected)
      steps.push({
        method: 'POST',
        url: `/api/v1/meetings/${meetingId}/notes/corrections`,
        payload: { reason: 'A name was misspelt' },
      });
    for (const step of steps) await this.as(this.admin, step);
    if (state === 'republished') {
      await this.db
        .updateTable('agenda_items')
        .set({ body_html: '<p>Corrected.</p>', body_text: 'Corrected.' })
        .where('meeting_id', '=', meetingId)
        .execute();
      await this.as(this.admin, { method: 'POST', url: `/api/v1/meetings/${meetingId}/notes/publish` });
    }
    return meetingId;
  }

  /** A user with the roles given (none by default), made straight in the database. */
  async user(roles: Role[] = []): Promise<{ id: string; email: string }> {
    seq += 1;
    const email = `matrix${seq}-${randomUUID().slice(0, 8)}@example.org`;
    const id = await insertUser(this.db, {
      email,
      displayName: `Matrix user ${seq}`,
      passwordHash: this.passwordHash,
      roles,
      organisationId: null,
      personId: null,
    });
    return { id, email };
  }

  /** A fresh session's refresh token. */
  async refreshToken(): Promise<string> {
    const { email } = await this.user();
    const res = await this.t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password: TEST_PASSWORD },
      remoteAddress: nextAddress(),
    });
    return (res.json() as { refreshToken: string }).refreshToken;
  }

  async renderJob(kind: ObjectKind): Promise<string> {
    const res = (await this.as(this.admin, {
      method: 'POST',
      url: '/api/v1/render-jobs',
      payload: { kind: 'agenda', ids: [await this.meeting(kind)] },
    })) as { jobId: string };
    return res.jobId;
  }

  /** The request as the role sends it to the API: its bearer token, or none when anonymous. */
  request(role: MatrixRole, req: MatrixRequest) {
    return this.t.request({
      method: req.method,
      url: req.url,
      headers: req.headers,
      payload: req.payload as object,
      remoteAddress: nextAddress(),
      as: role === 'anonymous' ? undefined : this.users[role],
    });
  }

  /** Set-up through the API: must succeed. */
  async as(user: TestUser, req: MatrixRequest & { headers?: Record<string, string> }): Promise<unknown> {
    const res = await this.t.request({
      ...req,
      payload: req.payload as object,
      as: user,
      remoteAddress: nextAddress(),
    });
    if (res.statusCode >= 300)
      throw new Error(`set-up ${req.method} ${req.url} → ${res.statusCode} ${res.body}`);
    return res.body ? res.json() : undefined;
  }

  close(): Promise<void> {
    return this.t.close();
  }
}

export const pdfUpload = () =>
  multipart([{ name: 'file', filename: 'paper.pdf', contentType: 'application/pdf', data: MINIMAL_PDF }]);

let address = 0;
/** Every request from its own client address, so the per-address login limit never interferes. */
export function nextAddress(): string {
  address += 1;
  return `10.77.${(address >> 8) & 255}.${address & 255}`;
}
