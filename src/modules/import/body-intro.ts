import { escapeHtml } from '../../rich-text/sanitize.ts';
import type { ParsedItem } from './schema.ts';

/**
 * The parser's bodyHtml holds the whole item as printed. Questions, answers and actions are
 * imported as records of their own, so the item body keeps only what comes before the first of
 * them (the opening paragraphs); attendance and close items are fully structured and keep none.
 */
export function introHtml(item: ParsedItem): string {
  if (item.kind === 'attendance' || item.kind === 'close') return '';
  const markers = [
    ...item.questions.map((q) => (q.preSubmitted && q.number !== null ? `Question ${q.number}:` : q.text)),
    ...item.actions.map(() => 'ACTION:'),
  ];
  let cut = item.bodyHtml.length;
  for (const marker of markers) {
    const at = item.bodyHtml.indexOf(escapeHtml(marker.slice(0, 60)));
    if (at >= 0)
      cut = Math.min(
        cut,
        item.bodyHtml.lastIndexOf('<p>', at) >= 0 ? item.bodyHtml.lastIndexOf('<p>', at) : at,
      );
  }
  return item.bodyHtml.slice(0, cut).trim();
}
