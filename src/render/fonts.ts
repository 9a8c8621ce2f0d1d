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

/** The latin subset's coverage as published by @fontsource; other characters fall back to system fonts. */
const LATIN_RANGE =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+0304, U+0308, U+0329, ' +
  'U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

export const FONT_FAMILY = 'Source Sans 3';

function fontFilesDir(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('@fontsource/source-sans-3/package.json')), 'files');
}

/** @font-face rules for the given faces, read from node_modules on each call (call it once at startup). */
export function sourceSansFontFaceCss(faces: readonly FontFace[]): string {
  const dir = fontFilesDir();
  return faces
    .map(({ weight, style }) => {
      const file = path.join(dir, `source-sans-3-latin-${weight}-${style}.woff2`);
      const data = readFileSync(file).toString('base64');
      return `@font-face{font-family:'${FONT_FAMILY}';font-style:${style};font-weight:${weight};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${LATIN_RANGE};}`;
    })
    .join('\n');
}
