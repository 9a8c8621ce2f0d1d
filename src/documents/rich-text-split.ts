/**
 * The templates print plain-text points (answer bullets, update points) as their own lists and rich
 * text after them. Stored rich text is sanitised HTML, so a small tokenizer is enough to move leading
 * plain bullets and trailing roman-numbered points out of it without changing what is printed or in
 * which order. Anything that is not plain text (nested lists, emphasis, links) stays HTML.
 */
import { richTextToPlain } from '../rich-text/sanitize.ts';

type HtmlNode =
  | { type: 'text'; raw: string }
  | { type: 'element'; tag: string; attrs: string; children: HtmlNode[] };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g;
const VOID = new Set(['br']);

function parse(html: string): HtmlNode[] {
  const root: HtmlNode = { type: 'element', tag: '#root', attrs: '', children: [] };
  const stack: Extract<HtmlNode, { type: 'element' }>[] = [root];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    const top = stack.at(-1)!;
    if (match.index > last) top.children.push({ type: 'text', raw: html.slice(last, match.index) });
    last = match.index + match[0].length;
    const [, closing, rawTag, attrs] = match;
    const tag = rawTag!.toLowerCase();
    if (closing) {
      const at = stack.findLastIndex((node) => node.tag === tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const node: HtmlNode = { type: 'element', tag, attrs: (attrs ?? '').replace(/\/\s*$/, ''), children: [] };
    top.children.push(node);
    if (!VOID.has(tag) && !(attrs ?? '').trimEnd().endsWith('/')) stack.push(node);
  }
  if (last < html.length) stack.at(-1)!.children.push({ type: 'text', raw: html.slice(last) });
  return root.children;
}

function serialise(nodes: readonly HtmlNode[]): string {
  return nodes
    .map((node) => {
      if (node.type === 'text') return node.raw;
      if (VOID.has(node.tag)) return `<${node.tag}${node.attrs} />`;
      return `<${node.tag}${node.attrs}>${serialise(node.children)}</${node.tag}>`;
    })
    .join('');
}

const isBlank = (node: HtmlNode) => node.type === 'text' && node.raw.trim() === '';
const isElement = (node: HtmlNode, tag: string): node is Extract<HtmlNode, { type: 'element' }> =>
  node.type === 'element' && node.tag === tag;

/** A list item holding only text: it can be printed as an escaped plain-text point without loss. */
function plainItemText(node: HtmlNode): string | null {
  if (!isElement(node, 'li') || !node.children.every((child) => child.type === 'text')) return null;
  const text = richTextToPlain(serialise(node.children)).replace(/\s+/g, ' ').trim();
  return text === '' ? null : text;
}

function items(list: Extract<HtmlNode, { type: 'element' }>): HtmlNode[] {
  return list.children.filter((child) => !isBlank(child));
}

/** Leading `<ul>` items of plain text become bullets; the rest (in order) stays HTML. */
export function splitLeadingBullets(html: string): { bullets: string[]; rest: string } {
  const nodes = parse(html).filter((node) => !isBlank(node));
  const bullets: string[] = [];
  let index = 0;
  for (; index < nodes.length; index += 1) {
    const node = nodes[index]!;
    if (!isElement(node, 'ul')) break;
    const entries = items(node);
    const firstRich = entries.findIndex((entry) => plainItemText(entry) === null);
    const plainCount = firstRich === -1 ? entries.length : firstRich;
    bullets.push(...entries.slice(0, plainCount).map((entry) => plainItemText(entry)!));
    if (firstRich !== -1) {
      const remaining: HtmlNode = { ...node, children: entries.slice(firstRich) };
      return { bullets, rest: serialise([remaining, ...nodes.slice(index + 1)]).trim() };
    }
  }
  return { bullets, rest: serialise(nodes.slice(index)).trim() };
}

/** Trailing `<ol type="I">` lists of plain items become update points; what precedes them stays HTML. */
export function splitTrailingRomanPoints(html: string): { body: string; points: string[] } {
  const nodes = parse(html).filter((node) => !isBlank(node));
  let start = nodes.length;
  while (start > 0) {
    const node = nodes[start - 1]!;
    if (!isElement(node, 'ol') || !/\btype\s*=\s*"I"/.test(node.attrs)) break;
    if (!items(node).every((entry) => plainItemText(entry) !== null)) break;
    start -= 1;
  }
  const points = nodes
    .slice(start)
    .flatMap((list) => (list.type === 'element' ? items(list).map((entry) => plainItemText(entry)!) : []));
  return { body: serialise(nodes.slice(0, start)).trim(), points };
}
