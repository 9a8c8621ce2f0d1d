/**
 * Search across what has been published: the current version of every meeting's notes and of every
 * decision, the titles of public agenda items of published agendas, and the public actions. It
 * searches only those texts, so a word that appears only in withheld content finds nothing.
 */
import { type RawBuilder, type SqlBool, sql } from 'kysely';
import type { Database } from '../db/database.ts';
import type { DecisionSnapshot } from '../documents/index.ts';
import { londonDate } from '../time/london.ts';
import { listActions } from './read/index.ts';

export interface SearchHit {
  kind: 'notes' | 'decision' | 'agenda-item' | 'action';
  title: string;
  /** Path on the public site. */
  url: string;
  date: string;
  /** Plain text around the matches; the matched words are wrapped in \u0001 … \u0002. */
  snippet: string;
  rank: number;
}

export const MARK_START = '\u0001';
export const MARK_END = '\u0002';
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export const MAX_RESULTS = 50;

/**
 * Frozen versions (aliased `v`) that match the query and are the latest of their meeting's notes or
 * of their decision: earlier versions are history, reached from the latest one.
 */
function latestVersionMatching(
  table: 'notes_versions' | 'decision_versions',
  parent: 'meeting_id' | 'decision_id',
  query: RawBuilder<unknown>,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`v.search @@ ${query} and not exists (
    select 1 from ${sql.table(table)} later
     where later.${sql.ref(parent)} = v.${sql.ref(parent)} and later.version_no > v.version_no)`;
}

export async function searchPublished(db: Database, q: string): Promise<SearchHit[]> {
  const text = q.trim().slice(0, 200);
  if (!text) return [];
  const query = sql`websearch_to_tsquery('english', ${text})`;
  const [notes, decisions, items] = await Promise.all([
    db
      .selectFrom('notes_versions as v')
      .innerJoin('meetings', 'meetings.id', 'v.meeting_id')
      .innerJoin('boards', 'boards.id', 'meetings.board_id')
      .select([
        'v.meeting_id',
        'meetings.starts_at',
        'boards.name as board_name',
        sql<string>`ts_headline('english', v.search_text, ${query}, ${HEADLINE})`.as('snippet'),
        sql<number>`ts_rank(v.search, ${query})`.as('rank'),
      ])
      .where(latestVersionMatching('notes_versions', 'meeting_id', query))
      .orderBy('rank', 'desc')
      .limit(MAX_RESULTS)
      .execute(),
    db
      .selectFrom('decision_versions as v')
      .select([
        'v.decision_id',
        'v.canonical_json',
        sql<string>`ts_headline('english', v.search_text, ${query}, ${HEADLINE})`.as('snippet'),
        sql<number>`ts_rank(v.search, ${query})`.as('rank'),
      ])
      .where(latestVersionMatching('decision_versions', 'decision_id', query))
      .orderBy('rank', 'desc')
      .limit(MAX_RESULTS)
      .execute(),
    // Titles only: item bodies are not public until they are published as notes.
    db
      .selectFrom('agenda_items')
      .innerJoin('meetings', 'meetings.id', 'agenda_items.meeting_id')
      .innerJoin('boards', 'boards.id', 'meetings.board_id')
      .innerJoin('meeting_publication as p', 'p.meeting_id', 'meetings.id')
      .select([
        'agenda_items.title',
        'agenda_items.meeting_id',
        'meetings.starts_at',
        'boards.name as board_name',
        sql<string>`ts_headline('english', agenda_items.title, ${query}, ${HEADLINE})`.as('snippet'),
        sql<number>`ts_rank(to_tsvector('english', agenda_items.title), ${query})`.as('rank'),
      ])
      .where('agenda_items.confidentiality', '=', 'public')
      .where('p.agenda_published_at', 'is not', null)
      .where(sql<boolean>`to_tsvector('english', agenda_items.title) @@ ${query}`)
      .orderBy('rank', 'desc')
      .limit(MAX_RESULTS)
      .execute(),
  ]);
  const hits: SearchHit[] = [
    ...notes.map(
      (n): SearchHit => ({
        kind: 'notes',
        title: `Notes of the meeting: ${n.board_name}, ${londonDate(n.starts_at)}`,
        url: `/meetings/${n.meeting_id}/notes`,
        date: londonDate(n.starts_at),
        snippet: n.snippet,
        rank: Number(n.rank),
      }),
    ),
    ...decisions.map((d): SearchHit => {
      const decision = (JSON.parse(d.canonical_json) as DecisionSnapshot).decision;
      return {
        kind: 'decision',
        title: `Decision ${decision.reference}: ${decision.title}`,
        url: `/decisions/${d.decision_id}`,
        date: decision.decisionDate,
        snippet: d.snippet,
        rank: Number(d.rank),
      };
    }),
    ...items.map(
      (i): SearchHit => ({
        kind: 'agenda-item',
        title: `Agenda: ${i.title}`,
        url: `/meetings/${i.meeting_id}`,
        date: londonDate(i.starts_at),
        snippet: `${i.board_name}: ${i.snippet}`,
        rank: Number(i.rank),
      }),
    ),
    ...(await searchActions(db, text)),
  ];
  return hits.sort((a, b) => b.rank - a.rank || b.date.localeCompare(a.date)).slice(0, MAX_RESULTS);
}

/** Public actions whose reference or text matches. */
async function searchActions(db: Database, text: string): Promise<SearchHit[]> {
  const matching = await db
    .selectFrom('actions')
    .select('id')
    .where(sql<boolean>`actions.search @@ websearch_to_tsquery('english', ${text})`)
    .where('confidentiality', '=', 'public')
    .limit(500)
    .execute();
  if (!matching.length) return [];
  // The matches alone, by id: the public list's own cap (2,000 rows) must not drop any.
  const actions = await listActions(db, { filter: 'all', ids: matching.map((m) => m.id), limit: 500 });
  return actions.map((a) => ({
    kind: 'action',
    title: `Action ${a.reference} (${a.statusLabel})`,
    url: `/actions/${a.id}`,
    date: a.meeting.date,
    snippet: a.text,
    rank: 0.05,
  }));
}

export function plainSnippet(snippet: string): string {
  return snippet.replaceAll(MARK_START, '').replaceAll(MARK_END, '');
}
