/**
 * The world of the visibility property test: one app and database per test file, one user per
 * audience (several per signed-in audience, taken in turn, because documents are rate-limited per
 * user), a signed-in staff browser per audience, and a fresh board with a held meeting for every
 * generated sequence so that sequences never see each other's objects.
 */
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestUser } from '../../helpers/app.ts';
import { createBoard, createMeeting, createOrganisation } from '../../helpers/domain-fixtures.ts';
import { type Jar, webClient } from '../../web/web-client.ts';
import { nextAddress } from '../matrix-world.ts';
import type { Audience } from './model.ts';

const POOL = 10;

export interface Seq {
  seq: number;
  boardId: string;
  code: string;
  meetingId: string;
  /** The later meeting that approves the notes (and whose matters arising carry the actions). */
  laterId: string;
}

export class VisibilityWorld {
  private pools = new Map<Audience, TestUser[]>();
  private browsers = new Map<Audience, Jar>();
  private turn = 0;
  stats = new Map<string, { ok: number; refused: number }>();
  /** The writes of the current sequence, for failure messages. */
  trace: string[] = [];

  private constructor(
    readonly t: TestApp,
    readonly orgs: { wmp: string; opcc: string },
    readonly otherBoardId: string,
  ) {}

  static async create(): Promise<VisibilityWorld> {
    const t = await createTestApp({ RENDER_WORKER: 'external' });
    const db = t.database.db;
    const wmp = await createOrganisation(db, { name: 'West Midlands Police', shortName: 'WMPV' });
    const opcc = await createOrganisation(db, { name: 'Office of the PCC', shortName: 'OPCCV' });
    const other = await createBoard(db, { code: 'VOTH' });
    const w = new VisibilityWorld(t, { wmp: wmp.id, opcc: opcc.id }, other.id);
    const make: Record<Exclude<Audience, 'anonymous'>, () => Promise<TestUser>> = {
      admin: () => t.user({ roles: ['admin'] }),
      secretariat: () => t.user({ roles: ['secretariat'] }),
      otherSecretariat: () => t.user({ roles: ['secretariat'], boards: [other.id] }),
      officerOwn: () => t.user({ roles: ['officer'], organisationId: wmp.id }),
      officerOther: () => t.user({ roles: ['officer'], organisationId: opcc.id }),
      member: () => t.user({ roles: ['member'] }),
    };
    for (const [audience, fn] of Object.entries(make) as [
      Exclude<Audience, 'anonymous'>,
      () => Promise<TestUser>,
    ][]) {
      const users: TestUser[] = [];
      for (let i = 0; i < POOL; i++) users.push(await fn());
      w.pools.set(audience, users);
      w.browsers.set(audience, await w.signIn(users[0]!.email));
    }
    return w;
  }

  get admin(): TestUser {
    return this.pools.get('admin')![0]!;
  }

  /** The user an audience reads as for this sequence (taken in turn from its pool). */
  userFor(audience: Exclude<Audience, 'anonymous'>): TestUser {
    const pool = this.pools.get(audience)!;
    return pool[this.turn % pool.length]!;
  }

  private async signIn(email: string): Promise<Jar> {
    const { get, signIn } = webClient(() => this.t.app);
    const { jar, res } = await signIn(email);
    if (res.statusCode !== 303) throw new Error(`could not sign in ${email}: ${res.statusCode}`);
    await get(jar, '/staff');
    return jar;
  }

  /** A fresh board, listing exempt items by title or not (finding 11's rule; the model follows it). */
  async newSequence(seq: number, listExemptTitles: boolean): Promise<Seq> {
    this.turn += 1;
    this.trace = [];
    const db = this.t.database.db;
    const code = `V${seq}`;
    const board = await createBoard(db, { code, name: `Visibility board ${seq}` });
    await db
      .updateTable('boards')
      .set({ list_exempt_titles: listExemptTitles })
      .where('id', '=', board.id)
      .execute();
    const secretariats = this.pools.get('secretariat')!;
    await db
      .insertInto('board_secretariat')
      .values(secretariats.map((u) => ({ board_id: board.id, user_id: u.id })))
      .execute();
    const meeting = await createMeeting(db, board.id, { startsAt: '2026-03-24T10:00:00Z', status: 'held' });
    const later = await createMeeting(db, board.id, { startsAt: '2026-04-28T09:00:00Z', status: 'held' });
    return { seq, boardId: board.id, code, meetingId: meeting.id, laterId: later.id };
  }

  /** A request as a user (bearer token) or anonymously, each from its own client address. */
  request(
    as: TestUser | null,
    req: {
      method: 'GET' | 'POST' | 'PATCH';
      url: string;
      payload?: unknown;
      headers?: Record<string, string>;
    },
  ): Promise<LightMyRequestResponse> {
    return this.t.request({
      method: req.method,
      url: req.url,
      headers: req.headers,
      payload: req.payload as object,
      remoteAddress: nextAddress(),
      ...(as ? { as } : {}),
    });
  }

  /** A staff page as the audience's signed-in browser. */
  async staffGet(audience: Exclude<Audience, 'anonymous'>, url: string): Promise<LightMyRequestResponse> {
    const jar = this.browsers.get(audience)!;
    const res = await this.t.app.inject({
      method: 'GET',
      url,
      headers: { cookie: jar.header() },
      remoteAddress: nextAddress(),
    });
    jar.take(res);
    return res;
  }

  /** A write the model asked for: 2xx applies, a 4xx is a refusal the model tolerates, anything else fails. */
  async write(
    name: string,
    req: { method: 'POST' | 'PATCH'; url: string; payload?: unknown; headers?: Record<string, string> },
  ): Promise<LightMyRequestResponse | null> {
    const res = await this.request(this.admin, req);
    const payload = req.payload && !Buffer.isBuffer(req.payload) ? ` ${JSON.stringify(req.payload)}` : '';
    const why = res.statusCode >= 400 ? ` ${res.body.slice(0, 200)}` : '';
    this.trace.push(`${name}: ${req.method} ${req.url}${payload} → ${res.statusCode}${why}`);
    const stat = this.stats.get(name) ?? { ok: 0, refused: 0 };
    this.stats.set(name, stat);
    if (res.statusCode < 300) {
      stat.ok += 1;
      return res;
    }
    if (res.statusCode >= 400 && res.statusCode < 500 && res.statusCode !== 401 && res.statusCode !== 429) {
      stat.refused += 1;
      return null;
    }
    throw new Error(`${name}: ${req.method} ${req.url} → ${res.statusCode} ${res.body.slice(0, 500)}`);
  }

  /** If-Match for a row read fresh as admin (its `version`). */
  async ifMatch(url: string): Promise<Record<string, string>> {
    const res = await this.request(this.admin, { method: 'GET', url });
    if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode} ${res.body.slice(0, 300)}`);
    const { id, version } = res.json() as { id: string; version: number };
    return { 'if-match': `W/"${id}:${version}"` };
  }

  close(): Promise<void> {
    return this.t.close();
  }
}
