/**
 * Reads a PDF the way a reader's software would (pdfjs), so tests check text, tagging and bookmarks,
 * not file sizes.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface OutlineEntry {
  title: string;
  depth: number;
}

export interface InspectedPdf {
  pageCount: number;
  /** Every page's text, whitespace collapsed, pages separated by a space. */
  text: string;
  pageTexts: string[];
  /** /MarkInfo << /Marked true >> in the catalog. */
  marked: boolean;
  /** The first page has a structure tree (tagged content). */
  hasStructTree: boolean;
  /** Of the first page, in points. */
  pageSize: { width: number; height: number };
  outline: OutlineEntry[];
  info: Record<string, unknown>;
}

interface OutlineNode {
  title: string;
  items: OutlineNode[];
}

function flatten(nodes: OutlineNode[], depth = 0): OutlineEntry[] {
  return nodes.flatMap((node) => [{ title: node.title, depth }, ...flatten(node.items, depth + 1)]);
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function squash(text: string): string {
  return text.replace(/\s+/g, '');
}

/**
 * The phrases that do not occur in the PDF's text, compared without whitespace: a line break after a
 * hyphen ("non-" / "aggravated") extracts as "non- aggravated". Returns [] when all are present, which
 * keeps failure messages short (the document's text is tens of kilobytes).
 */
export function missingPhrases(pdf: InspectedPdf, phrases: readonly string[]): string[] {
  const text = squash(pdf.text);
  return phrases.filter((phrase) => !text.includes(squash(phrase)));
}

export async function inspectPdf(pdf: Uint8Array): Promise<InspectedPdf> {
  // pdfjs may detach the buffer it is given: hand it a copy.
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  try {
    const pageTexts: string[] = [];
    let hasStructTree = false;
    let pageSize = { width: 0, height: 0 };
    for (let n = 1; n <= doc.numPages; n += 1) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let text = '';
      for (const item of content.items) {
        if ('str' in item) text += item.str + (item.hasEOL ? ' ' : '');
      }
      pageTexts.push(collapse(text));
      if (n === 1) {
        hasStructTree = (await page.getStructTree()) !== null;
        const { width, height } = page.getViewport({ scale: 1 });
        pageSize = { width: Math.round(width), height: Math.round(height) };
      }
    }
    // pdfjs documents an object but returns a Map.
    const markInfo: unknown = await doc.getMarkInfo();
    const marked =
      markInfo instanceof Map
        ? markInfo.get('Marked') === true
        : typeof markInfo === 'object' &&
          markInfo !== null &&
          'Marked' in markInfo &&
          markInfo.Marked === true;
    const outline = flatten(((await doc.getOutline()) ?? []) as OutlineNode[]);
    const { info } = await doc.getMetadata();
    return {
      pageCount: doc.numPages,
      text: pageTexts.join(' '),
      pageTexts,
      marked,
      hasStructTree,
      pageSize,
      outline,
      info: info as Record<string, unknown>,
    };
  } finally {
    await task.destroy();
  }
}

/** Page count and the last page's text only: enough for very long documents, and much faster. */
export async function inspectLastPage(pdf: Uint8Array): Promise<{ pageCount: number; lastPageText: string }> {
  const task = getDocument({ data: new Uint8Array(pdf), verbosity: 0 });
  const doc = await task.promise;
  try {
    const content = await (await doc.getPage(doc.numPages)).getTextContent();
    const text = content.items
      .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
      .join('');
    return { pageCount: doc.numPages, lastPageText: collapse(text) };
  } finally {
    await task.destroy();
  }
}
