/**
 * SIGTERM under load: `src/server.ts` as a real process on PostgreSQL, keep-alive clients reading the
 * API and PDFs rendering when the signal arrives. Every request sent before the signal gets a complete,
 * non-5xx answer; no connection is reset (a client may only find the port closed); in-flight PDFs
 * finish; the process exits 0 within 10 s and leaves no Chromium behind.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser, setSecretariatBoards } from '../../src/modules/users/repo.ts';
import { todayInLondon } from '../../src/time/london.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from '../documents/fixtures.ts';
import { waitFor } from '../documents/harness.ts';
import { TEST_JWT_SECRET, TEST_PASSWORD } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';
import { liveChromiumProcesses } from '../render/chromium-for-tests.ts';
import { freePort } from './ports.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

interface Outcome {
  path: string;
  sentAt: number;
  doneAt?: number;
  status?: number;
  /** Body length matched Content-Length (or the chunked body ended properly). */
  complete?: boolean;
  pdf?: boolean;
  connectionClose?: boolean;
  error?: string;
}

function send(
  agent: http.Agent,
  port: number,
  requestPath: string,
  options: { token?: string; method?: string; body?: unknown } = {},
): Promise<Outcome> {
  const outcome: Outcome = { path: requestPath, sentAt: Date.now() };
  const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve) => {
    const req = http.request(
      {
        agent,
        host: '127.0.0.1',
        port,
        path: requestPath,
        method: options.method ?? 'GET',
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', (err) => resolve({ ...outcome, status: res.statusCode, error: errorName(err) }));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const declared = res.headers['content-length'];
          resolve({
            ...outcome,
            status: res.statusCode ?? 0,
            complete: res.complete && (declared === undefined || Number(declared) === body.length),
            pdf: body.subarray(0, 5).toString() === '%PDF-' && body.includes('%%EOF'),
            connectionClose: res.headers.connection === 'close',
          });
        });
      },
    );
    req.on('error', (err) => resolve({ ...outcome, error: errorName(err) }));
    req.end(payload);
  });
}

function errorName(err: Error & { code?: string }): string {
  return err.code ?? err.message;
}

describe.skipIf(inject('testDb').mode !== 'postgres')('SIGTERM under load', () => {
  let database: TestDatabase;
  let ref: ReferenceMeeting;
  let server: ChildProcess | null = null;
  let output = '';
  beforeAll(async () => {
    database = await createTestDatabase();
    ref = await insertReferenceMeeting(database.db, todayInLondon());
  });
  afterAll(async () => {
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL');
    await database?.close();
  });

  it('finishes what it started, resets no connection, and exits 0 within 10 s', async () => {
    const port = await freePort();
    server = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: String(port),
        DATABASE_URL: database.url,
        MIGRATE_ON_START: 'false',
        RENDER_WORKER: 'external',
        RENDER_POOL_SIZE: '2',
        LOG_LEVEL: 'warn',
        JWT_SECRET: TEST_JWT_SECRET,
        DATA_DIR: mkdtempSync(path.join(tmpdir(), 'boardroom-shutdown-')),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const child = server;
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      child.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });

    const setupAgent = new http.Agent({ keepAlive: false });
    await waitFor(
      'the server to listen',
      async () => (await send(setupAgent, port, '/health/live')).status === 200,
      30_000,
      100,
    );

    // Readers and renderers as separate users: the render rate limit is per user.
    const passwordHash = await hashPassword(TEST_PASSWORD);
    const tokens: string[] = [];
    for (let n = 0; n < 3; n += 1) {
      const email = `shutdown${n}-${Date.now()}@example.org`;
      const id = await insertUser(database.db, {
        email,
        displayName: `Shutdown ${n}`,
        passwordHash,
        roles: ['secretariat'],
        organisationId: null,
        personId: null,
      });
      await setSecretariatBoards(database.db, id, [ref.boardId]);
      const login = await new Promise<string>((resolve, reject) => {
        const req = http.request(
          {
            agent: setupAgent,
            host: '127.0.0.1',
            port,
            path: '/api/v1/auth/login',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            let body = '';
            res.on('data', (c: Buffer) => {
              body += c.toString();
            });
            res.on('end', () => resolve(body));
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ email, password: TEST_PASSWORD }));
      });
      tokens.push((JSON.parse(login) as { accessToken: string }).accessToken);
    }
    // Launch Chromium before the load, so renders are really in flight when the signal comes.
    const warm = await send(setupAgent, port, `/api/v1/boards/${ref.boardId}/action-log.pdf`, {
      token: tokens[0]!,
    });
    expect(warm.status, JSON.stringify(warm)).toBe(200);

    let sigtermAt = Number.POSITIVE_INFINITY;
    const outcomes: Outcome[] = [];
    let renderCounter = 0;
    const readerPaths = [
      '/health/live',
      '/api/v1/auth/me',
      `/api/v1/meetings/${ref.meetingId}`,
      `/api/v1/actions?boardId=${ref.boardId}&limit=20`,
    ];
    // A client stops when it finds the port closed (ECONNREFUSED): the only way it learns the server left.
    async function client(agent: http.Agent, next: () => { path: string; token: string }): Promise<void> {
      for (;;) {
        const { path: p, token } = next();
        const outcome = await send(agent, port, p, { token });
        outcome.doneAt = Date.now();
        outcomes.push(outcome);
        if (outcome.error === 'ECONNREFUSED') return;
        if (Date.now() > sigtermAt + 15_000) return;
      }
    }
    const readers = Array.from({ length: 6 }, (_, n) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      let i = n;
      return client(agent, () => ({ path: readerPaths[i++ % readerPaths.length]!, token: tokens[0]! }));
    });
    const renderers = [1, 2].map((user) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      return client(agent, () => {
        // A new date range each time: a new input, so a real render rather than the stored PDF.
        renderCounter += 1;
        const to = new Date(Date.UTC(2100, 0, 1) + renderCounter * 86_400_000).toISOString().slice(0, 10);
        return { path: `/api/v1/boards/${ref.boardId}/action-log.pdf?to=${to}`, token: tokens[user]! };
      });
    });

    await new Promise((r) => setTimeout(r, 2_000));
    const chromiumGroups = [...new Set(liveChromiumProcesses().map((p) => p.pgrp))];
    expect(chromiumGroups.length).toBeGreaterThan(0);
    sigtermAt = Date.now();
    child.kill('SIGTERM');
    const exit = await exited;
    await Promise.all([...readers, ...renderers]);

    const before = outcomes.filter((o) => o.sentAt < sigtermAt);
    const after = outcomes.filter((o) => o.sentAt >= sigtermAt);
    const bad = before.filter((o) => o.error || !o.complete || (o.status ?? 500) >= 500);
    const pdfsBefore = before.filter((o) => o.path.includes('.pdf'));
    const inFlight = before.filter((o) => (o.doneAt ?? 0) > sigtermAt);
    const resets = outcomes.filter((o) => o.error && o.error !== 'ECONNREFUSED');
    const fiveHundreds = outcomes.filter((o) => (o.status ?? 0) >= 500);
    const summary = {
      exitCode: exit.code,
      exitMs: exit.at - sigtermAt,
      before: before.length,
      pdfsBefore: pdfsBefore.length,
      inFlightAtSigterm: inFlight.length,
      pdfsInFlight: inFlight.filter((o) => o.path.includes('.pdf')).length,
      after: after.length,
      afterAnswered: after.filter((o) => o.status).length,
      refusedAfter: after.filter((o) => o.error === 'ECONNREFUSED').length,
      resets: resets.map((o) => `${o.path}: ${o.error}`),
      fiveHundreds: fiveHundreds.map((o) => `${o.path}: ${o.status}`),
    };
    console.log('[shutdown]', JSON.stringify(summary));

    expect(bad, `${output}\n${JSON.stringify(bad)}`).toEqual([]);
    expect(pdfsBefore.length).toBeGreaterThan(0);
    expect(inFlight.length).toBeGreaterThan(0);
    expect(pdfsBefore.every((o) => o.status === 200 && o.pdf)).toBe(true);
    expect(resets, output).toEqual([]);
    expect(fiveHundreds, output).toEqual([]);
    expect(exit.code, output).toBe(0);
    expect(exit.at - sigtermAt).toBeLessThan(10_000);
    await waitFor('Chromium to exit', async () => liveChromiumProcesses(chromiumGroups).length === 0, 5_000);
  });
});
