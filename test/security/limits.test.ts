/**
 * Limits against a listening server (app.listen on port 0, real sockets, not inject): oversized JSON
 * and uploads, deep JSON, a 1 MB string, page sizes past the maximum on every list endpoint, slow
 * clients (headers trickled in: slowloris; a body trickled in), and the login rate limit with forged
 * X-Forwarded-For. Timeouts come from config, set short here so the test runs in seconds.
 */

import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createTestApp, type TestApp, type TestUser, testConfig } from '../helpers/app.ts';

const HEADERS_TIMEOUT_MS = 1_000;
const REQUEST_TIMEOUT_MS = 2_000;
const UPLOAD_LIMIT_BYTES = 64 * 1024;
const LOGIN_LIMIT = 3;
/**
 * Node checks the timeouts every connectionsCheckingInterval (headers / 4 here, 250 ms); the rest is
 * room for a busy CI machine (two cores shared with Chromium).
 */
const SLACK_MS = 1_500;

let t: TestApp;
let port: number;
let base: string;
let admin: TestUser;
let itemId: string;

interface Answer {
  status: number;
  type: string;
  body: { title?: string; errors?: { path: string; message: string }[] } & Record<string, unknown>;
  headers: Headers;
}

async function call(
  method: string,
  path: string,
  body?: string | FormData,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${admin.token}`,
      ...(typeof body === 'string' ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    ...(body === undefined ? {} : { body }),
  });
  const text = await res.text();
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    body: text.startsWith('{') ? JSON.parse(text) : {},
    headers: res.headers,
  } as Answer;
}

function expectProblem(res: Answer, status: number) {
  expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBe(status);
  expect(res.type).toMatch(/^application\/problem\+json/);
  expect(res.body.status).toBe(status);
}

beforeAll(async () => {
  t = await createTestApp({
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    UPLOAD_LIMIT_BYTES: String(UPLOAD_LIMIT_BYTES),
    LOGIN_RATE_LIMIT_PER_MINUTE: String(LOGIN_LIMIT),
  });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  port = (t.app.server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
  admin = await t.user({ roles: ['admin'] });
  const board = await call('POST', '/api/v1/boards', JSON.stringify({ name: 'Limits Board', code: 'LIM' }));
  const meeting = await call(
    'POST',
    '/api/v1/meetings',
    JSON.stringify({ boardId: board.body.id, date: '2026-05-01', startTime: '10:00', online: true }),
  );
  const item = await call(
    'POST',
    `/api/v1/meetings/${meeting.body.id}/agenda`,
    JSON.stringify({ title: 'Item' }),
  );
  expect(item.status).toBe(201);
  itemId = item.body.id as string;
});

afterAll(async () => {
  await t?.close();
});

describe('timeouts of the HTTP server', () => {
  it('has sensible defaults, and the server uses what config says', () => {
    const defaults = testConfig().httpTimeouts;
    expect(defaults).toEqual({
      headersMs: 15_000,
      requestMs: 120_000,
      keepAliveMs: 72_000,
      connectionMs: 180_000,
    });
    // A socket is idle while its PDF renders: the idle timeout must outlast the render deadline.
    expect(defaults.connectionMs).toBeGreaterThan(testConfig().render.timeoutMs);
    expect(() => loadConfig({ HTTP_HEADERS_TIMEOUT_MS: '5000', HTTP_REQUEST_TIMEOUT_MS: '1000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS/,
    );
    const server = t.app.server;
    expect(server.headersTimeout).toBe(HEADERS_TIMEOUT_MS);
    expect(server.requestTimeout).toBe(REQUEST_TIMEOUT_MS);
    expect(server.keepAliveTimeout).toBe(72_000);
    expect(server.timeout).toBe(180_000);
  });
});

describe('sizes', () => {
  it('an oversized JSON body (1.1 MB, limit 1 MiB) is 413 problem+json', async () => {
    const res = await call(
      'POST',
      '/api/v1/boards',
      JSON.stringify({ name: 'x'.repeat(1_100_000), code: 'BIG' }),
    );
    expectProblem(res, 413);
  });

  it('an oversized upload is 413 problem+json', async () => {
    const form = new FormData();
    form.append('title', 'Too big');
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(UPLOAD_LIMIT_BYTES + 1024, 0x20)]);
    form.append('file', new Blob([pdf], { type: 'application/pdf' }), 'big.pdf');
    expectProblem(await call('POST', `/api/v1/agenda-items/${itemId}/papers`, form), 413);
  });

  it('200-deep JSON is 400 problem+json', async () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const res = await call('POST', '/api/v1/boards', `{"name":${deep},"code":"DEEP"}`);
    expectProblem(res, 400);
    expect(res.body.errors?.map((e) => e.path)).toContain('body.name');
  });

  it('a 1 MB string in a field is 400 naming the field', async () => {
    const res = await call(
      'POST',
      '/api/v1/boards',
      JSON.stringify({ name: 'x'.repeat(1_000_000), code: 'STR' }),
    );
    expectProblem(res, 400);
    expect(res.body.errors?.map((e) => e.path)).toEqual(['body.name']);
  });

  it('limit=100000 on every list endpoint is 400 naming limit', async () => {
    const doc = (await (await fetch(`${base}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
    };
    const lists = Object.entries(doc.paths).filter(([, ops]) =>
      ops.get?.parameters?.some((p) => p.name === 'limit' && p.in === 'query'),
    );
    expect(lists.length).toBeGreaterThanOrEqual(5);
    const answers: string[] = [];
    for (const [path] of lists) {
      const url = path.replace(/\{[^}]+\}/g, '00000000-0000-4000-8000-000000000000');
      const res = await call('GET', `${url}?limit=100000`);
      expectProblem(res, 400);
      expect(
        res.body.errors?.map((e) => e.path),
        path,
      ).toContain('querystring.limit');
      answers.push(path);
    }
    console.info(`limits: limit=100000 refused with 400 on ${answers.length} list endpoints`);
  });
});

/** A raw socket: what arrives, and when the server closes it. */
function rawClient() {
  const socket = connect(port, '127.0.0.1');
  const started = performance.now();
  let received = '';
  socket.on('data', (chunk) => {
    received += chunk.toString('latin1');
  });
  socket.on('error', () => {});
  const closed = new Promise<number>((resolve) =>
    socket.on('close', () => resolve(performance.now() - started)),
  );
  return { socket, closed, received: () => received };
}

/** Writes one byte every 500 ms until the socket closes. */
function trickle(socket: ReturnType<typeof connect>, byte = 'a'): void {
  const timer = setInterval(() => {
    if (socket.destroyed || !socket.writable) clearInterval(timer);
    else socket.write(byte);
  }, 500);
  socket.on('close', () => clearInterval(timer));
}

describe('slow clients', () => {
  it('slowloris (headers one byte every 500 ms, never finished) is cut off at the headers timeout while others are served', async () => {
    const slow = rawClient();
    slow.socket.write(`GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: `);
    trickle(slow.socket);
    // A normal client meanwhile, several times while the slow one hangs on.
    const served: number[] = [];
    for (let i = 0; i < 4; i++) {
      const started = performance.now();
      const res = await fetch(`${base}/health/live`);
      expect(res.status).toBe(200);
      served.push(performance.now() - started);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const closedAfter = await slow.closed;
    console.info(
      `limits: slowloris cut off after ${Math.round(closedAfter)} ms (headers timeout ${HEADERS_TIMEOUT_MS} ms); ` +
        `normal requests meanwhile ${served.map((ms) => Math.round(ms)).join(', ')} ms`,
    );
    expect(closedAfter).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 50);
    expect(closedAfter).toBeLessThan(HEADERS_TIMEOUT_MS + SLACK_MS);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
    expect(Math.max(...served)).toBeLessThan(1_000);
  });

  it('a body sent slowly against its Content-Length is cut off at the request timeout', async () => {
    const slow = rawClient();
    slow.socket.write(
      'POST /api/v1/boards HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
        `Authorization: Bearer ${admin.token}\r\nContent-Length: 1000\r\n\r\n{"name":"`,
    );
    trickle(slow.socket);
    const res = await fetch(`${base}/health/live`);
    expect(res.status).toBe(200);
    const closedAfter = await slow.closed;
    console.info(
      `limits: slow body cut off after ${Math.round(closedAfter)} ms (request timeout ${REQUEST_TIMEOUT_MS} ms)`,
    );
    expect(closedAfter).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 50);
    expect(closedAfter).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(slow.received()).toMatch(/^HTTP\/1\.1 408 /);
  });
});

describe('rate limits', () => {
  // test/foundation/auth.test.ts covers the same through inject; here over real sockets, where the
  // client address is the socket's and X-Forwarded-For is the client's to invent (TRUST_PROXY=false).
  it('login answers 429 with Retry-After after the limit, whatever X-Forwarded-For says', async () => {
    const attempt = (n: number) =>
      fetch(`${base}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `203.0.113.${n}` },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'wrong password' }),
      });
    for (let n = 1; n <= LOGIN_LIMIT; n++) expect((await attempt(n)).status).toBe(401);
    const limited = await attempt(99);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
