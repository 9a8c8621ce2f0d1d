/**
 * npm run bench:api [-- --meetings 1000 --actions 20000 --connections 10 --seconds 10 --mode both|warm|cold --only NAME]
 *
 * Seeds a realistic data set into a scratch PostgreSQL database (BENCH_DATABASE_URL, default the
 * local server), starts the real server on a loopback port and drives the busiest read endpoints
 * with autocannon, idle. Figures are printed beside a baseline measured in the same run (the
 * trivial /health/live route), because absolute times move from run to run on a shared machine.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import pg from 'pg';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { runMigrations } from '../src/db/migrate.ts';
import { referenceNotesFile } from '../src/demo/reference-notes.ts';
import type { ReadCacheStats } from '../src/http/read-cache.ts';
import { hashPassword } from '../src/modules/auth/passwords.ts';

const { values } = parseArgs({
  options: {
    meetings: { type: 'string', default: '1000' },
    actions: { type: 'string', default: '20000' },
    connections: { type: 'string', default: '10' },
    seconds: { type: 'string', default: '10' },
    mode: { type: 'string', default: 'both' },
    only: { type: 'string' },
  },
});
const meetings = Number(values.meetings);
const actions = Number(values.actions);
const connections = Number(values.connections);
const seconds = Number(values.seconds);

const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `boardroom_bench_${randomBytes(4).toString('hex')}`;

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

await admin(`create database ${dbName}`);
const url = new URL(adminUrl);
url.pathname = `/${dbName}`;
const database = await openDatabase({ kind: 'postgres', url: url.toString() });
const db = database.db;

try {
  await runMigrations(db);
  const started = Date.now();
  await seed();
  console.log(
    `seeded ${meetings} meetings, ${meetings * 8} items, ${actions} actions in ${Date.now() - started} ms`,
  );

  const ids = (
    await db.selectFrom('meetings').select('id').orderBy('starts_at', 'desc').limit(200).execute()
  ).map((r) => r.id);
  const board = await db.selectFrom('boards').select('id').where('code', '=', 'B0').executeTakeFirstOrThrow();
  const wmp = await db
    .selectFrom('organisations')
    .select('id')
    .where('short_name', '=', 'WMP')
    .executeTakeFirstOrThrow();
  const targets = benchTargets(ids, board.id, wmp.id).filter(
    (t, i) => i === 0 || !values.only || t.name.includes(values.only),
  );

  console.log(
    `\nmachine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; ${connections} connections, ${seconds} s each, PostgreSQL`,
  );
  // Warm: the read cache on (the default; after the first request per URL, answers come from it).
  // Cold: READ_CACHE_MB=0, every request does all its work. Both are reported; the target applies
  // to what users get, the cold figures say what a first read or a read after a write costs.
  if (values.mode !== 'cold') await runSuite('warm (read cache on, default)', '64', targets);
  if (values.mode !== 'warm') await runSuite('cold (READ_CACHE_MB=0)', '0', targets);
} finally {
  await database.close();
  if (process.env.BENCH_KEEP_DB) console.log(`kept database ${dbName}`);
  else await admin(`drop database if exists ${dbName} with (force)`);
}

type Target = { name: string; paths: string[]; anonymous?: boolean };

async function runSuite(title: string, cacheMb: string, targets: Target[]) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    JWT_SECRET: 'bench-secret-bench-secret-bench-secret-00',
    PORT: '0',
    DATA_DIR: '/tmp/boardroom-bench',
    READ_CACHE_MB: cacheMb,
  });
  const app = await buildApp({ config, db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'bench@example.org', password: 'bench password 12345' }),
  });
  const { accessToken } = (await login.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };

  console.log(`\n${title}\n`);
  const results: { name: string; p50: number; p99: number; rps: number; non2xx: number; hits: string }[] = [];
  for (const target of targets) {
    const before = { ...app.readCache };
    // The load generator runs in its own thread (as a real client would be elsewhere), so its work
    // does not queue on the server's event loop; each connection cycles through the paths.
    const result = await autocannon({
      url: base,
      connections,
      duration: seconds,
      workers: 1,
      headers: target.anonymous ? {} : headers,
      requests: target.paths.map((path) => ({ method: 'GET' as const, path })),
    });
    results.push({
      name: target.name,
      p50: result.latency.p50,
      p99: result.latency.p99,
      rps: result.requests.average,
      non2xx: result.non2xx + result.errors,
      hits: cacheHitRate(before, app.readCache),
    });
  }
  const baseline = results[0]!;
  console.log(
    'endpoint'.padEnd(40),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'req/s'.padStart(9),
    'p99/base'.padStart(9),
    'rps/base'.padStart(9),
    'target p99<=10ms',
    'cache hits',
  );
  for (const r of results) {
    console.log(
      r.name.padEnd(40),
      r.p50.toFixed(1).padStart(8),
      r.p99.toFixed(1).padStart(8),
      r.rps.toFixed(0).padStart(9),
      (r.p99 / Math.max(baseline.p99, 0.1)).toFixed(2).padStart(9),
      (r.rps / baseline.rps).toFixed(2).padStart(9),
      (r === baseline ? '' : r.p99 <= 10 ? 'PASS' : 'MISS').padEnd(16),
      r.hits,
      r.non2xx ? `(${r.non2xx} non-2xx!)` : '',
    );
  }
  await app.close();
}

function benchTargets(ids: string[], boardId: string, wmpId: string): Target[] {
  return [
    // The baseline is the same server doing no work: no token, no database.
    { name: 'baseline GET /health/live', paths: ['/health/live'], anonymous: true },
    { name: 'GET /auth/me (token check only)', paths: ['/api/v1/auth/me'] },
    { name: 'meeting detail', paths: ids.map((id) => `/api/v1/meetings/${id}`) },
    {
      name: 'action list (board, owner, open, 50)',
      paths: [`/api/v1/actions?boardId=${boardId}&ownerOrganisationId=${wmpId}&status=open&limit=50`],
    },
    { name: 'action list (overdue)', paths: [`/api/v1/actions?boardId=${boardId}&overdue=true&limit=50`] },
    {
      name: 'search',
      paths: ['raneem', 'protective orders', 'funding', 'drone', 'victims code'].map(
        (q) => `/api/v1/search?q=${encodeURIComponent(q)}&limit=20`,
      ),
    },
  ];
}

function cacheHitRate(before: ReadCacheStats, after: ReadCacheStats): string {
  const hits = after.hits - before.hits;
  const total = hits + after.misses - before.misses + after.bypassed - before.bypassed;
  return total ? `${((100 * hits) / total).toFixed(1)}% of ${total}` : '';
}

/** Sentences of the reference notes: bench rows get varied, realistic text, so search hits are selective. */
function referenceSentences(): string[] {
  const text = readFileSync(referenceNotesFile, 'utf8').replace(/<[^>]+>/g, ' ');
  return text
    .split(/(?<=[.?!])\s+/)
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 40 && s.length < 400);
}

async function seed() {
  const sentences = referenceSentences();
  await sql`create temporary table corpus (n int primary key, s text not null)`.execute(db);
  await db
    .insertInto('corpus' as never)
    .values(sentences.map((s, n) => ({ n, s })) as never)
    .execute();
  const pick = (seed: string) =>
    sql.raw(`(select s from corpus where n = (abs(hashtext(${seed})) % ${sentences.length}))`);
  await db
    .insertInto('organisations')
    .values([
      { name: 'Office of the Police and Crime Commissioner', short_name: 'OPCC' },
      { name: 'West Midlands Police', short_name: 'WMP' },
      { name: 'Birmingham City Council', short_name: 'BCC' },
    ])
    .execute();
  await db
    .insertInto('users')
    .values({
      email: 'bench@example.org',
      display_name: 'Bench Admin',
      password_hash: await hashPassword('bench password 12345'),
      roles: ['admin'],
      organisation_id: null,
      person_id: null,
    })
    .execute();
  await sql`insert into boards (name, code) select 'Board ' || g, 'B' || g from generate_series(0, 4) g`.execute(
    db,
  );
  await sql`
    insert into meetings (board_id, starts_at, location, status)
    select (select id from boards where code = 'B' || (g % 5)),
           timestamptz '2020-01-07 10:00+00' + (g || ' days')::interval * 2,
           'Lloyd House, Birmingham', 'published'
    from generate_series(1, ${meetings}) g`.execute(db);
  await sql`
    insert into agenda_items (meeting_id, position, title, kind, body_html, body_text, confidentiality, exempt_reason)
    select m.id, p, 'Item ' || p || ' on protective orders and victims code compliance', 'report',
           '<p>' || ${pick('m.id::text || p')} || '</p>', ${pick('m.id::text || p')},
           case when p = 7 then 'exempt' else 'public' end, case when p = 7 then 'Paragraph 3' end
    from meetings m cross join generate_series(0, 7) p`.execute(db);
  await sql`
    insert into questions (meeting_id, number, position, source, text, asked_by_printed, answer_html, answer_text)
    select m.id, q, q, 'pre_submitted', ${pick("m.id::text || 'q' || q")},
           'Deputy Police and Crime Commissioner, Wasim Ali', '<ul><li>' || ${pick("m.id::text || 'a' || q")} || '</li></ul>', ${pick("m.id::text || 'a' || q")}
    from meetings m cross join generate_series(1, 3) q`.execute(db);
  await sql`
    insert into actions (board_id, reference, text, owner_organisation_id, meeting_id, due_date, status)
    select m.board_id, 'B/' || g, 'WMP to provide OPCC with ' || ${pick('g::text')},
           (select id from organisations where short_name = case when g % 3 = 0 then 'BCC' else 'WMP' end),
           m.id, date '2020-02-01' + (g % 2500),
           (array['open','in_progress','completion_proposed','closed'])[1 + g % 4]
    from generate_series(1, ${actions}) g
    join lateral (select id, board_id from meetings order by starts_at offset (g % ${meetings}) limit 1) m on true`.execute(
    db,
  );
  await sql`
    insert into action_updates (action_id, author_name, text)
    select id, 'ACC Welstead', 'Data requested from the performance team.' from actions where status <> 'open'`.execute(
    db,
  );
  await sql`analyze`.execute(db);
}
