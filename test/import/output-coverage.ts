// Test helper for the parser's "never drop text" rule: every word sequence of every input line
// must appear somewhere in the parse result (items, header fields or `unplaced`).

import type { ParsedNotes } from '../../src/modules/import/parse-notes.ts';
import { toSourceLines } from '../../src/modules/import/source-lines.ts';

const ROMAN_TOKEN = /^(?:I|II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII|XIX|XX)$/;

/**
 * Lower-cased word tokens ("Action -" is rendered as "ACTION:"). Roman numerals are dropped on
 * both sides because the parser turns them into <ol> numbering, and "and" because it is only
 * glue between attendee names ("Jo Bloggs (Chair) and Sam Roe (Officer)").
 */
/** Numbers compare by value (a bare "01" before a heading is read as item 1), words by lower case. */
const wordKey = (token: string): string =>
  /^\d+$/.test(token) ? token.replace(/^0+(?=\d)/, '') : token.toLowerCase();

export function tokens(text: string): string[] {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((token) => !ROMAN_TOKEN.test(token))
    .map(wordKey)
    .filter((token) => token !== 'and');
}

// Inline tags join the text around them ("0<u>0</u>" reads "00"); other tags separate words.
const INLINE_TAG =
  /<\/?(?:a|b|i|u|s|em|strong|span|font|sup|sub|small|big|mark|abbr|cite|code|del|ins|strike|o:p)(?:\s[^<>]*)?\/?>/gi;

function htmlToText(html: string): string {
  return html
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** All text of the parse, in document order, so adjacent parts still form word sequences. */
export function outputParts(parsed: ParsedNotes): string[] {
  const parts: string[] = [];
  for (const field of [parsed.boardName, parsed.documentTitle, parsed.meetingDateText, parsed.summary]) {
    if (field !== null) parts.push(field);
  }
  for (const item of parsed.items) {
    parts.push(
      [
        String(item.number),
        item.title ?? '',
        ...item.presenters.map((presenter) => presenter.asPrinted),
        htmlToText(item.bodyHtml),
      ].join(' '),
    );
  }
  for (const entry of parsed.unplaced) parts.push(entry.text);
  return parts;
}

/** What the parser legitimately removes: markup and comments, item numbers, labels, list markers. */
function inputLineText(line: string): string {
  return line
    .replace(/<!--.*?(?:-->|$)/g, '')
    .replace(INLINE_TAG, '')
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&#(x[0-9a-f]{1,6}|[0-9]{1,7});/gi, (whole, code: string) => {
      const point =
        code.startsWith('x') || code.startsWith('X') ? Number.parseInt(code.slice(1), 16) : Number(code);
      return point > 0 && point <= 0x10ffff && (point < 0xd800 || point > 0xdfff)
        ? String.fromCodePoint(point)
        : whole;
    })
    .replace(/&[a-zA-Z][a-zA-Z0-9]*;/g, ' ')
    .replace(/^\s*\d{1,2}\s*\t/, ' ')
    .replace(/^ {0,8}\d{1,2} {2,}(?=\S)/, ' ')
    .replace(/^\s*\d{1,2}[.)]\s+/, ' ')
    .replace(/(?<![\p{L}\p{N}])presented by\s*:?/giu, ' ');
}

function ngrams(words: readonly string[], size: number): Set<string> {
  const grams = new Set<string>();
  for (let index = 0; index + size <= words.length; index += 1) {
    grams.add(words.slice(index, index + size).join(' '));
  }
  return grams;
}

export interface Uncovered {
  line: number;
  token: string;
}

/**
 * Each input word must be part of a 3-word sequence found in the output (shorter lines: the
 * whole line). With `allowShorterSequences`, a word may instead be covered by a 2-word
 * sequence or on its own: needed when attendee fragments are split between items and
 * `unplaced`, which breaks sequences at the split.
 */
export function uncoveredWords(
  input: string,
  parsed: ParsedNotes,
  options: { allowShorterSequences: boolean } = { allowShorterSequences: false },
): Uncovered[] {
  const outputWords = outputParts(parsed).map(tokens);
  const sizes = options.allowShorterSequences ? [3, 2, 1] : [3];
  const outputGrams = new Map<number, Set<string>>();
  for (const size of [3, 2, 1]) {
    outputGrams.set(size, new Set(outputWords.flatMap((words) => [...ngrams(words, size)])));
  }

  const missing: Uncovered[] = [];
  // Lines as the parser reads them: exotic spaces are spaces, invisible characters are gone.
  for (const [index, { text: line }] of toSourceLines(input).entries()) {
    const words = tokens(inputLineText(line));
    words.forEach((word, position) => {
      const covered = sizes.some((requested) => {
        const size = Math.min(requested, words.length);
        const grams = outputGrams.get(size) ?? new Set<string>();
        for (let start = Math.max(0, position - size + 1); start <= position; start += 1) {
          if (start + size > words.length) continue;
          if (grams.has(words.slice(start, start + size).join(' '))) return true;
        }
        return false;
      });
      if (!covered) missing.push({ line: index + 1, token: word });
    });
  }
  return missing;
}

/** Only the tags and attributes the parser is allowed to build; all other "<" must be escaped. */
export function isParserHtml(html: string): boolean {
  const withoutTags = html.replace(/<\/?(?:p|ul|li|strong)>|<ol(?: type="I")?(?: start="\d+")?>|<\/ol>/g, '');
  if (/[<>"]/.test(withoutTags)) return false;
  return !/&(?!amp;|lt;|gt;|quot;|#39;)/.test(withoutTags);
}
