import { CompiledQuery, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChangeFeed, changeFeedOf } from '../../src/db/change-feed.ts';
import { mayWrite } from '../../src/db/tracking-dialect.ts';
import type { TestUser } from '../helpers/app.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';
import { createReferenceBoard, type ReferenceBoard } from '../helpers/domain-fixtures.ts';

// The read cache must never change what anyone reads: every write, from this process or another,
// is seen by the next read; answers are never shared between callers; revocation is immediate.

let t: TestApp;
let ref: ReferenceBoard;
let secretariat: TestUser;
let member: TestUser;

beforeAll(async () => {
  t = await createTestApp();
  ref = await createReferenceBoard(t.database.db);
  secretariat = await t.user({ roles: ['secretariat'], boards: [ref.board.id] });
  member = await t.user({ roles: ['member'] });
});
afterAll(() => t.close());

const meetingUrl = () => `/api/v1/meetings/${ref.march.id}`;

async function location(as: TestUser): Promise<string> {
  const res = await t.request({ method: 'GET', url: meetingUrl(), as });
  expect(res.statusCode).toBe(200);
  return (res.json() as { location: string }).location;
}

async function setLocationDirectly(value: string) {
  await t.database.db
    .updateTable('meetings')
    .set({ location: value })
    .where('id', '=', ref.march.id)
    .execute();
}

describe('read cache', () => {
  it('serves a repeated read from the cache, with the same body and ETag', async () => {
    const first = await t.request({ method: 'GET', url: meetingUrl(), as: secretariat });
    const hits = t.app.readCache.hits;
    const second = await t.request({ method: 'GET', url: meetingUrl(), as: secretariat });
    expect(t.app.readCache.enabled).toBe(true);
    expect(t.app.readCache.hits).toBe(hits + 1);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
  });

  it('computes a read once when many ask for it at the same time, and gives each the same answer', async () => {
    await setLocationDirectly('Lloyd House');
    const { hits, misses } = t.app.readCache;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => t.request({ method: 'GET', url: meetingUrl(), as: secretariat })),
    );
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]!.json().location).toBe('Lloyd House');
    expect(t.app.readCache.misses - misses).toBe(1);
    expect(t.app.readCache.hits - hits).toBe(7);
  });

  it('shows a write made through the API on the very next read', async () => {
    const before = await t.request({ method: 'GET', url: meetingUrl(), as: secretariat });
    const patched = await t.request({
      method: 'PATCH',
      url: meetingUrl(),
      as: secretariat,
      headers: { 'if-match': String(before.headers.etag) },
      payload: { location: 'Lloyd House, Colmore Circus' },
    });
    expect(patched.statusCode).toBe(200);
    expect(await location(secretariat)).toBe('Lloyd House, Colmore Circus');
  });

  it('shows a write made straight to the database by this process on the very next read', async () => {
    await location(secretariat);
    await setLocationDirectly('Tally Ho, Edgbaston');
    expect(await location(secretariat)).toBe('Tally Ho, Edgbaston');
    // Inside a transaction too: the commit moves the generation again.
    await location(secretariat);
    await t.database.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('meetings')
        .set({ location: 'Aston Hall' })
        .where('id', '=', ref.march.id)
        .execute();
    });
    expect(await location(secretariat)).toBe('Aston Hall');
  });

  it('shows a write made by another process (another connection) within a second', async () => {
    await location(secretariat);
    const write = "update meetings set location = 'Council House, Victoria Square'";
    if (t.database.url) {
      const other = new pg.Client({ connectionString: t.database.url });
      await other.connect();
      await other.query(`${write} where id = $1`, [ref.march.id]);
      await other.end();
    } else {
      // The embedded database has one process; its own connection stands in for a second writer.
      await t.database.pglite?.query(`${write} where id = $1`, [ref.march.id]);
    }
    const deadline = Date.now() + 1_000;
    let seen = await location(secretariat);
    while (seen !== 'Council House, Victoria Square' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 10));
      seen = await location(secretariat);
    }
    expect(seen).toBe('Council House, Victoria Square');
  });

  it("never serves one caller's answer to another", async () => {
    const url = `/api/v1/meetings/${ref.march.id}/agenda`;
    const staff = await t.request({ method: 'GET', url, as: secretariat });
    await t.request({ method: 'GET', url, as: secretariat });
    const forMember = await t.request({ method: 'GET', url, as: member });
    expect(staff.body).toContain('Quetzalcoatlus');
    expect(forMember.statusCode).toBe(200);
    expect(forMember.body).not.toContain('Quetzalcoatlus');
    // The board lists exempt items by title: the member gets the title alone, marked withheld.
    const exempt = (forMember.json() as { items: { title: string; withheld: boolean }[] }).items.find(
      (i) => i.title === 'Operational matter',
    );
    expect(exempt?.withheld).toBe(true);
    expect(staff.body).not.toContain('"withheld":true');
  });

  it('refuses a token on the first request after its session is signed out', async () => {
    const user = await t.user({ roles: ['member'] });
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/me', as: user })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: meetingUrl(), as: user })).statusCode).toBe(200);
    const out = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      as: user,
      payload: { refreshToken: user.refreshToken },
    });
    expect(out.statusCode).toBeLessThan(300);
    expect((await t.request({ method: 'GET', url: meetingUrl(), as: user })).statusCode).toBe(401);
  });

  it('refuses a token on the first request after the user is deactivated straight in the database', async () => {
    const user = await t.user({ roles: ['member'] });
    expect((await t.request({ method: 'GET', url: meetingUrl(), as: user })).statusCode).toBe(200);
    await t.database.db.updateTable('users').set({ active: false }).where('id', '=', user.id).execute();
    expect((await t.request({ method: 'GET', url: meetingUrl(), as: user })).statusCode).toBe(401);
  });

  it('is on every application table: each has the change-notification trigger', async () => {
    const missing = await sql<{ tablename: string }>`
      select t.tablename from pg_tables t
      where t.schemaname = current_schema() and t.tablename not like 'kysely\\_%'
        and not exists (
          select 1 from pg_trigger g join pg_class c on c.oid = g.tgrelid
          where c.relname = t.tablename and g.tgname = t.tablename || '_notify_change')`.execute(
      t.database.db,
    );
    expect(missing.rows.map((r) => r.tablename)).toEqual([]);
  });
});

describe('which statements count as writes', () => {
  const raw = (text: string) => mayWrite(CompiledQuery.raw(text));
  it.each([
    ['select 1', false],
    ['  with q as (select 1) select * from q', false],
    ['begin', false],
    ['commit', false],
    ['select * from actions for update', true],
    ['with d as (delete from actions returning id) select * from d', true],
    ['insert into boards default values', true],
    ['truncate boards', true],
    ["select nextval('s')", true],
    ['alter table boards add column x int', true],
  ])('%s → %s', (text, expected) => {
    expect(raw(text)).toBe(expected);
  });

  it('takes query builders by their kind', () => {
    const db = t.database.db;
    expect(mayWrite(db.selectFrom('boards').selectAll().compile())).toBe(false);
    expect(mayWrite(db.deleteFrom('boards').compile())).toBe(true);
    expect(mayWrite(db.updateTable('boards').set({ name: 'x' }).compile())).toBe(true);
  });
});

describe('change feed', () => {
  it('is registered for the database the app runs on', () => {
    expect(changeFeedOf(t.database.db)).toBe(t.database.changes);
    expect(t.database.changes.observed).toBe(true);
  });

  it('stops trusting the cache while its listener is gone, and trusts it again once reconnected', async () => {
    if (!t.database.url) return; // PostgreSQL only: an embedded database has no other processes.
    const feed = new ChangeFeed({ kind: 'postgres', url: t.database.url });
    const stop = await feed.listen();
    try {
      expect(feed.observed).toBe(true);
      const generation = feed.generation;
      await sql`select pg_terminate_backend(pid) from pg_stat_activity
                where query = 'listen boardroom_changes' and datname = current_database()`.execute(
        t.database.db,
      );
      await waitFor(() => !feed.observed, 2_000);
      expect(feed.generation).toBeGreaterThan(generation);
      await waitFor(() => feed.observed, 5_000);
    } finally {
      await stop();
    }
    expect(feed.observed).toBe(false);
  });

  it('never trusts the cache when the database cannot be reached', async () => {
    const feed = new ChangeFeed({ kind: 'postgres', url: 'postgres://nobody@127.0.0.1:9/none' });
    const stop = await feed.listen();
    expect(feed.observed).toBe(false);
    await stop();
  });
});

async function waitFor(condition: () => boolean, ms: number) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
