/**
 * The drafting screen's text format, which a minute-taker can type at speed without a toolbar:
 *   a line of text           → a paragraph
 *   "- text" (or "* ", "• ") → a bullet point
 *   "1. text"                → a numbered point
 *   "I. text", "II. text"    → a roman-numbered point (as the PCC and Chief Constable updates print)
 * Converted to the sanitised HTML items store, and back. Constructs the format cannot express
 * (tables, emphasis, nested lists) come back as plain lines; `keepsFormatting` says when that happens.
 */
import { escapeHtml } from '../../rich-text/sanitize.ts';
import { fromRoman, toRoman } from '../../text/roman-numerals.ts';

type Block = { kind: 'p'; text: string } | { kind: 'ul' | 'ol' | 'roman'; start: number; items: string[] };

const BULLET = /^\s*[-*•]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,4})[.)]\s+(.*)$/;
const ROMAN = /^\s*([IVXLC]+)[.)]\s+(.*)$/;
const VALID_ROMAN = /^(?=[IVXLC])C{0,3}(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

function parseLine(line: string): { kind: Block['kind']; text: string; n: number } | null {
  if (line.trim() === '') return null;
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: 'ul', text: bullet[1]!.trim(), n: 1 };
  const roman = ROMAN.exec(line);
  if (roman && VALID_ROMAN.test(roman[1]!))
    return { kind: 'roman', text: roman[2]!.trim(), n: fromRoman(roman[1]!) };
  const numbered = NUMBERED.exec(line);
  if (numbered) return { kind: 'ol', text: numbered[2]!.trim(), n: Number(numbered[1]) };
  return { kind: 'p', text: line.trim(), n: 0 };
}

function blocksOf(text: string): Block[] {
  const blocks: Block[] = [];
  for (const raw of text.split(/\r?\n/)) {
    const line = parseLine(raw);
    const last = blocks.at(-1);
    if (!line) {
      // A blank line ends a list, so two lists can follow one another.
      if (last && last.kind !== 'p') blocks.push({ kind: 'p', text: '' });
      continue;
    }
    if (line.kind === 'p') blocks.push({ kind: 'p', text: line.text });
    else if (last && last.kind === line.kind) last.items.push(line.text);
    else blocks.push({ kind: line.kind, start: line.n, items: [line.text] });
  }
  return blocks.filter((b) => b.kind !== 'p' || b.text !== '');
}

export function draftTextToHtml(text: string): string {
  return blocksOf(text)
    .map((block) => {
      if (block.kind === 'p') return `<p>${escapeHtml(block.text)}</p>`;
      const items = block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('');
      if (block.kind === 'ul') return `<ul>${items}</ul>`;
      const type = block.kind === 'roman' ? ' type="I"' : '';
      const start = block.start > 1 ? ` start="${block.start}"` : '';
      return `<ol${type}${start}>${items}</ol>`;
    })
    .join('');
}

// --- HTML back to text (stored HTML is sanitised: well-formed, a small allow-list of tags) ---

type Node = { type: 'text'; text: string } | { type: 'el'; tag: string; attrs: string; children: Node[] };

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g;

function parse(html: string): Node[] {
  const root: Extract<Node, { type: 'el' }> = { type: 'el', tag: '#root', attrs: '', children: [] };
  const stack = [root];
  let last = 0;
  for (const match of html.matchAll(TAG)) {
    const top = stack.at(-1)!;
    if (match.index > last) top.children.push({ type: 'text', text: decode(html.slice(last, match.index)) });
    last = match.index + match[0].length;
    const tag = match[2]!.toLowerCase();
    if (match[1]) {
      const at = stack.findLastIndex((n) => n.tag === tag);
      if (at > 0) stack.length = at;
      continue;
    }
    if (tag === 'br') {
      top.children.push({ type: 'text', text: '\n' });
      continue;
    }
    const node: Extract<Node, { type: 'el' }> = { type: 'el', tag, attrs: match[3] ?? '', children: [] };
    top.children.push(node);
    stack.push(node);
  }
  if (last < html.length) stack.at(-1)!.children.push({ type: 'text', text: decode(html.slice(last)) });
  return root.children;
}

function decode(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp|#(\d+));/g, (_, name: string, code?: string) => {
    if (code) return String.fromCodePoint(Number(code));
    return { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'", nbsp: ' ' }[name] ?? '';
  });
}

function inlineText(nodes: Node[]): string {
  return nodes
    .map((n) => (n.type === 'text' ? n.text : n.tag === 'ul' || n.tag === 'ol' ? '' : inlineText(n.children)))
    .join('');
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+/g, ' ').trim())
    .filter(Boolean);
}

function blockLines(nodes: Node[]): string[] {
  const out: string[] = [];
  let inline: Node[] = [];
  const flush = () => {
    out.push(...lines(inlineText(inline)));
    inline = [];
  };
  for (const node of nodes) {
    if (
      node.type === 'text' ||
      !['p', 'ul', 'ol', 'h3', 'h4', 'blockquote', 'table', 'li'].includes(node.tag)
    ) {
      inline.push(node);
      continue;
    }
    flush();
    if (node.tag === 'ul' || node.tag === 'ol') out.push(...listLines(node));
    else if (node.tag === 'table') out.push(...tableLines(node));
    else if (node.tag === 'blockquote') out.push(...blockLines(node.children));
    else out.push(...lines(inlineText(node.children)));
  }
  flush();
  return out;
}

function listLines(list: Extract<Node, { type: 'el' }>): string[] {
  const roman = /\btype\s*=\s*"I"/.test(list.attrs);
  const startMatch = /\bstart\s*=\s*"(\d+)"/.exec(list.attrs);
  let n = startMatch ? Number(startMatch[1]) : 1;
  const out: string[] = [];
  for (const item of list.children) {
    if (item.type !== 'el' || item.tag !== 'li') continue;
    const marker = list.tag === 'ul' ? '-' : roman ? `${toRoman(n)}.` : `${n}.`;
    n += 1;
    const text = lines(inlineText(item.children)).join(' ');
    if (text) out.push(`${marker} ${text}`);
    // Nested lists cannot be typed in this format: their points follow as points of their own.
    for (const child of item.children) {
      if (child.type === 'el' && (child.tag === 'ul' || child.tag === 'ol')) out.push(...listLines(child));
    }
  }
  return out;
}

function tableLines(table: Extract<Node, { type: 'el' }>): string[] {
  const rows: string[] = [];
  const visit = (nodes: Node[]) => {
    for (const node of nodes) {
      if (node.type !== 'el') continue;
      if (node.tag === 'tr') {
        const cells = node.children
          .filter((c) => c.type === 'el')
          .map((c) => lines(inlineText([c])).join(' '));
        rows.push(cells.join(' | '));
      } else visit(node.children);
    }
  };
  visit(table.children);
  return rows.filter(Boolean);
}

export function htmlToDraftText(html: string): string {
  return blockLines(parse(html)).join('\n');
}

/** True when the stored HTML survives a trip through the text format unchanged. */
export function keepsFormatting(html: string): boolean {
  const squash = (s: string) => s.replace(/>\s+</g, '><').trim();
  return squash(draftTextToHtml(htmlToDraftText(html))) === squash(html);
}

/** The answer box: one bullet point per line (a leading "- " is optional). */
export function answerLinesToBullets(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*[-*•]\s*/, '').trim())
    .filter(Boolean);
}

/** What the answer box shows for a stored answer. */
export function answerToText(answer: { answerBullets: string[] | null; answerHtml: string }): string {
  if (answer.answerBullets) return answer.answerBullets.join('\n');
  return htmlToDraftText(answer.answerHtml)
    .split('\n')
    .map((line) => line.replace(/^[-*•]\s+/, ''))
    .join('\n');
}
