/**
 * Paging shared by the open data's lists (oparl.ts) and the public pages' (src/web/public),
 * so that both agree on which rows a page holds, how many pages there are and where links lead.
 * The rows and their count come from the read model (read/: pageMeetings, pageActions,
 * pageDecisions); this is only the arithmetic and the addresses.
 */

export interface PageAt {
  /** Counted from 1. */
  page: number;
  limit: number;
}

/** The rows of a page: `limit` after those of the pages before it. */
export const sliceOf = (at: PageAt) => ({ limit: at.limit, offset: (at.page - 1) * at.limit });

/**
 * Where a page of a list of `total` elements stands. An empty list is one empty page; past the last
 * page there is no `next`, and `prev` leads back to the last.
 */
export function spanOf(at: PageAt, total: number) {
  const totalPages = Math.max(1, Math.ceil(total / at.limit));
  return {
    totalPages,
    prev: at.page > 1 ? Math.min(at.page - 1, totalPages) : null,
    next: at.page < totalPages ? at.page + 1 : null,
    beyond: at.page > totalPages,
  };
}

/** A list's own query (filters, limit): undefined values are left out. */
export type ListQuery = Record<string, string | number | undefined>;

/**
 * The address of a page of a list: its query kept in the order given, then `param` (`page`) unless
 * this is page 1, whose address is the one the list had before it was paged.
 */
export function pageUrl(path: string, query: ListQuery, page: number, param = 'page'): string {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([name, value]) =>
      value === undefined ? [] : [[name, String(value)] as [string, string]],
    ),
  );
  if (page > 1) params.set(param, String(page));
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
