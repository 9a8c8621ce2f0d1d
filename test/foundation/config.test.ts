import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'boardroom-config-'));

describe('config', () => {
  it('defaults to the embedded database under the data dir', () => {
    const dir = tmp();
    const config = loadConfig({ DATA_DIR: dir });
    expect(config.database).toEqual({ kind: 'embedded', dataDir: path.join(dir, 'pgdata') });
    expect(config.port).toBe(3000);
    expect(config.trustProxy).toBe(false);
  });

  it('uses PostgreSQL when DATABASE_URL is set', () => {
    const config = loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://u@localhost:5432/db' });
    // One role migrates and runs the app, as before MIGRATION_DATABASE_URL existed.
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u@localhost:5432/db',
      migrationUrl: 'postgres://u@localhost:5432/db',
    });
  });

  it('migrates as MIGRATION_DATABASE_URL when given, and only beside a DATABASE_URL', () => {
    const config = loadConfig({
      DATA_DIR: tmp(),
      DATABASE_URL: 'postgres://app@localhost:5432/db',
      MIGRATION_DATABASE_URL: 'postgres://owner@localhost:5432/db',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://app@localhost:5432/db',
      migrationUrl: 'postgres://owner@localhost:5432/db',
    });
    expect(() =>
      loadConfig({ DATA_DIR: tmp(), MIGRATION_DATABASE_URL: 'postgres://owner@localhost:5432/db' }),
    ).toThrow(/MIGRATION_DATABASE_URL: needs DATABASE_URL/);
    expect(() =>
      loadConfig({ DATA_DIR: tmp(), DATABASE_URL: 'postgres://a@h/db', MIGRATION_DATABASE_URL: 'mysql://x' }),
    ).toThrow(/MIGRATION_DATABASE_URL: must be a postgres/);
  });

  it('names every bad variable', () => {
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        LOG_LEVEL: 'loud',
        ACCESS_TOKEN_TTL_SECONDS: '99999',
      });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const message = (err as Error).message;
      for (const name of ['PORT', 'DATABASE_URL', 'LOG_LEVEL', 'ACCESS_TOKEN_TTL_SECONDS'])
        expect(message).toContain(name);
    }
  });

  it('requires the JWT secret in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() })).toThrow(/JWT_SECRET/);
    expect(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp(), JWT_SECRET: 'short' })).toThrow(
      /JWT_SECRET/,
    );
    const ok = loadConfig({
      NODE_ENV: 'production',
      DATA_DIR: tmp(),
      JWT_SECRET: 'x'.repeat(40),
      PUBLIC_BASE_URL: 'https://www.example-pcc.police.uk',
    });
    expect(ok.jwt.secret).toBe('x'.repeat(40));
  });

  it('requires the public base URL in production, and takes only an http(s) origin or path', () => {
    const production = { NODE_ENV: 'production', DATA_DIR: tmp(), JWT_SECRET: 'x'.repeat(40) };
    expect(() => loadConfig(production)).toThrow(/PUBLIC_BASE_URL/);
    expect(
      loadConfig({ ...production, PUBLIC_BASE_URL: 'https://www.example-pcc.police.uk/' }).publicBaseUrl,
    ).toBe('https://www.example-pcc.police.uk');
    expect(loadConfig({ DATA_DIR: tmp() }).publicBaseUrl).toBeUndefined();
    for (const bad of ['www.example.org', 'ftp://example.org', 'javascript:alert(1)', 'https://x.org/?a=1'])
      expect(() => loadConfig({ DATA_DIR: tmp(), PUBLIC_BASE_URL: bad }), bad).toThrow(/PUBLIC_BASE_URL/);
  });

  it('generates a development secret once and keeps it in the data dir', () => {
    const dir = tmp();
    const first = loadConfig({ DATA_DIR: dir });
    expect(first.jwt.secret.length).toBeGreaterThanOrEqual(32);
    expect(existsSync(path.join(dir, 'secrets.json'))).toBe(true);
    expect(readFileSync(path.join(dir, 'secrets.json'), 'utf8')).toContain(first.jwt.secret);
    expect(loadConfig({ DATA_DIR: dir }).jwt.secret).toBe(first.jwt.secret);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATA_DIR: tmp(), DATABASE_URL: '' }).database.kind).toBe('embedded');
  });

  it('the server exits with a message naming the variable', async () => {
    const { spawnSync } = await import('node:child_process');
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { ...process.env, PORT: 'not-a-port', DATA_DIR: tmp() },
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('PORT');
  });
});
