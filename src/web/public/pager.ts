/**
 * The pages of a long list on the public site: "Page 2 of 5", with Previous and Next as plain links
 * (templates/web/public/partials/pager.hbs). The arithmetic and the addresses are the open data's
 * (src/public/paging.ts), so a page of the site holds what the same page of the JSON does.
 */
import { type ListQuery, type PageAt, pageUrl, spanOf } from '../../public/paging.ts';

export interface PagerInput {
  /** What the list holds, plural and lower case ("past meetings"): names the nav and its links. */
  noun: string;
  path: string;
  /** The list's filters, kept in every link (and another list's page, where a page has two). */
  query: ListQuery;
  at: PageAt;
  total: number;
  /** The query parameter of this list's page; `page` unless the page has two lists. */
  param?: string;
  /** The id of the list's heading, so that following a link lands on the list. */
  fragment?: string;
}

export type Pager = ReturnType<typeof pager>;

/** Null when the whole list is on its first page, so a short list has no nav. */
export function pager(p: PagerInput) {
  const { totalPages, prev, next, beyond } = spanOf(p.at, p.total);
  if (totalPages === 1 && p.at.page === 1) return null;
  const href = (page: number) =>
    pageUrl(p.path, p.query, page, p.param) + (p.fragment ? `#${p.fragment}` : '');
  const first = (p.at.page - 1) * p.at.limit + 1;
  const last = Math.min(p.at.page * p.at.limit, p.total);
  return {
    label: `Pages of ${p.noun}`,
    /** Visually hidden after each link's text: two lists on a page have two "Next page" links. */
    of: ` of ${p.noun}`,
    status: beyond
      ? `There is no page ${p.at.page}: the last page of ${p.noun} is page ${totalPages}`
      : `Page ${p.at.page} of ${totalPages}, showing ${first} to ${last} of ${p.total} ${p.noun}`,
    prev: prev ? { href: href(prev), text: beyond ? `Back to page ${prev}` : 'Previous page' } : null,
    next: next ? { href: href(next), text: 'Next page' } : null,
    /** What the list says when this page is empty, instead of "none yet". */
    emptyText: beyond ? `There are no ${p.noun} on page ${p.at.page}.` : null,
  };
}

/** The text of an empty list: "none yet", or, past the last page, that this page is empty. */
export const emptyText = (found: Pager, none: string) => found?.emptyText ?? none;
