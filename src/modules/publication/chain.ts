/**
 * The publication hash chain (migration 0012): one per board, across notes and decision versions, in
 * order of publication. The database links each version as it is inserted; this file recomputes a
 * link the same way (for scripts/verify-publications.ts and anyone else checking) and reads the chain
 * for the feed, open data and the public version pages.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';

export const CHAIN_VERSION = 'boardroom-chain-v1' as const;
/** The XML namespace of the chain elements in the Atom feed. */
export const CHAIN_NAMESPACE = 'urn:boardroom:publication-chain:v1';

export type ChainKind = 'notes' | 'decision';

export interface ChainLink {
  boardId: string;
  seq: number;
  kind: ChainKind;
  /** The version's own id. */
  id: string;
  /** The meeting (notes) or the decision. */
  ownerId: string;
  versionNo: number;
  publishedAt: Date;
  jsonSha256: string;
  pdfSha256: string;
  prevSha256: string | null;
  chainSha256: string;
}

/** The chain hash of a link, exactly as publication_chain_hash() in migration 0012 computes it. */
export function chainHash(link: Omit<ChainLink, 'chainSha256' | 'publishedAt'>): string {
  const text = [
    CHAIN_VERSION,
    link.boardId,
    String(link.seq),
    link.prevSha256 ?? '',
    link.kind,
    link.id,
    link.ownerId,
    String(link.versionNo),
    link.jsonSha256,
    link.pdfSha256,
  ].join('\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

interface LinkRow {
  board_id: string;
  chain_seq: number;
  kind: ChainKind;
  id: string;
  owner_id: string;
  version_no: number;
  published_at: Date | string;
  json_sha256: string;
  pdf_sha256: string;
  prev_sha256: string | null;
  chain_sha256: string;
}

const toLink = (r: LinkRow): ChainLink => ({
  boardId: r.board_id,
  seq: r.chain_seq,
  kind: r.kind,
  id: r.id,
  ownerId: r.owner_id,
  versionNo: r.version_no,
  publishedAt: new Date(r.published_at),
  jsonSha256: r.json_sha256,
  pdfSha256: r.pdf_sha256,
  prevSha256: r.prev_sha256,
  chainSha256: r.chain_sha256,
});

const links = sql`(
  select board_id, chain_seq, 'notes' as kind, id, meeting_id as owner_id, version_no, published_at,
         json_sha256, pdf_sha256, prev_sha256, chain_sha256
    from notes_versions
  union all
  select board_id, chain_seq, 'decision', id, decision_id, version_no, published_at,
         json_sha256, pdf_sha256, prev_sha256, chain_sha256
    from decision_versions
) as link`;

/** Every link as stored (all boards, or one), by board and place in the chain. */
export async function chainLinks(db: Database, boardId?: string): Promise<ChainLink[]> {
  const { rows } = await sql<LinkRow>`
    select * from ${links} ${boardId ? sql`where board_id = ${boardId}` : sql``}
    order by board_id, chain_seq, kind`.execute(db);
  return rows.map(toLink);
}

/** The last link of each board's chain (of the boards given, or of every board that published). */
export async function chainHeads(db: Database, boardIds?: readonly string[]): Promise<ChainLink[]> {
  if (boardIds && !boardIds.length) return [];
  const { rows } = await sql<LinkRow>`
    select distinct on (board_id) * from ${links}
    ${boardIds ? sql`where board_id in (${sql.join(boardIds)})` : sql``}
    order by board_id, chain_seq desc`.execute(db);
  return rows.map(toLink);
}

/** One version's link, for its public page. */
export async function findLink(
  db: Database,
  kind: ChainKind,
  ownerId: string,
  versionNo: number,
): Promise<ChainLink | undefined> {
  const { rows } = await sql<LinkRow>`
    select * from ${links} where kind = ${kind} and owner_id = ${ownerId} and version_no = ${versionNo}`.execute(
    db,
  );
  return rows[0] && toLink(rows[0]);
}

/** What a public version page prints under "How to check this version" (templates: public/verify). */
export async function versionVerification(
  db: Database,
  kind: ChainKind,
  ownerId: string,
  versionNo: number,
  hrefs: { pdf: string; chain: string; feed: string },
) {
  const link = await findLink(db, kind, ownerId, versionNo);
  if (!link) return null;
  return {
    pdfSha256: link.pdfSha256,
    chainSha256: link.chainSha256,
    chainSeq: link.seq,
    pdfHref: hrefs.pdf,
    chainHref: hrefs.chain,
    feedHref: hrefs.feed,
  };
}
