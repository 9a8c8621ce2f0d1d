/**
 * HTML to PDF on a pooled page: A4, backgrounds, tagged (accessible, required of public bodies) and
 * an outline built from the headings. Boardroom's documents carry their running header and footer
 * in their own CSS (`@page` margin boxes, templates/partials/page-chrome.hbs).
 */
import type { CDPSession, Page, PDFOptions, Protocol } from 'puppeteer-core';
import type { BrowserPool } from './browser-pool.ts';
import { type PdfInfo, withPdfInfo } from './pdf-info.ts';
import { RenderError } from './render-errors.ts';
import { type DocumentParts, documentParts, swapParts } from './warm-document.ts';

/** Top and bottom leave room for the running header and footer (the page-margin boxes). */
export const PAGE_MARGINS = { top: '20mm', bottom: '18mm', left: '18mm', right: '18mm' } as const;

export interface PdfRenderOptions {
  /**
   * Chromium header/footer templates (self-contained HTML; `pageNumber`/`totalPages` spans are filled
   * in), for HTML without `@page` margin boxes of its own. Slower: Chromium lays them out as separate
   * documents on every page. With neither, Chromium prints no header or footer of its own.
   */
  headerTemplate?: string;
  footerTemplate?: string;
  landscape: boolean;
  info: PdfInfo;
  /** Overrides the pool's render deadline. */
  timeoutMs?: number;
}

export interface RenderedPdf {
  pdf: Buffer;
  /** Requests the document tried to make (all refused). Templates make none: > 0 means hostile content. */
  blockedRequests: number;
  /** Swapped into a warm page rather than loaded from scratch. */
  warm: boolean;
}

/** The print settings of every Boardroom document (exported so the benchmark measures the same). */
export function printOptions(
  options: Pick<PdfRenderOptions, 'headerTemplate' | 'footerTemplate' | 'landscape'>,
): PDFOptions {
  const { headerTemplate, footerTemplate } = options;
  const templates = headerTemplate !== undefined || footerTemplate !== undefined;
  return {
    format: 'A4',
    landscape: options.landscape,
    printBackground: true,
    tagged: true,
    outline: true,
    // Chromium prints no page-margin boxes while it prints its own header and footer.
    displayHeaderFooter: templates,
    ...(templates ? { headerTemplate: headerTemplate ?? '', footerTemplate: footerTemplate ?? '' } : {}),
    margin: PAGE_MARGINS,
  };
}

const MM_PER_INCH = 25.4;
const A4_INCHES = { width: 210 / MM_PER_INCH, height: 297 / MM_PER_INCH };

/** `printOptions` as the Page.printToPDF parameters page.pdf() would send (A4 and mm margins only). */
export function printToPdfParams(options: PDFOptions): Protocol.Page.PrintToPDFRequest {
  if (options.format !== 'A4') throw new RangeError('printToPdfParams: only A4 is supported');
  const inches = (length: string | number | undefined): number => {
    if (typeof length !== 'string' || !length.endsWith('mm'))
      throw new RangeError(`margin ${length}: mm only`);
    return Number.parseFloat(length) / MM_PER_INCH;
  };
  return {
    landscape: options.landscape ?? false,
    paperWidth: A4_INCHES.width,
    paperHeight: A4_INCHES.height,
    marginTop: inches(options.margin?.top),
    marginBottom: inches(options.margin?.bottom),
    marginLeft: inches(options.margin?.left),
    marginRight: inches(options.margin?.right),
    printBackground: options.printBackground ?? false,
    displayHeaderFooter: options.displayHeaderFooter ?? false,
    headerTemplate: options.headerTemplate ?? '',
    footerTemplate: options.footerTemplate ?? '',
    generateTaggedPDF: options.tagged ?? false,
    generateDocumentOutline: options.outline ?? false,
    preferCSSPageSize: false,
  };
}

/** One DevTools session per pooled page, opened on its first render (it ends with the page). */
const sessions = new WeakMap<Page, Promise<CDPSession>>();
/** The parts of the document each pooled page holds, when it can take the next one warm. */
const warm = new WeakMap<Page, DocumentParts>();

function sessionOf(page: Page): Promise<CDPSession> {
  let session = sessions.get(page);
  if (!session) {
    session = page.createCDPSession();
    sessions.set(page, session);
  }
  return session;
}

/**
 * Like page.pdf(), waits for web fonts first: a face still loading would print blank
 * (font-display: block) or in a fallback font. (A warm swap waits for them itself.)
 */
async function awaitFonts(page: Page): Promise<void> {
  await (await sessionOf(page)).send('Runtime.evaluate', {
    expression: 'document.fonts.ready.then(() => {})',
    awaitPromise: true,
  });
}

/**
 * What page.pdf() does, less its overhead (~5% of a render): the PDF comes back in the reply
 * rather than as a stream read in chunks.
 */
async function printPage(page: Page, options: PDFOptions): Promise<Buffer> {
  const session = await sessionOf(page);
  const { data } = await session.send('Page.printToPDF', printToPdfParams(options));
  return Buffer.from(data, 'base64');
}

export async function renderPdf(
  pool: BrowserPool,
  html: string,
  options: PdfRenderOptions,
): Promise<RenderedPdf> {
  const parts = documentParts(html);
  const { value, blockedRequests } = await pool.withPage(
    async (page) => {
      // Until it is known to be whole, the page holds no document a next render may build on.
      const held = warm.get(page);
      warm.delete(page);
      const swapped =
        parts && held?.skeleton === parts.skeleton && (await swapParts(await sessionOf(page), parts, held));
      if (!swapped) {
        // Never goto(): the document is written into the page, so there is no URL to follow or forge.
        // 'load' rather than 'networkidle0': fonts are inline and the network is refused anyway.
        await page.setContent(html, { waitUntil: 'load' });
        await awaitFonts(page);
      }
      const pdf = await printPage(page, printOptions(options));
      // The pool cancels navigations, so this never happens; if it did, the PDF would be of another page.
      if (page.url() !== 'about:blank') throw new RenderError('The document navigated away while printing');
      if (parts) warm.set(page, parts);
      return { pdf, warm: swapped === true };
    },
    options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
  return { pdf: withPdfInfo(value.pdf, options.info), blockedRequests, warm: value.warm };
}
