import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser } from '../../src/modules/users/repo.ts';
import { testConfig } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

describe('logs', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database.close());

  it('carry request ids and never a password or token', async () => {
    const stream = new PassThrough();
    const lines: string[] = [];
    stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
    const app = await buildApp({
      config: testConfig({ LOG_LEVEL: 'trace' }),
      db: database.db,
      logStream: stream,
    });
    const password = 'a very secret password 123';
    await insertUser(database.db, {
      email: 'log@example.org',
      displayName: 'Log',
      passwordHash: await hashPassword(password),
      roles: ['member'],
      organisationId: null,
      personId: null,
    });
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'log@example.org', password },
    });
    const { accessToken, refreshToken } = login.json() as { accessToken: string; refreshToken: string };
    await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    await app.inject({ method: 'POST', url: '/api/v1/auth/refresh', payload: { refreshToken } });
    await app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { authorization: 'Bearer not-a-token' },
    });
    await app.close();

    const all = lines.join('\n');
    expect(lines.length).toBeGreaterThan(4);
    expect(lines.filter((l) => l.includes('"reqId"')).length).toBeGreaterThan(4);
    expect(all).not.toContain(password);
    expect(all).not.toContain(accessToken);
    expect(all).not.toContain(refreshToken);
  });
});
