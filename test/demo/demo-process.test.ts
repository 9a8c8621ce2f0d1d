/**
 * `npm run demo` as a real process (scripts/demo.ts on the embedded database in a fresh directory):
 * it seeds, listens, ends by printing where to go (the public site and /login at the real address)
 * and whether a browser for PDFs was found, and then stays quiet: no log line per request.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../faults/ports.ts';

const repoRoot = path.resolve(import.meta.dirname, '../..');

describe('npm run demo', () => {
  let child: ChildProcess | undefined;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'boardroom-demo-'));
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints where to go and whether PDFs will print, then logs no line per request', async () => {
    const port = await freePort();
    let output = '';
    child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo.ts'], {
      cwd: repoRoot,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        DATA_DIR: dataDir,
        HOST: '127.0.0.1',
        PORT: String(port),
        CHROMIUM_PATH: '/nonexistent/chromium',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const deadline = Date.now() + 90_000;
    while (!output.includes('Stop with Ctrl+C')) {
      if (child.exitCode !== null || Date.now() > deadline) throw new Error(`demo did not start:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(output).toContain('Demo data created.');
    expect(output).toContain(`http://127.0.0.1:${port}/\n`);
    expect(output).toContain(`http://127.0.0.1:${port}/login`);
    expect(output).toContain('no browser found at /nonexistent/chromium');
    const before = output.length;
    for (const url of ['/', '/login', '/nope', '/api/v1/nope']) {
      const res = await fetch(`http://127.0.0.1:${port}${url}`);
      await res.arrayBuffer();
      expect(res.status, url).toBeLessThan(500);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = output
      .slice(before)
      .split('\n')
      .filter((line) => line.trim() !== '');
    // At most one line a request (today: none; warnings and errors only).
    expect(after.length, after.join('\n')).toBeLessThanOrEqual(4);
    expect(after.join('\n')).not.toContain('incoming request');
  }, 120_000);
});
