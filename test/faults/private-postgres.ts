/**
 * A PostgreSQL server of a test's own (initdb into a temporary folder, its own port), so a test can
 * stop and start it without disturbing the shared server the rest of the suite uses.
 */
import { execFile } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** initdb and pg_ctl: PG_BIN, else the newest Debian install, else null (the caller skips). */
export function postgresBinDir(): string | null {
  const candidates = process.env.PG_BIN
    ? [process.env.PG_BIN]
    : existsSync('/usr/lib/postgresql')
      ? readdirSync('/usr/lib/postgresql')
          .sort((a, b) => Number(b) - Number(a))
          .map((version) => `/usr/lib/postgresql/${version}/bin`)
      : [];
  return (
    candidates.find((dir) => existsSync(path.join(dir, 'initdb')) && existsSync(path.join(dir, 'pg_ctl'))) ??
    null
  );
}

/** Why a private server cannot be started here, or null when it can. */
export function privatePostgresUnavailable(): string | null {
  if (!postgresBinDir()) return 'initdb/pg_ctl not found (set PG_BIN)';
  if (userInfo().uid === 0 && !existsSync('/usr/sbin/runuser') && !existsSync('/sbin/runuser')) {
    return 'running as root without runuser: initdb refuses to run as root';
  }
  return null;
}

export interface PrivatePostgres {
  port: number;
  /** URL of a database on it (created by `start`). */
  url: string;
  /** `pg_ctl stop -m immediate`: the server is killed without a checkpoint, as in a crash. */
  stopImmediately(): Promise<void>;
  /** `pg_ctl start -w`: resolves once it accepts connections (after crash recovery). */
  start(): Promise<void>;
  /** Stops it (if running) and deletes its folder. */
  destroy(): Promise<void>;
}

export async function startPrivatePostgres(port: number, database = 'boardroom'): Promise<PrivatePostgres> {
  const bin = postgresBinDir();
  if (!bin) throw new Error('initdb/pg_ctl not found');
  const root = mkdtempSync('/tmp/boardroom-pg-');
  const dataDir = path.join(root, 'data');
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    // initdb refuses to run as root: the postgres user owns the folder and runs the server.
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(root, Number(stdout.trim()), Number(gid.trim()));
    chmodSync(root, 0o700);
  }
  const pg = (tool: string, args: string[]) =>
    asRoot
      ? run('runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args])
      : run(path.join(bin, tool), args);

  await pg('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c shared_buffers=16MB`;
  const start = async () => {
    await pg('pg_ctl', [
      'start',
      '-w',
      '-t',
      '30',
      '-D',
      dataDir,
      '-l',
      path.join(root, 'log'),
      '-o',
      options,
    ]);
  };
  const stopImmediately = async () => {
    await pg('pg_ctl', ['stop', '-m', 'immediate', '-w', '-D', dataDir]);
  };
  await start();
  await pg('psql', [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    '-c',
    `create database ${database}`,
  ]);
  return {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/${database}`,
    stopImmediately,
    start,
    async destroy() {
      await stopImmediately().catch(() => {});
      rmSync(root, { recursive: true, force: true });
    },
  };
}
