// Splits the document into the header (before item 1) and one span of lines per agenda item.
// Items start with "N<TAB>..." rows, or with the number alone on a line ("6", blank,
// "Domestic Abuse") when the extractor split the table cell.
import type { ParseWarning } from './schema.ts';
import type { SourceLine } from './source-lines.ts';

export interface ItemSpan {
  number: number;
  startLine: number;
  /** Last non-blank line of the item. */
  endLine: number;
  /** The item's lines; the first has its "N<TAB>" prefix removed. */
  lines: SourceLine[];
}

export interface Segmentation {
  headerLines: SourceLine[];
  items: ItemSpan[];
  warnings: ParseWarning[];
}

const TAB_ROW = /^ {0,8}(\d{1,2}) *\t\s*(.*)$/;
// Some extractions turn the TAB into a run of spaces, or a single space before the cell's HTML.
const SPACED_ROW = /^ {0,8}(\d{1,2})(?: {2,}(?=\S)| +(?=<[a-zA-Z]))(.*)$/;
const BARE_NUMBER = /^\s*(\d{1,2})\.?\s*$/;
// Spaced rows and bare numbers are weaker evidence than a TAB row, so they must fall just
// after the last item.
const MAX_SKIPPED_ITEMS = 2;

interface ItemStart {
  number: number;
  rest: string;
}

// PDF page numbers also stand alone on a line, so a bare number only starts an item when the
// next text looks like a heading: short, capitalised, not a bullet, no closing punctuation.
function looksLikeHeading(text: string | undefined): boolean {
  if (text === undefined) return false;
  const trimmed = text
    .replace(/<[^<>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  if (!/^[\p{Lu}\d"'‘“(]/u.test(trimmed) || /[.?!;,]$/.test(trimmed)) return false;
  return trimmed.split(' ').length <= 20;
}

function detectItemStart(
  line: SourceLine,
  nextText: string | undefined,
  previous: number,
  warnings: ParseWarning[],
): ItemStart | null {
  const row = TAB_ROW.exec(line.text);
  if (row?.[1] !== undefined) {
    const number = Number(row[1]);
    if (number > previous) return { number, rest: row[2] ?? '' };
    warnings.push({
      line: line.number,
      message: `Line starts like agenda item ${number} but follows item ${previous}; kept as text of item ${previous}.`,
    });
    return null;
  }
  const inSequence = (number: number): boolean =>
    number > previous && number <= previous + 1 + MAX_SKIPPED_ITEMS;
  const spaced = SPACED_ROW.exec(line.text);
  if (spaced?.[1] !== undefined && inSequence(Number(spaced[1]))) {
    return { number: Number(spaced[1]), rest: spaced[2] ?? '' };
  }
  const bare = BARE_NUMBER.exec(line.text);
  if (bare?.[1] !== undefined && inSequence(Number(bare[1])) && looksLikeHeading(nextText)) {
    return { number: Number(bare[1]), rest: '' };
  }
  return null;
}

function lastNonBlankLine(lines: readonly SourceLine[], fallback: number): number {
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (line && line.text.trim() !== '') return line.number;
  }
  return fallback;
}

/** For each line, the text of the next non-blank line after it (one backwards pass). */
function nextNonBlankTexts(lines: readonly SourceLine[]): (string | undefined)[] {
  const result: (string | undefined)[] = new Array(lines.length);
  let next: string | undefined;
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    result[index] = next;
    const text = lines[index]?.text ?? '';
    if (text.trim() !== '') next = text;
  }
  return result;
}

export function splitIntoItemSpans(lines: readonly SourceLine[]): Segmentation {
  const headerLines: SourceLine[] = [];
  const items: ItemSpan[] = [];
  const warnings: ParseWarning[] = [];

  const following = nextNonBlankTexts(lines);
  for (const [index, line] of lines.entries()) {
    const current = items.at(-1);
    const previousNumber = current?.number ?? 0;
    const start = detectItemStart(line, following[index], previousNumber, warnings);
    if (start) {
      if (start.number !== previousNumber + 1) {
        warnings.push({
          line: line.number,
          message: `Agenda item ${start.number} follows item ${current?.number ?? 'none'}; numbering skips.`,
        });
      }
      items.push({
        number: start.number,
        startLine: line.number,
        endLine: line.number,
        lines: [{ number: line.number, text: start.rest }],
      });
    } else if (current) {
      current.lines.push(line);
    } else {
      headerLines.push(line);
    }
  }
  for (const item of items) item.endLine = lastNonBlankLine(item.lines, item.startLine);
  return { headerLines, items, warnings };
}
