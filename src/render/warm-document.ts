/**
 * A warm page: once a pooled page holds a document, the next document of the same kind need not be
 * loaded from scratch (HTML parsed, ~100 KB of inlined fonts decoded, print CSS applied). Documents
 * are built from one skeleton (templates/partials/document-head.hbs) whose changing parts are the
 * `#document-variable` stylesheet, the `<title>` and the `<body>`; when a page already holds a
 * document with the same skeleton, those three elements are swapped in place over DevTools
 * (`DOM.setOuterHTML`, which runs no script: JavaScript is off in pooled pages anyway). Measured
 * ~28% faster than `setContent` per render for the reference notes.
 *
 * A document whose changing parts could make the page fetch anything (which the templates never
 * do; only content that got past the sanitiser could) is always loaded in full, so the pool counts
 * every refused request before printing, as before.
 */
import type { CDPSession } from 'puppeteer-core';

export interface Swap {
  selector: string;
  outerHTML: string;
}

export interface DocumentParts {
  /** The document without its changing parts: equal skeletons, same static head. */
  skeleton: string;
  swaps: Swap[];
}

const CHANGING = [
  { selector: 'style#document-variable', start: '<style id="document-variable">', end: '</style>' },
  { selector: 'title', start: '<title>', end: '</title>' },
  { selector: 'body', start: '<body', end: '</body>' },
] as const;

/** Markup that loads something. Fonts are `data:` URLs in the stylesheet; the body has none at all. */
const BODY_LOADS =
  /<(img|image|iframe|frame|link|object|embed|video|audio|source|track|svg|input|form|meta|base|script|style|picture|portal)\b|url\s*\(|@import|\ssrc(set)?\s*=/i;
const STYLE_LOADS = /@import|url\s*\(\s*(?!['"]?data:)/i;

export function documentParts(html: string): DocumentParts | null {
  let skeleton = '';
  let at = 0;
  const swaps: Swap[] = [];
  for (const { selector, start, end } of CHANGING) {
    const from = html.indexOf(start, at);
    const to = from < 0 ? -1 : html.indexOf(end, from);
    if (to < 0) return null;
    const outerHTML = html.slice(from, to + end.length);
    skeleton += `${html.slice(at, from)}\u0000${selector}\u0000`;
    swaps.push({ selector, outerHTML });
    at = to + end.length;
  }
  skeleton += html.slice(at);
  const [style, , body] = swaps;
  if (STYLE_LOADS.test(style!.outerHTML) || BODY_LOADS.test(body!.outerHTML)) return null;
  return { skeleton, swaps };
}

/**
 * Swaps the changing parts into the page, leaving the stylesheet and title alone when they equal
 * what it holds (`held`; a stylesheet swapped for an identical one would still restyle the page:
 * ~7 ms). The body is always replaced.
 * False if the page does not have them (then load it in full).
 */
export async function swapParts(session: CDPSession, parts: DocumentParts, held: Swap[]): Promise<boolean> {
  const changed = parts.swaps.filter(
    (swap, i) => swap.selector === 'body' || held[i]?.outerHTML !== swap.outerHTML,
  );
  const { root } = await session.send('DOM.getDocument', { depth: 0 });
  const nodes: number[] = [];
  for (const { selector } of changed) {
    const { nodeId } = await session.send('DOM.querySelector', { nodeId: root.nodeId, selector });
    if (!nodeId) return false;
    nodes.push(nodeId);
  }
  for (const [i, { outerHTML }] of changed.entries()) {
    await session.send('DOM.setOuterHTML', { nodeId: nodes[i]!, outerHTML });
  }
  return true;
}
