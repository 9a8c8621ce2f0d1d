/**
 * The app as the documents tests need it: like test/helpers/app.ts, but built with the database's
 * connection details so the job queue runs (PGlite instance when embedded, URL on PostgreSQL), and with
 * the render worker inside the test process on both databases, so a test can reach its Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { buildApp } from '../../src/app.ts';
import type { Config } from '../../src/config.ts';
import type { Role } from '../../src/db/schema.ts';
import type { DocumentsRuntime } from '../../src/documents/runtime.ts';
import { hashPassword } from '../../src/modules/auth/passwords.ts';
import { insertUser, setSecretariatBoards } from '../../src/modules/users/repo.ts';
import { TEST_PASSWORD, testConfig } from '../helpers/app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/database.ts';

export interface DocumentsTestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  documents: DocumentsRuntime;
  mode: 'postgres' | 'embedded';
  user(opts?: { roles?: Role[]; organisationId?: string | null; boards?: string[] }): Promise<string>;
  request(opts: InjectOptions & { as?: string }): Promise<LightMyRequestResponse>;
  /** Closes the app (queue, worker, Chromium) but keeps the database open for inspection. */
  closeApp(): Promise<void>;
  close(): Promise<void>;
}

let counter = 0;

export async function createDocumentsTestApp(
  overrides: Record<string, string> = {},
): Promise<DocumentsTestApp> {
  const database = await createTestDatabase();
  const config = testConfig({ RENDER_WORKER: 'in-process', RENDER_POOL_SIZE: '2', ...overrides });
  const app = await buildApp({ config, db: database.db, pglite: database.pglite, databaseUrl: database.url });
  await app.ready();
  const passwordHash = await hashPassword(TEST_PASSWORD);
  let appClosing: Promise<void> | null = null;
  const closeApp = () => {
    appClosing ??= app.close();
    return appClosing;
  };
  return {
    app,
    database,
    config,
    documents: app.documents,
    mode: database.kind,
    async user(opts = {}) {
      counter += 1;
      const email = `documents${counter}-${Date.now()}@example.org`;
      const id = await insertUser(database.db, {
        email,
        displayName: `Documents User ${counter}`,
        passwordHash,
        roles: opts.roles ?? [],
        organisationId: opts.organisationId ?? null,
        personId: null,
      });
      if (opts.boards?.length) await setSecretariatBoards(database.db, id, opts.boards);
      const res = await app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { email, password: TEST_PASSWORD },
        remoteAddress: `10.201.${(counter >> 8) & 255}.${counter & 255}`,
      });
      if (res.statusCode !== 200) throw new Error(`login failed: ${res.body}`);
      return (res.json() as { accessToken: string }).accessToken;
    },
    request({ as, ...opts }) {
      return app.inject({
        ...opts,
        headers: { ...(as ? { authorization: `Bearer ${as}` } : {}), ...opts.headers },
      });
    },
    closeApp,
    async close() {
      await closeApp();
      await database.close();
    },
  };
}

/** The text of a PDF as a reader's software extracts it, whitespace collapsed. */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  try {
    let text = '';
    for (let n = 1; n <= doc.numPages; n += 1) {
      const content = await (await doc.getPage(n)).getTextContent();
      for (const item of content.items) if ('str' in item) text += item.str + (item.hasEOL ? ' ' : '');
      text += ' ';
    }
    return text.replace(/\s+/g, ' ').trim();
  } finally {
    await task.destroy();
  }
}

/** Phrases missing from the text, compared without whitespace (line breaks fall anywhere). */
export function missing(text: string, phrases: readonly string[]): string[] {
  const squashed = text.replace(/\s+/g, '');
  return phrases.filter((phrase) => !squashed.includes(phrase.replace(/\s+/g, '')));
}

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  timeoutMs = 30_000,
  intervalMs = 50,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Live (non-zombie) processes of a process group: Chromium's browser leads its own group, so this is
 * everything it started. Zombies are already dead, only waiting for init to collect them.
 */
export function liveProcessGroup(pgid: number): number[] {
  const live: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state, , group] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(group) === pgid && state !== 'Z') live.push(Number(name));
    } catch {
      // Exited while we were reading.
    }
  }
  return live;
}
