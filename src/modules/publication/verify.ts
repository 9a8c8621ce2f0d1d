/**
 * Checks what was published against itself and against what the public saw (npm run
 * verify:publications): every stored version's canonical JSON and PDF re-hashed against the SHA-256
 * stored beside them; every board's chain recomputed link by link (chain.ts); the heads table against
 * the chain; and, given chain heads saved earlier (from the Atom feed or open data), that each is still
 * a link of its board's chain, i.e. nothing published before it was changed since.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import { type ChainLink, chainHash, chainLinks } from './chain.ts';

export interface SavedHead {
  /** The board the head was saved for; null when the source did not say. */
  boardId: string | null;
  sha256: string;
  /** Where it came from, for the report. */
  source: string;
}

export interface VerifyReport {
  versions: number;
  boards: number;
  /** One line per mismatch; empty when everything holds. */
  problems: string[];
  /** The last link of every board's chain, as stored. */
  heads: ChainLink[];
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');
const BATCH = 20;

export function describeLink(l: Pick<ChainLink, 'kind' | 'versionNo' | 'ownerId' | 'id' | 'seq'>): string {
  const owner = l.kind === 'notes' ? 'meeting' : 'decision';
  return `${l.kind} version ${l.versionNo} of ${owner} ${l.ownerId} (version id ${l.id}, link ${l.seq})`;
}

export async function verifyPublications(
  db: Database,
  savedHeads: readonly SavedHead[] = [],
): Promise<VerifyReport> {
  const links = await chainLinks(db);
  const problems = [...(await rehash(db, links)), ...checkChains(links)];
  const byBoard = Map.groupBy(links, (l) => l.boardId);
  const heads = [...byBoard.values()].map((chain) => chain.at(-1)!);
  problems.push(...(await checkHeadsTable(db, heads)));
  for (const saved of savedHeads) {
    const found = links.find(
      (l) => l.chainSha256 === saved.sha256 && (!saved.boardId || l.boardId === saved.boardId),
    );
    if (!found) {
      problems.push(
        `saved chain head ${saved.sha256}${saved.boardId ? ` of board ${saved.boardId}` : ''} (${saved.source}) ` +
          'is no longer in the chain: what was published up to it has been changed since it was saved',
      );
    }
  }
  return { versions: links.length, boards: byBoard.size, problems, heads };
}

/** The stored bytes against the stored hashes, a few versions at a time (PDFs can be large). */
async function rehash(db: Database, links: readonly ChainLink[]): Promise<string[]> {
  const problems: string[] = [];
  for (const [table, kind] of [
    ['notes_versions', 'notes'],
    ['decision_versions', 'decision'],
  ] as const) {
    const own = links.filter((l) => l.kind === kind);
    for (let i = 0; i < own.length; i += BATCH) {
      const batch = own.slice(i, i + BATCH);
      const { rows } = await sql<{ id: string; canonical_json: string; pdf: Uint8Array; pdf_size: number }>`
        select id, canonical_json, pdf, pdf_size from ${sql.table(table)}
        where id in (${sql.join(batch.map((l) => l.id))})`.execute(db);
      const byId = new Map(rows.map((r) => [r.id, r]));
      for (const link of batch) {
        const row = byId.get(link.id)!;
        if (sha256(Buffer.from(row.canonical_json, 'utf8')) !== link.jsonSha256) {
          problems.push(`${describeLink(link)}: its canonical JSON does not match its stored json_sha256`);
        }
        if (sha256(row.pdf) !== link.pdfSha256) {
          problems.push(`${describeLink(link)}: its PDF does not match its stored pdf_sha256`);
        }
        if (row.pdf.byteLength !== row.pdf_size) {
          problems.push(
            `${describeLink(link)}: its PDF is ${row.pdf.byteLength} bytes, recorded as ${row.pdf_size}`,
          );
        }
      }
    }
  }
  return problems;
}

/** Each board's links numbered 1..n, each naming its predecessor and hashing to what is stored. */
export function checkChains(links: readonly ChainLink[]): string[] {
  const problems: string[] = [];
  for (const [boardId, chain] of Map.groupBy(links, (l) => l.boardId)) {
    let previous: ChainLink | null = null;
    for (const link of chain) {
      const expectedSeq = (previous?.seq ?? 0) + 1;
      if (link.seq !== expectedSeq) {
        problems.push(`board ${boardId}: ${describeLink(link)} is link ${link.seq}, expected ${expectedSeq}`);
      }
      const expectedPrev = previous?.chainSha256 ?? null;
      if (link.prevSha256 !== expectedPrev) {
        problems.push(
          `board ${boardId}: ${describeLink(link)} names ${link.prevSha256 ?? 'no'} predecessor, ` +
            `but the link before it is ${expectedPrev ?? 'none'}`,
        );
      }
      if (chainHash(link) !== link.chainSha256) {
        problems.push(
          `board ${boardId}: ${describeLink(link)}: its chain hash does not match its contents ` +
            '(its hashes, ids or place in the chain were changed after it was published)',
        );
      }
      previous = link;
    }
  }
  return problems;
}

/** publication_chain_heads (the lock and cursor the database links new versions from) against the chain. */
async function checkHeadsTable(db: Database, heads: readonly ChainLink[]): Promise<string[]> {
  const rows = await db.selectFrom('publication_chain_heads').selectAll().execute();
  const stored = new Map(rows.map((r) => [r.board_id, r]));
  const problems: string[] = [];
  for (const head of heads) {
    const row = stored.get(head.boardId);
    if (!row || row.seq !== head.seq || row.head_sha256 !== head.chainSha256) {
      problems.push(
        `board ${head.boardId}: the recorded chain head (${row ? `link ${row.seq}, ${row.head_sha256}` : 'none'}) ` +
          `is not the last version (link ${head.seq}, ${head.chainSha256})`,
      );
    }
    stored.delete(head.boardId);
  }
  for (const row of stored.values()) {
    if (row.seq > 0) {
      problems.push(
        `board ${row.board_id}: a chain head is recorded (link ${row.seq}) but no version is stored`,
      );
    }
  }
  return problems;
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const HASH = '[0-9a-f]{64}';

/**
 * Chain heads in a saved copy of the Atom feed (its chainHead elements), of open data's
 * /public/v1/boards/{id}/chain (its `head`), or lines of `<board id>=<hash>`.
 */
export function parseSavedHeads(text: string, source: string): SavedHead[] {
  const found: SavedHead[] = [];
  const add = (boardId: string | null, hash: string) => found.push({ boardId, sha256: hash, source });
  for (const m of text.matchAll(new RegExp(`<[\\w.-]+:chainHead\\b([^>]*)>\\s*(${HASH})\\s*<`, 'g'))) {
    add(new RegExp(`board="(${UUID})"`).exec(m[1]!)?.[1] ?? null, m[2]!);
  }
  if (found.length) return found;
  try {
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object') {
        const o = value as Record<string, unknown>;
        const head = o.head as { chainSha256?: unknown } | null | undefined;
        if (typeof o.boardId === 'string' && typeof head?.chainSha256 === 'string') {
          add(o.boardId, head.chainSha256);
        } else Object.values(o).forEach(walk);
      }
    };
    walk(JSON.parse(text));
    if (found.length) return found;
  } catch {
    // Not JSON: lines, below.
  }
  for (const m of text.matchAll(new RegExp(`^\\s*(${UUID})\\s*[=\\s]\\s*(${HASH})\\s*$`, 'gm'))) {
    add(m[1]!, m[2]!);
  }
  return found;
}
