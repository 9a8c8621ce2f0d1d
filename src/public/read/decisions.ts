/** Why this file exists: the public read of decisions, only as published versions. */
import { sql } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DecisionSnapshot } from '../../documents/index.ts';
import { type Counted, type Slice, withTotal } from './common.ts';
import type { PublicVersionMeta } from './notes.ts';

// --- Decisions ---

export interface PublicDecision {
  id: string;
  version: number;
  publishedAt: Date;
  /** When version 1 was published. */
  firstPublishedAt: Date;
  jsonSha256: string;
  decision: DecisionSnapshot['decision'];
}

export interface DecisionFilter {
  boardId?: string | undefined;
  /** The meeting the current version names (a correction may move a decision to another). */
  meetingId?: string;
}

/** The current (latest) version of each published decision, filtered as published. */
function currentDecisions(db: Database, opts: DecisionFilter) {
  let latest = db
    .selectFrom('decision_versions as v')
    .innerJoin('decisions', 'decisions.id', 'v.decision_id')
    .distinctOn('v.decision_id')
    .select(['v.decision_id', 'v.version_no', 'v.published_at', 'v.canonical_json', 'v.json_sha256'])
    .select((eb) =>
      eb
        .selectFrom('decision_versions as first')
        .select((e) => e.fn.min('first.published_at').as('at'))
        .whereRef('first.decision_id', '=', 'v.decision_id')
        .as('first_published_at'),
    )
    .orderBy('v.decision_id')
    .orderBy('v.version_no', 'desc');
  if (opts.boardId) latest = latest.where('decisions.board_id', '=', opts.boardId);
  const current = db.selectFrom(latest.as('d'));
  return opts.meetingId
    ? current.where(sql<string>`d.canonical_json::jsonb #>> '{decision,meeting,id}'`, '=', opts.meetingId)
    : current;
}

/**
 * The current version of each published decision: latest decision date first; the id breaks ties,
 * so pages neither skip nor repeat.
 */
export async function listDecisions(
  db: Database,
  opts: DecisionFilter & { limit?: number; offset?: number } = {},
): Promise<PublicDecision[]> {
  const rows = await currentDecisions(db, opts)
    .selectAll('d')
    .orderBy(sql`(d.canonical_json::jsonb #>> '{decision,decisionDate}')::date`, 'desc')
    .orderBy('d.decision_id')
    .limit(opts.limit ?? 2000)
    .offset(opts.offset ?? 0)
    .execute();
  return rows.map((r) => ({
    id: r.decision_id,
    version: r.version_no,
    publishedAt: r.published_at,
    firstPublishedAt: new Date(r.first_published_at ?? r.published_at),
    jsonSha256: r.json_sha256,
    decision: (JSON.parse(r.canonical_json) as DecisionSnapshot).decision,
  }));
}

/**
 * A page of the register, its length, and when the latest of its versions was published (published
 * versions are never withdrawn, so the register changes only when one is added).
 */
export async function pageDecisions(
  db: Database,
  opts: DecisionFilter & Slice,
): Promise<Counted<PublicDecision> & { modifiedAt: Date | null }> {
  const [found, latest] = await Promise.all([
    withTotal(db, listDecisions(db, opts), currentDecisions(db, opts).select('d.decision_id')),
    currentDecisions(db, opts)
      .select((eb) => eb.fn.max('d.published_at').as('at'))
      .executeTakeFirst(),
  ]);
  return { ...found, modifiedAt: latest?.at ? new Date(latest.at) : null };
}

export async function decisionVersions(db: Database, decisionId: string): Promise<PublicVersionMeta[]> {
  const rows = await db
    .selectFrom('decision_versions')
    .select(['version_no', 'published_at', 'reason', 'json_sha256', 'pdf_sha256', 'pdf_size', 'pdf_filename'])
    .where('decision_id', '=', decisionId)
    .orderBy('version_no')
    .execute();
  const latest = rows.at(-1)?.version_no ?? 0;
  return rows.map((r) => ({
    versionNo: r.version_no,
    publishedAt: r.published_at,
    reason: r.reason,
    superseded: r.version_no < latest,
    edited: false,
    jsonSha256: r.json_sha256,
    pdfSha256: r.pdf_sha256,
    pdfSize: r.pdf_size,
    pdfFilename: r.pdf_filename,
  }));
}

export async function decisionSnapshot(db: Database, decisionId: string, versionNo: number) {
  const row = await db
    .selectFrom('decision_versions')
    .select(['canonical_json', 'json_sha256', 'published_at'])
    .where('decision_id', '=', decisionId)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  return row
    ? {
        json: row.canonical_json,
        sha256: row.json_sha256,
        publishedAt: row.published_at,
        snapshot: JSON.parse(row.canonical_json) as DecisionSnapshot,
      }
    : null;
}
