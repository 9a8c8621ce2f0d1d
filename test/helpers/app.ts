import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import type { Role } from '../../src/db/schema.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser, setSecretariatBoards } from '../../src/modules/users/repo.ts';
import { createTestDatabase, type TestDatabase } from './database.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';
export const TEST_PASSWORD = 'correct horse battery staple';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: mkdtempSync(path.join(tmpdir(), 'boardroom-data-')),
    ...overrides,
  });
}

export interface TestUser {
  id: string;
  email: string;
  token: string;
  refreshToken: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Creates a user straight in the database and signs in through the API. */
  user(opts?: {
    roles?: Role[];
    organisationId?: string | null;
    personId?: string | null;
    boards?: string[];
  }): Promise<TestUser>;
  request(opts: InjectOptions & { as?: TestUser | string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

let counter = 0;

export async function createTestApp(overrides: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  // RENDER_WORKER=external: the app gets its job queue (render jobs can be created) but runs no worker.
  const queue =
    config.render.worker === 'external' ? { pglite: database.pglite, databaseUrl: database.url } : {};
  const app = await buildApp({ config, db: database.db, ...queue });
  await app.ready();
  const passwordHash = await hashPassword(TEST_PASSWORD);

  const request: TestApp['request'] = ({ as, ...opts }) => {
    const token = typeof as === 'string' ? as : as?.token;
    return app.inject({
      ...opts,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...opts.headers },
    });
  };

  return {
    app,
    database,
    config,
    request,
    async user(opts = {}) {
      counter += 1;
      const email = `user${counter}-${Date.now()}@example.org`;
      const id = await insertUser(database.db, {
        email,
        displayName: `Test User ${counter}`,
        passwordHash,
        roles: opts.roles ?? [],
        organisationId: opts.organisationId ?? null,
        personId: opts.personId ?? null,
      });
      if (opts.boards?.length) await setSecretariatBoards(database.db, id, opts.boards);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
        // Each helper sign-in from its own address, so tests of the login rate limit stay independent.
        remoteAddress: `10.200.${(counter >> 8) & 255}.${counter & 255}`,
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      const body = res.json() as { accessToken: string; refreshToken: string };
      return { id, email, token: body.accessToken, refreshToken: body.refreshToken };
    },
    async close() {
      await app.close();
      await database.close();
    },
  };
}

/** Asserts an RFC 9457 body and returns it. */
export function expectProblem(res: LightMyRequestResponse, status: number) {
  if (res.statusCode !== status) {
    throw new Error(`expected ${status}, got ${res.statusCode}: ${res.body}`);
  }
  if (!String(res.headers['content-type']).startsWith('application/problem+json')) {
    throw new Error(`expected problem+json, got ${res.headers['content-type']}`);
  }
  const body = res.json() as {
    type: string;
    title: string;
    status: number;
    detail?: string;
    errors?: { path: string; message: string }[];
  };
  if (body.status !== status || typeof body.title !== 'string' || typeof body.type !== 'string') {
    throw new Error(`not a problem document: ${res.body}`);
  }
  if (/\bat .+\.(ts|js):\d+/.test(res.body)) throw new Error('stack trace leaked');
  return body;
}
