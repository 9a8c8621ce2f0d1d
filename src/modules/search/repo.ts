import { type RawBuilder, sql } from 'kysely';
import { questionConfidentiality, questionNumberFor, visibleToActor } from '../../access/index.ts';
import type { Actor } from '../../core/principal.ts';
import type { Database } from '../../db/database.ts';

export type SearchType = 'item' | 'question' | 'action';

export interface SearchRow {
  type: SearchType;
  id: string;
  board_id: string;
  meeting_id: string;
  starts_at: Date;
  title: string;
  snippet: string;
  rank: number;
}

/** Private-use characters mark the matches; they are stripped from the source first so only ts_headline adds them. */
export const MARK_START = '\uE000';
export const MARK_STOP = '\uE001';

/** HTML-escapes text in SQL, before ts_headline sees it, so the snippet is safe HTML apart from the markers. */
function escapedHtml(text: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`replace(replace(replace(replace(replace(translate(${text}, ${MARK_START + MARK_STOP}, ''), '&', '&amp;'), '<', '&lt;'), '>', '&gt;'), '"', '&quot;'), '''', '&#39;')`;
}

/**
 * Full-text search over agenda items, questions and actions with the stored `search` tsvectors.
 * Visibility is part of each branch's WHERE clause, so hidden rows are neither returned nor counted;
 * snippets are made only for the rows that are returned.
 */
export async function search(
  db: Database,
  actor: Actor,
  opts: { q: string; boardId?: string; types: SearchType[]; limit: number },
): Promise<SearchRow[]> {
  const board = (column: string) => (opts.boardId ? sql`and ${sql.ref(column)} = ${opts.boardId}` : sql``);
  const branches: Record<SearchType, RawBuilder<unknown>> = {
    item: sql`
      select 'item' as type, i.id, m.board_id, m.id as meeting_id, m.starts_at, i.title,
             i.title || ' ' || i.body_text as body, ts_rank(i.search, query.tsq) as rank
      from agenda_items i join meetings m on m.id = i.meeting_id, query
      where i.search @@ query.tsq and ${visibleToActor(actor, 'm.board_id', 'i.confidentiality')} ${board('m.board_id')}`,
    question: sql`
      select 'question' as type, qu.id, m.board_id, m.id as meeting_id, m.starts_at,
             coalesce('Question ' || ${questionNumberFor(actor, 'qu', 'm.board_id')} || ': ', '') || left(qu.text, 120) as title,
             qu.text || ' ' || qu.answer_text as body, ts_rank(qu.search, query.tsq) as rank
      from questions qu join meetings m on m.id = qu.meeting_id
           left join agenda_items qi on qi.id = qu.item_id, query
      where qu.search @@ query.tsq
        and ${visibleToActor(actor, 'm.board_id', questionConfidentiality('qi'))} ${board('m.board_id')}`,
    action: sql`
      select 'action' as type, a.id, a.board_id, m.id as meeting_id, m.starts_at, a.reference as title,
             a.reference || ' ' || a.text as body, ts_rank(a.search, query.tsq) as rank
      from actions a join meetings m on m.id = a.meeting_id, query
      where a.search @@ query.tsq and ${visibleToActor(actor, 'a.board_id', 'a.confidentiality')} ${board('a.board_id')}`,
  };
  const options = `StartSel="${MARK_START}", StopSel="${MARK_STOP}", MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;
  const result = await sql<SearchRow>`
    with query as (select websearch_to_tsquery('english', ${opts.q}) as tsq),
    hits as (
      ${sql.join(
        opts.types.map((t) => branches[t]),
        sql` union all `,
      )}
      order by rank desc, id
      limit ${opts.limit}
    )
    select hits.type, hits.id, hits.board_id, hits.meeting_id, hits.starts_at, hits.title, hits.rank,
           ts_headline('english', ${escapedHtml(sql`hits.body`)}, query.tsq, ${options}) as snippet
    from hits, query
    order by hits.rank desc, hits.id`.execute(db);
  return result.rows;
}
