/**
 * Source Sans 3 embedded as data: URLs, so a document prints with the same glyphs and line breaks on
 * every machine (no dependence on installed fonts) and the page never needs the network.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface FontFace {
  weight: 400 | 600 | 700;
  style: 'normal' | 'italic';
}

/** Body, semibold labels, bold headings, and italic for emphasis in rich text. */
export const DOCUMENT_FACES: readonly FontFace[] = [
  { weight: 400, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 600, style: 'normal' },
  { weight: 700, style: 'normal' },
];

export const FONT_FAMILY = 'Source Sans 3';

/**
 * The subsets of Source Sans 3 that @fontsource publishes. Latin is in every document; the others
 * (Welsh ŵ and Polish ł are latin-ext; Greek, Cyrillic, Vietnamese) only in documents that use them,
 * so names such as Łukasz Wójcik or Юлія print in the document's own face, identically everywhere,
 * without making every PDF carry faces it does not need. Scripts Source Sans 3 does not cover
 * (Arabic, Gurmukhi, Chinese…) fall back to the fonts installed beside Chromium.
 */
export const EXTRA_SUBSETS = [
  'latin-ext',
  'vietnamese',
  'greek',
  'greek-ext',
  'cyrillic',
  'cyrillic-ext',
] as const;
type Subset = 'latin' | (typeof EXTRA_SUBSETS)[number];

/** Where the document head asks for the extra subsets its text needs. */
export const EXTRA_FONTS_MARKER = '/* boardroom: extra font subsets */';

function fontFilesDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@fontsource/source-sans-3/package.json'));
}

/** The unicode-range of a subset, as @fontsource publishes it in its all-subsets CSS (400.css). */
function unicodeRange(css: string, subset: Subset): string {
  const block = css.split(`/* source-sans-3-${subset}-400-normal */`)[1]?.split('}')[0] ?? '';
  const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
  if (!range) throw new Error(`@fontsource/source-sans-3: no unicode-range for ${subset}`);
  return range.trim();
}

function parseRange(range: string): [number, number][] {
  return range.split(',').map((part) => {
    const [lo, hi] = part.trim().replace(/^U\+/i, '').split('-');
    return [Number.parseInt(lo!, 16), Number.parseInt(hi ?? lo!, 16)];
  });
}

function subsetCss(dir: string, subset: Subset, range: string, faces: readonly FontFace[]): string {
  return faces
    .map(({ weight, style }) => {
      const file = path.join(dir, 'files', `source-sans-3-${subset}-${weight}-${style}.woff2`);
      const data = readFileSync(file).toString('base64');
      return `@font-face{font-family:'${FONT_FAMILY}';font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`;
    })
    .join('\n');
}

export interface DocumentFonts {
  /** The latin faces, for the document's <style>. */
  css: string;
  /** Where `complete` puts the other subsets the document needs: in a <style> after the first. */
  marker: string;
  /** The rendered document with the faces of the other subsets its text uses in place of the marker. */
  complete(html: string): string;
}

/** Fonts for documents: latin always, the other subsets read once, on first use, and cached. */
export function documentFonts(faces: readonly FontFace[] = DOCUMENT_FACES): DocumentFonts {
  const dir = fontFilesDir();
  const publishedCss = readFileSync(path.join(dir, '400.css'), 'utf8');
  const range = (subset: Subset) => unicodeRange(publishedCss, subset);
  const latin = parseRange(range('latin'));
  const extra = EXTRA_SUBSETS.map((subset) => ({ subset, ranges: parseRange(range(subset)) }));
  const cache = new Map<Subset, string>();
  const inRanges = (code: number, ranges: [number, number][]) =>
    ranges.some(([lo, hi]) => code >= lo && code <= hi);
  return {
    css: subsetCss(dir, 'latin', range('latin'), faces),
    marker: EXTRA_FONTS_MARKER,
    complete(html) {
      const wanted = new Set<Subset>();
      // Only characters beyond Latin-1 can need another subset; most documents have a handful.
      for (const match of html.matchAll(/[\u0100-\u{10FFFF}]/gu)) {
        const code = match[0].codePointAt(0)!;
        if (inRanges(code, latin)) continue;
        for (const { subset, ranges } of extra) if (inRanges(code, ranges)) wanted.add(subset);
      }
      const css = EXTRA_SUBSETS.filter((subset) => wanted.has(subset)).map((subset) => {
        let rules = cache.get(subset);
        if (rules === undefined) {
          rules = subsetCss(dir, subset, range(subset), faces);
          cache.set(subset, rules);
        }
        return rules;
      });
      // The marker in the head's stylesheets, never one a user typed into the title or body after them.
      const at = html.indexOf(EXTRA_FONTS_MARKER, html.indexOf('<style'));
      if (at < 0) return html;
      return html.slice(0, at) + css.join('\n') + html.slice(at + EXTRA_FONTS_MARKER.length);
    },
  };
}
