import type { ServiceContext } from '../../context.ts';
import { requireUser } from '../../core/principal.ts';
import { londonDate } from '../../time/london.ts';
import * as repo from './repo.ts';
import { type SearchHit, type SearchQuery, searchTypes } from './schemas.ts';

/** Turns ts_headline's markers into <mark>; everything else in the snippet was escaped in SQL. */
export function markSnippet(snippet: string): string {
  return snippet.replaceAll(repo.MARK_START, '<mark>').replaceAll(repo.MARK_STOP, '</mark>');
}

export async function search(ctx: ServiceContext, query: SearchQuery): Promise<SearchHit[]> {
  requireUser(ctx.actor);
  const rows = await repo.search(ctx.db, ctx.actor, {
    q: query.q,
    ...(query.boardId ? { boardId: query.boardId } : {}),
    types: [...new Set(query.types ?? searchTypes)],
    limit: query.limit,
  });
  return rows.map((r) => ({
    type: r.type,
    id: r.id,
    boardId: r.board_id,
    meetingId: r.meeting_id,
    meetingDate: londonDate(new Date(r.starts_at)),
    title: r.title,
    snippet: markSnippet(r.snippet),
    rank: Number(r.rank),
  }));
}
