// Reads the HTML fragments that Word/PDF extraction leaves inside item rows. We only want the
// text and its coarse structure (paragraph vs list entry); the source markup is never passed
// through, so nothing here needs to be a full HTML parser.
import { squashSpaces } from './source-lines.ts';

export type HtmlSegmentKind = 'paragraph' | 'bullet' | 'listText';

export interface HtmlSegment {
  /** `listText` is text inside <ul>/<ol> that had no bullet marker (e.g. "I. ..." points). */
  kind: HtmlSegmentKind;
  text: string;
}

// Only real tag names count as markup: "<Name>" typed into the notes must stay visible text.
const KNOWN_TAGS: ReadonlySet<string> = new Set(
  (
    'a abbr b big blockquote body br caption center cite code col colgroup dd del div dl dt em font ' +
    'h1 h2 h3 h4 h5 h6 head hr html i img ins li mark o:p ol p s section small span strike strong sub ' +
    'sup table tbody td tfoot th thead tr u ul'
  ).split(' '),
);
// Tags that end a paragraph; all other known tags are inline and are dropped without a break.
const PARAGRAPH_TAGS: ReadonlySet<string> = new Set(
  (
    'p div h1 h2 h3 h4 h5 h6 blockquote section table tbody thead tfoot tr td th caption dl dt dd ' +
    'hr br body html'
  ).split(' '),
);

const TAG_OR_COMMENT = /<!--[\s\S]*?(?:-->|$)|<\/?([a-zA-Z][a-zA-Z0-9:]*)(?:\s[^<>]*)?\/?>/g;

export function containsHtmlTag(text: string): boolean {
  for (const match of text.matchAll(TAG_OR_COMMENT)) {
    if (match[1] === undefined || KNOWN_TAGS.has(match[1].toLowerCase())) return true;
  }
  return false;
}

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  pound: '£',
  euro: '€',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  frac12: '½',
};

export function decodeEntities(text: string): string {
  return text.replace(
    /&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z][a-zA-Z0-9]{1,8});/g,
    (whole, body: string) => {
      if (body.startsWith('#')) {
        const code =
          body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1));
        // Invalid code points stay as printed rather than vanishing.
        if (!Number.isInteger(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) {
          return whole;
        }
        const char = String.fromCodePoint(code);
        return char === '\u00a0' ? ' ' : char;
      }
      return NAMED_ENTITIES[body.toLowerCase()] ?? whole;
    },
  );
}

/** Splits text on "•" bullet characters; the part before the first "•" is returned as `lead`. */
export function splitOnBulletChar(text: string): { lead: string; bullets: string[] } {
  const [lead = '', ...rest] = text.split('•');
  return {
    lead: squashSpaces(lead),
    bullets: rest.map(squashSpaces).filter((part) => part.length > 0),
  };
}

/**
 * Converts one line of HTML-ish text into segments. Each line is read on its own: the source
 * rarely closes its lists, so carrying list state across lines would swallow later paragraphs.
 */
export function htmlLineToSegments(line: string): HtmlSegment[] {
  const segments: HtmlSegment[] = [];
  let buffer = '';
  let listDepth = 0;
  let inListItem = false;

  const flush = (): void => {
    const text = decodeEntities(buffer);
    buffer = '';
    const { lead, bullets } = splitOnBulletChar(text);
    const leadKind: HtmlSegmentKind = inListItem ? 'bullet' : listDepth > 0 ? 'listText' : 'paragraph';
    if (lead) segments.push({ kind: leadKind, text: lead });
    for (const bullet of bullets) segments.push({ kind: 'bullet', text: bullet });
  };

  let cursor = 0;
  for (const match of line.matchAll(TAG_OR_COMMENT)) {
    const tagName = match[1]?.toLowerCase();
    const isComment = match[1] === undefined;
    if (!isComment && (tagName === undefined || !KNOWN_TAGS.has(tagName))) continue;
    buffer += line.slice(cursor, match.index);
    cursor = match.index + match[0].length;
    if (isComment || tagName === undefined) continue;

    const closing = match[0].startsWith('</');
    if (tagName === 'ul' || tagName === 'ol') {
      flush();
      listDepth = closing ? Math.max(0, listDepth - 1) : listDepth + 1;
      if (closing) inListItem = false;
    } else if (tagName === 'li') {
      flush();
      inListItem = !closing;
    } else if (PARAGRAPH_TAGS.has(tagName)) {
      flush();
      // The source opens <p> inside unclosed <ul>s to start the next question; treat that
      // as the end of the list unless we are inside an <li> (Word's <li><p>...</p></li>).
      if (tagName === 'p' && !closing && !inListItem) listDepth = 0;
    }
    // Inline tags (<u>, <span>, <strong>...) are dropped without separating text.
  }
  buffer += line.slice(cursor);
  flush();
  return segments;
}
