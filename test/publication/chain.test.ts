/**
 * The publication hash chain (migration 0012, chain.ts) and `npm run verify:publications`
 * (verify.ts): versions of notes and decisions of one board link into one chain in publication order;
 * the head is in the Atom feed and open data; a version rewritten behind the database's back (by its
 * owner, triggers off, hash recomputed) is reported by name; a history rewritten and re-chained is
 * caught by a head saved earlier; concurrent publications cannot fork the chain.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../src/core/hash.ts';
import type { Database } from '../../src/db/database.ts';
import { type ChainLink, chainHash, chainLinks } from '../../src/modules/publication/chain.ts';
import { checkChains, parseSavedHeads, verifyPublications } from '../../src/modules/publication/verify.ts';
import { insertReferenceMeeting, type ReferenceMeeting } from '../documents/fixtures.ts';
import { createTestApp, type TestApp } from '../helpers/app.ts';

const run = promisify(execFile);
const STUB_PDF = Buffer.from('%PDF-1.4\n% a stub: the chain covers its hash, not its rendering\n');

async function insertNotesVersion(db: Database, meetingId: string, versionNo: number, text: string) {
  const json = JSON.stringify({ meetingId, versionNo, text });
  const pdf = Buffer.concat([STUB_PDF, Buffer.from(text)]);
  await db
    .insertInto('notes_versions')
    .values({
      meeting_id: meetingId,
      version_no: versionNo,
      published_by_name: 'Test',
      reason: versionNo === 1 ? null : 'Correction',
      canonical_json: json,
      json_sha256: sha256Hex(json),
      pdf,
      pdf_sha256: sha256Hex(pdf),
      pdf_filename: 'notes.pdf',
      pdf_size: pdf.byteLength,
      edited: false,
      search_text: text,
    })
    .execute();
}

async function insertDecisionVersion(db: Database, boardId: string, title: string) {
  const { id } = await db
    .insertInto('decisions')
    .values({
      board_id: boardId,
      title,
      decision_date: '2026-03-24',
      decision_maker: 'Police and Crime Commissioner',
      summary: title,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  // As much of a decision snapshot as the feed reads.
  const json = JSON.stringify({
    decision: { id, reference: 'AGB-D-2026-1', title, decisionMaker: 'PCC', decisionDate: '2026-03-24' },
  });
  await db
    .insertInto('decision_versions')
    .values({
      decision_id: id,
      version_no: 1,
      published_by_name: 'Test',
      canonical_json: json,
      json_sha256: sha256Hex(json),
      pdf: STUB_PDF,
      pdf_sha256: sha256Hex(STUB_PDF),
      pdf_filename: 'decision.pdf',
      pdf_size: STUB_PDF.byteLength,
      search_text: title,
    })
    .execute();
  return id;
}

/** What someone with the owner's (or a superuser's) access could do: rewrite a frozen version. */
async function forge(db: Database, versionId: string, canonicalJson: string) {
  await db.transaction().execute(async (tx) => {
    await sql`alter table notes_versions disable trigger notes_versions_immutable`.execute(tx);
    await sql`update notes_versions set canonical_json = ${canonicalJson},
      json_sha256 = ${sha256Hex(canonicalJson)} where id = ${versionId}`.execute(tx);
    await sql`alter table notes_versions enable trigger notes_versions_immutable`.execute(tx);
  });
}

/** ... and then re-link every version after it, so that the chain is consistent again. */
async function rechain(db: Database, boardId: string) {
  const links = await chainLinks(db, boardId);
  await db.transaction().execute(async (tx) => {
    await sql`alter table notes_versions disable trigger notes_versions_immutable`.execute(tx);
    await sql`alter table decision_versions disable trigger decision_versions_immutable`.execute(tx);
    let prev: string | null = null;
    for (const link of links) {
      const chain = chainHash({ ...link, prevSha256: prev });
      const table = link.kind === 'notes' ? 'notes_versions' : 'decision_versions';
      await sql`update ${sql.table(table)} set prev_sha256 = ${prev}, chain_sha256 = ${chain}
        where id = ${link.id}`.execute(tx);
      prev = chain;
    }
    await sql`update publication_chain_heads set head_sha256 = ${prev} where board_id = ${boardId}`.execute(
      tx,
    );
    await sql`alter table notes_versions enable trigger notes_versions_immutable`.execute(tx);
    await sql`alter table decision_versions enable trigger decision_versions_immutable`.execute(tx);
  });
}

describe('publication hash chain', () => {
  let t: TestApp;
  let db: Database;
  let ref: ReferenceMeeting;
  let links: ChainLink[];
  let savedFeed: string;
  let savedChainJson: string;
  const dir = mkdtempSync(path.join(tmpdir(), 'boardroom-chain-'));

  beforeAll(async () => {
    t = await createTestApp();
    db = t.database.db;
    ref = await insertReferenceMeeting(db, '2026-03-01');
    await insertNotesVersion(db, ref.meetingId, 1, 'first');
    await insertDecisionVersion(db, ref.boardId, 'A decision between two versions of notes');
    await insertNotesVersion(db, ref.meetingId, 2, 'second');
    await insertNotesVersion(db, ref.nextMeetingId, 1, 'next meeting');
    links = await chainLinks(db, ref.boardId);
  });
  afterAll(() => t.close());

  it('links every version of the board, notes and decisions, in publication order', () => {
    expect(links.map((l) => [l.seq, l.kind, l.versionNo])).toEqual([
      [1, 'notes', 1],
      [2, 'decision', 1],
      [3, 'notes', 2],
      [4, 'notes', 1],
    ]);
    expect(links[0]!.prevSha256).toBeNull();
    for (const [i, link] of links.entries()) {
      if (i > 0) expect(link.prevSha256).toBe(links[i - 1]!.chainSha256);
      // The database's publication_chain_hash() and chain.ts agree.
      expect(chainHash(link)).toBe(link.chainSha256);
    }
    expect(checkChains(links)).toEqual([]);
  });

  it('ignores chain values a caller passes: the database computes them', async () => {
    await expect(
      sql`update notes_versions set chain_sha256 = repeat('0', 64) where id = ${links[0]!.id}`.execute(db),
    ).rejects.toThrow(/append-only/);
  });

  it('puts the chain head in the Atom feed and in open data', async () => {
    const head = links.at(-1)!;
    const feed = await t.request({ method: 'GET', url: '/feeds/publications.atom' });
    expect(feed.statusCode, feed.body).toBe(200);
    expect(feed.body).toContain('xmlns:boardroom="urn:boardroom:publication-chain:v1"');
    expect(feed.body).toContain(
      `<boardroom:chainHead board="${ref.boardId}" seq="${head.seq}">${head.chainSha256}</boardroom:chainHead>`,
    );
    expect(feed.body).toContain(`<boardroom:chain seq="1">${links[0]!.chainSha256}</boardroom:chain>`);
    savedFeed = feed.body;

    const chain = await t.request({ method: 'GET', url: `/public/v1/boards/${ref.boardId}/chain` });
    expect(chain.statusCode, chain.body).toBe(200);
    const body = chain.json<{
      head: { chainSha256: string; seq: number };
      links: { prevSha256: string | null }[];
    }>();
    expect(body.head).toMatchObject({ seq: head.seq, chainSha256: head.chainSha256 });
    expect(body.links).toHaveLength(4);
    savedChainJson = chain.body;
    expect(parseSavedHeads(savedFeed, 'feed')).toEqual([
      { boardId: ref.boardId, sha256: head.chainSha256, source: 'feed' },
    ]);
    expect(parseSavedHeads(savedChainJson, 'json')).toEqual([
      { boardId: ref.boardId, sha256: head.chainSha256, source: 'json' },
    ]);
    const unknown = await t.request({ method: 'GET', url: `/public/v1/boards/${crypto.randomUUID()}/chain` });
    expect(unknown.statusCode).toBe(404);
  });

  it('verifies a history nobody changed, including against the saved heads', async () => {
    const report = await verifyPublications(db, parseSavedHeads(savedFeed, 'feed'));
    expect(report.problems).toEqual([]);
    expect(report.versions).toBe(4);
  });

  it('reports a version rewritten with its hash recomputed, by name', async () => {
    const victim = links[0]!;
    await forge(db, victim.id, JSON.stringify({ forged: 'what the board never said' }));
    const report = await verifyPublications(db);
    expect(report.problems.join('\n')).toContain(`version id ${victim.id}, link 1`);
    expect(report.problems.join('\n')).toMatch(/chain hash does not match its contents/);
  });

  it('catches a forged history re-chained to be consistent, given a head saved before', async () => {
    await rechain(db, ref.boardId);
    // Self-consistent again: without a saved head nothing inside the database shows the change.
    expect((await verifyPublications(db)).problems).toEqual([]);
    for (const saved of [parseSavedHeads(savedFeed, 'feed'), parseSavedHeads(savedChainJson, 'json')]) {
      const report = await verifyPublications(db, saved);
      expect(report.problems).toHaveLength(1);
      expect(report.problems[0]).toMatch(/is no longer in the chain/);
    }
  });

  it('reports a PDF replaced with its hash recomputed', async () => {
    const victim = links[2]!;
    const pdf = Buffer.from('%PDF-1.4 forged');
    await db.transaction().execute(async (tx) => {
      await sql`alter table notes_versions disable trigger notes_versions_immutable`.execute(tx);
      await sql`update notes_versions set pdf = ${pdf}, pdf_sha256 = ${sha256Hex(pdf)}, pdf_size = ${pdf.byteLength}
        where id = ${victim.id}`.execute(tx);
      await sql`alter table notes_versions enable trigger notes_versions_immutable`.execute(tx);
    });
    const { problems } = await verifyPublications(db);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`version id ${victim.id}, link 3`);
  });

  it('reports bytes that no longer match their stored hash (with the check constraints dropped)', async () => {
    const victim = links[3]!;
    const rollback = new Error('rollback');
    const problems = await db
      .transaction()
      .execute(async (tx) => {
        await sql`alter table notes_versions drop constraint notes_versions_json_hash`.execute(tx);
        await sql`alter table notes_versions disable trigger notes_versions_immutable`.execute(tx);
        await sql`update notes_versions set canonical_json = '{"forged":true}' where id = ${victim.id}`.execute(
          tx,
        );
        const report = await verifyPublications(tx);
        throw Object.assign(rollback, { problems: report.problems });
      })
      .catch((err) =>
        err === rollback ? (err as Error & { problems: string[] }).problems : Promise.reject(err),
      );
    expect(problems.join('\n')).toContain(
      `version id ${victim.id}, link 4): its canonical JSON does not match its stored json_sha256`,
    );
  });

  it('runs as `npm run verify:publications`: exit 1 naming the mismatch, 2 for bad arguments', async (ctx) => {
    if (!t.database.url) ctx.skip(); // an in-memory embedded database cannot be opened by another process
    const feedFile = path.join(dir, 'feed.atom');
    writeFileSync(feedFile, savedFeed);
    const script = path.resolve(import.meta.dirname, '../../scripts/verify-publications.ts');
    const env = { ...process.env, DATABASE_URL: t.database.url!, NODE_ENV: 'test', LOG_LEVEL: 'silent' };
    const failed = await run('node', ['--import', 'tsx', script, '--head', feedFile], { env }).catch(
      (e) => e,
    );
    expect(failed.code).toBe(1);
    // The PDF replaced above, and the saved head no longer in the re-chained history.
    expect(failed.stderr).toMatch(/FAILED: 2 mismatch/);
    expect(failed.stderr).toContain(links[2]!.id);
    expect(failed.stderr).toContain(feedFile);
    const bad = await run('node', ['--import', 'tsx', script, '--head', '/nonexistent'], { env }).catch(
      (e) => e,
    );
    expect(bad.code).toBe(2);
  }, 60_000);
});

describe('publication hash chain under concurrency', () => {
  let t: TestApp;
  let ref: ReferenceMeeting;
  beforeAll(async () => {
    t = await createTestApp();
    ref = await insertReferenceMeeting(t.database.db, '2026-03-01');
  });
  afterAll(() => t.close());

  it('makes a second publication of the same board wait for the first, so both cannot link to one predecessor', async (ctx) => {
    if (!t.database.url) ctx.skip(); // PGlite has one connection: nothing runs concurrently
    const [a, b] = [new pg.Client(t.database.url), new pg.Client(t.database.url)];
    await Promise.all([a.connect(), b.connect()]);
    const insert = (client: pg.Client, meetingId: string) => {
      const json = JSON.stringify({ meetingId });
      return client.query(
        `insert into notes_versions (meeting_id, version_no, published_by_name, canonical_json, json_sha256,
           pdf, pdf_sha256, pdf_filename, pdf_size, edited) values ($1, 1, 'T', $2, $3, $4, $5, 'n.pdf', $6, false)`,
        [meetingId, json, sha256Hex(json), STUB_PDF, sha256Hex(STUB_PDF), STUB_PDF.length],
      );
    };
    try {
      await a.query('begin');
      await insert(a, ref.meetingId);
      await b.query('begin');
      let secondDone = false;
      const second = insert(b, ref.nextMeetingId).then(() => {
        secondDone = true;
      });
      await new Promise((r) => setTimeout(r, 300));
      expect(secondDone).toBe(false); // waiting for the first transaction's lock on the board's head
      await a.query('commit');
      await second;
      await b.query('commit');
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
    const links = await chainLinks(t.database.db, ref.boardId);
    expect(links.map((l) => l.seq)).toEqual([1, 2]);
    expect(links[1]!.prevSha256).toBe(links[0]!.chainSha256);
    expect((await verifyPublications(t.database.db)).problems).toEqual([]);
  });
});
