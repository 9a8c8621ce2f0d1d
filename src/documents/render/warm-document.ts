/**
 * A warm page: once a pooled page holds a document, the next document of the same kind need not be
 * loaded from scratch (HTML parsed, ~100 KB of inlined fonts decoded, print CSS applied, every text
 * shaped). Documents are built from one skeleton (templates/partials/document-head.hbs) whose
 * changing parts are the `#document-variable` stylesheet, the `<title>`, and the blocks of the body
 * the templates mark with `<!--part-->…<!--/part-->` (the masthead; each item of the notes and the
 * agenda, and within a notes item each question and action; each section of the action log). Blocks
 * nest. When a page holds a document with the same skeleton, only what differs is replaced, by one
 * DevTools call:
 *
 * - a block whose content is unchanged keeps its nodes, and with them their computed style and shaped
 *   text, so printing it again costs what printing the page as it stands costs (the benchmark's
 *   floor);
 * - a block whose own markup around its inner blocks is unchanged (the same number of questions, say)
 *   is not replaced itself: its changed inner blocks are, so editing one answer re-builds that
 *   question alone; otherwise the block is replaced whole (a question added re-builds its item);
 * - the body is one block too: with other top-level blocks (another number of items, draft or not),
 *   its whole content is replaced;
 * - the call is one `Runtime.evaluate` whose strings are JSON literals (no content can break out of
 *   them) and which sets `outerHTML` and inserts fragments parsed in their place: DevTools may
 *   evaluate in a page with JavaScript off, markup inserted that way runs no script, and the page's
 *   own script never ran, so the DOM it calls is the browser's own. It ends by waiting for the web
 *   fonts the new text needs, as page.pdf() would.
 *
 * Measured for the reference notes against `DOM.setOuterHTML` on the body (which hashes and diffs
 * the whole old and new trees, four round trips with the lookups and the font wait): ~13-16 ms less
 * per render when few blocks change.
 *
 * A document whose changing parts could make the page fetch anything (which the templates never
 * do; only content that got past the sanitiser could) is always loaded in full, so the pool counts
 * every refused request before printing, as before. The markers cannot come from content: text is
 * escaped, and the rich-text sanitiser keeps no comments.
 */
import type { CDPSession } from 'puppeteer-core';

/** A marked block of the body, or the body itself (index -1). */
export interface Block {
  /** Its place among the body's blocks in document order (of their start markers); -1 for the body. */
  index: number;
  /** The markup inside its markers. */
  content: string;
  /** `content` with the content of each inner block cut out: what is left if they all change. */
  layout: string;
  inner: Block[];
}

export interface DocumentParts {
  /** The document with the variable stylesheet, title and body content cut out. */
  skeleton: string;
  /** `<style id="document-variable">…</style>` */
  variableStyle: string;
  /** `<title>…</title>` */
  title: string;
  /** The body's content as a block, its marked blocks inside. */
  body: Block;
  /** How many marked blocks the body holds, at every depth. */
  blockCount: number;
}

const STYLE = { start: '<style id="document-variable">', end: '</style>' } as const;
const TITLE = { start: '<title>', end: '</title>' } as const;
const BODY = { start: '<body>', end: '</body>' } as const;
const MARKER = /<!--(\/?)part-->/g;
const CUT = '\u0000';

/** Markup that loads something. Fonts are `data:` URLs in the stylesheet; the body has none at all. */
const BODY_LOADS =
  /<(img|image|iframe|frame|link|object|embed|video|audio|source|track|svg|input|form|meta|base|script|style|picture|portal)\b|url\s*\(|@import|\ssrc(set)?\s*=/i;
const STYLE_LOADS = /@import|url\s*\(\s*(?!['"]?data:)/i;

/** Where `start…end` is at or after `from` (its content between `inner` and `innerEnd`), or null. */
function find(html: string, from: number, { start, end }: { start: string; end: string }) {
  const at = html.indexOf(start, from);
  const innerEnd = at < 0 ? -1 : html.indexOf(end, at + start.length);
  if (innerEnd < 0) return null;
  return { at, inner: at + start.length, innerEnd, after: innerEnd + end.length };
}

interface OpenBlock {
  block: Block;
  /** Where its content starts in the body, and how far its layout has been written. */
  from: number;
  written: number;
}

/** The body's block tree, or null if its markers do not pair up. */
function blockTree(content: string): { body: Block; count: number } | null {
  const body: Block = { index: -1, content, layout: '', inner: [] };
  const open: OpenBlock[] = [{ block: body, from: 0, written: 0 }];
  let count = 0;
  for (const marker of content.matchAll(MARKER)) {
    const parent = open.at(-1) as OpenBlock;
    const at = marker.index;
    if (marker[1] === '') {
      const block: Block = { index: count, content: '', layout: '', inner: [] };
      count += 1;
      parent.block.layout += content.slice(parent.written, at + marker[0].length) + CUT;
      parent.block.inner.push(block);
      open.push({ block, from: at + marker[0].length, written: at + marker[0].length });
    } else {
      if (open.length === 1) return null;
      const closed = open.pop() as OpenBlock;
      closed.block.content = content.slice(closed.from, at);
      closed.block.layout += content.slice(closed.written, at);
      (open.at(-1) as OpenBlock).written = at;
    }
  }
  if (open.length !== 1) return null;
  body.layout += content.slice(open[0]?.written);
  return { body, count };
}

export function documentParts(html: string): DocumentParts | null {
  const style = find(html, 0, STYLE);
  const title = style && find(html, style.after, TITLE);
  const body = title && find(html, title.after, BODY);
  if (!style || !title || !body || html.indexOf(BODY.end, body.after) >= 0) return null;
  const variableStyle = html.slice(style.at, style.after);
  const content = html.slice(body.inner, body.innerEnd);
  if (STYLE_LOADS.test(variableStyle) || BODY_LOADS.test(content)) return null;
  const tree = blockTree(content);
  if (!tree) return null;
  return {
    skeleton: [
      html.slice(0, style.at),
      html.slice(style.after, title.at),
      html.slice(title.after, body.inner),
      html.slice(body.innerEnd),
    ].join(CUT),
    variableStyle,
    title: html.slice(title.at, title.after),
    body: tree.body,
    blockCount: tree.count,
  };
}

/**
 * What to replace in a page holding `held` to make it hold `next`: [index of the block in `held`
 * (-1: the body), new content], the fewest and smallest blocks that differ.
 */
export function blockChanges(held: Block, next: Block, into: Array<[number, string]> = []) {
  if (held.content === next.content) return into;
  if (held.layout !== next.layout) {
    into.push([held.index, next.content]);
    return into;
  }
  for (const [i, inner] of next.inner.entries()) blockChanges(held.inner[i] as Block, inner, into);
  return into;
}

/**
 * Runs in the page. The stylesheet and title come only when they differ from what the page holds
 * (null otherwise: a stylesheet swapped for an identical one would still restyle the page, ~7 ms).
 * `changes` are [block index, markup] pairs (index -1: the whole body) for a page holding `count`
 * blocks. Changes nothing and answers false if the page does not hold what was expected (then the
 * document is loaded in full).
 */
const SWAP_IN_PAGE = `(style, title, count, changes) => {
  const variable = document.getElementById('document-variable');
  const heldTitle = document.querySelector('head > title');
  if (!variable || !heldTitle || !document.body) return false;
  const starts = [];
  const ends = [];
  const open = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (node.data === 'part') {
      open.push(starts.length);
      starts.push(node);
    } else if (node.data === '/part') {
      if (open.length === 0) return false;
      ends[open.pop()] = node;
    }
  }
  if (open.length !== 0 || starts.length !== count) return false;
  if (style !== null) variable.outerHTML = style;
  if (title !== null) heldTitle.outerHTML = title;
  for (const [index, markup] of changes) {
    if (index < 0) {
      document.body.innerHTML = markup;
      continue;
    }
    const range = document.createRange();
    range.setStartAfter(starts[index]);
    range.setEndBefore(ends[index]);
    range.deleteContents();
    range.insertNode(range.createContextualFragment(markup));
  }
  return document.fonts.ready.then(() => true);
}`;

/**
 * Makes the page, which holds `held` (a document with the same skeleton), hold `parts`. False if
 * it turned out not to hold what was expected (then load the document in full).
 */
export async function swapParts(
  session: CDPSession,
  parts: DocumentParts,
  held: DocumentParts,
): Promise<boolean> {
  const style = parts.variableStyle === held.variableStyle ? null : parts.variableStyle;
  const title = parts.title === held.title ? null : parts.title;
  const changes = blockChanges(held.body, parts.body);
  const args = [style, title, held.blockCount, changes].map((arg) => JSON.stringify(arg));
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression: `(${SWAP_IN_PAGE})(${args.join(', ')})`,
    awaitPromise: true,
    returnByValue: true,
  });
  return exceptionDetails === undefined && result.value === true;
}
