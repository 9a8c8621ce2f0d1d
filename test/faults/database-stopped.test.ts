/**
 * PostgreSQL killed mid-load (`pg_ctl stop -m immediate`) and started again, on a private server this
 * test starts itself. The real app listens while clients create actions with Idempotency-Keys: while
 * the database is away every answer is 503 problem+json (never a 500, never a dropped connection), the
 * process stays up, writes succeed again within 5 s of the database's return, and every write that was
 * answered 2xx is in the database afterwards, none twice.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { type DatabaseHandle, openDatabase } from '../../src/db/database.ts';
import { runMigrations } from '../../src/db/migrate.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser, setSecretariatBoards } from '../../src/modules/users/repo.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from '../documents/fixtures.ts';
import { TEST_PASSWORD, testConfig } from '../helpers/app.ts';
import { freePort } from './ports.ts';
import {
  type PrivatePostgres,
  privatePostgresUnavailable,
  startPrivatePostgres,
} from './private-postgres.ts';

const unavailable =
  inject('testDb').mode !== 'postgres'
    ? 'the embedded database (TEST_DB=embedded) has no server to stop'
    : privatePostgresUnavailable();
if (unavailable) console.warn(`[database-stopped] skipped: ${unavailable}`);

interface Write {
  key: string;
  text: string;
  /** Statuses of each attempt, in order. */
  statuses: number[];
  /** Attempts that failed without an HTTP answer. */
  transportErrors: string[];
  created: boolean;
  /** Error answers that were not problem+json: status, content type and the start of the body. */
  nonProblem: string[];
}

describe.skipIf(unavailable !== null)('PostgreSQL stopped mid-load', () => {
  let server: PrivatePostgres;
  let database: DatabaseHandle;
  let app: FastifyInstance;
  let ref: ReferenceMeeting;
  let base: string;
  let token: string;

  beforeAll(async () => {
    server = await startPrivatePostgres(await freePort());
    database = await openDatabase({ kind: 'postgres', url: server.url });
    await runMigrations(database.db);
    ref = await insertReferenceMeeting(database.db, todayInLondon());
    const email = `pg-stop-${Date.now()}@example.org`;
    const userId = await insertUser(database.db, {
      email,
      displayName: 'Secretariat under fault',
      passwordHash: await hashPassword(TEST_PASSWORD),
      roles: ['secretariat'],
      organisationId: null,
      personId: null,
    });
    await setSecretariatBoards(database.db, userId, [ref.boardId]);
    app = await buildApp({
      config: testConfig({ RENDER_WORKER: 'external' }),
      db: database.db,
      databaseUrl: server.url,
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
    await server?.destroy();
  });

  /** The bodies of 409 answers: a concurrent create may be told to try again, never a key stuck. */
  const conflicts: string[] = [];

  async function attempt(write: Write): Promise<number | null> {
    try {
      const res = await fetch(`${base}/api/v1/meetings/${ref.meetingId}/actions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': write.key,
        },
        body: JSON.stringify({ text: write.text, ownerOrganisationId: ref.wmpId }),
        signal: AbortSignal.timeout(15_000),
      });
      const body = await res.text();
      write.statuses.push(res.status);
      const type = res.headers.get('content-type') ?? '';
      if (res.status >= 400 && !type.startsWith('application/problem+json')) {
        write.nonProblem.push(`${res.status} ${type} ${body.slice(0, 200)}`);
      }
      if (res.status === 201) write.created = true;
      if (res.status === 409) conflicts.push(body.slice(0, 300));
      return res.status;
    } catch (err) {
      write.transportErrors.push(String((err as Error & { cause?: Error }).cause ?? err));
      return null;
    }
  }

  it('answers 503 problem+json while it is away, recovers within 5 s, and loses or doubles no write', async () => {
    const writes: Write[] = [];
    const timeline: { at: number; status: number | null }[] = [];
    let stopClients = false;
    const client = async (n: number) => {
      for (let i = 0; !stopClients; i += 1) {
        const write: Write = {
          key: randomUUID(),
          text: `Fault write ${n}-${i} ${randomUUID()}`,
          statuses: [],
          transportErrors: [],
          created: false,
          nonProblem: [],
        };
        writes.push(write);
        // A client retries the same key (a few times, spaced out) until it gets an answer it can trust.
        for (let tries = 0; tries < 40 && !stopClients; tries += 1) {
          const status = await attempt(write);
          timeline.push({ at: Date.now(), status });
          if (status !== null && status < 500 && status !== 409) break;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    };
    const clients = Array.from({ length: 4 }, (_, n) => client(n));

    await new Promise((r) => setTimeout(r, 1_500));
    const stoppedAt = Date.now();
    await server.stopImmediately();
    // The process must stay up and say so while the database is gone.
    await new Promise((r) => setTimeout(r, 2_000));
    const live = await fetch(`${base}/health/live`);
    const ready = await fetch(`${base}/health/ready`);
    // The database may answer before pg_ctl returns: "while it is away" ends when starting begins.
    const startingAt = Date.now();
    await server.start();
    const backAt = Date.now();
    await new Promise((r) => setTimeout(r, 5_000));
    stopClients = true;
    await Promise.all(clients);

    // Writes left uncertain (a 5xx or a transport error as their last answer) are retried once more now.
    for (const write of writes.filter((w) => !w.created)) await attempt(write);

    const firstCreatedAfterBack = timeline.find((t) => t.at >= backAt && t.status === 201);
    const during = timeline.filter((t) => t.at > stoppedAt + 200 && t.at < startingAt);
    const statuses = timeline.map((t) => t.status);
    const count = (pred: (s: number | null) => boolean) => statuses.filter(pred).length;

    const rows = await database.db
      .selectFrom('actions')
      .select(['text'])
      .where('text', 'like', 'Fault write %')
      .execute();
    const inDatabase = new Map<string, number>();
    for (const row of rows) inDatabase.set(row.text, (inDatabase.get(row.text) ?? 0) + 1);
    const acknowledged = writes.filter((w) => w.created);
    const lost = acknowledged.filter((w) => !inDatabase.has(w.text));
    const doubled = [...inDatabase].filter(([, n]) => n > 1);
    const stuck = writes.filter((w) => !w.created);

    const summary = {
      writes: writes.length,
      attempts: timeline.length,
      acknowledged: acknowledged.length,
      rows: rows.length,
      status201: count((s) => s === 201),
      status503: count((s) => s === 503),
      status409: count((s) => s === 409),
      otherStatuses: [...new Set(statuses.filter((s) => s !== 201 && s !== 503 && s !== 409))],
      answersWhileDown: during.length,
      recoveryMs: firstCreatedAfterBack ? firstCreatedAfterBack.at - backAt : null,
      transportErrors: writes.flatMap((w) => w.transportErrors),
      stuck: stuck.map((w) => w.statuses.join(',')),
    };
    console.log('[database-stopped]', JSON.stringify({ ...summary, conflicts }));

    expect(live.status).toBe(200);
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(during.length).toBeGreaterThan(0);
    expect(during.filter((t) => t.status !== 503)).toEqual([]);
    expect(summary.otherStatuses).toEqual([]);
    // Claim, create and stored answer commit together: no key is left "in progress", every write
    // lands. A create may still lose a race with another (409, "try again"); its retry succeeds.
    expect(conflicts.filter((c) => c.includes('still in progress'))).toEqual([]);
    expect(summary.stuck).toEqual([]);
    expect(rows.length).toBe(writes.length);
    expect(summary.transportErrors).toEqual([]);
    expect(writes.flatMap((w) => w.nonProblem)).toEqual([]);
    expect(summary.recoveryMs).not.toBeNull();
    expect(summary.recoveryMs!).toBeLessThan(5_000);
    expect(lost).toEqual([]);
    expect(doubled).toEqual([]);
    expect(rows.length).toBeGreaterThanOrEqual(acknowledged.length);
  });
});
