/**
 * HTML to PDF on a pooled page: A4, backgrounds, tagged (accessible, required of public bodies) and
 * an outline built from the headings. Boardroom's documents carry their running header and footer
 * in their own CSS (`@page` margin boxes, templates/partials/page-chrome.hbs).
 */
import type { PDFOptions } from 'puppeteer-core';
import type { BrowserPool } from './browser-pool.ts';
import { type PdfInfo, withPdfInfo } from './pdf-info.ts';
import { RenderError } from './render-errors.ts';

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

export async function renderPdf(
  pool: BrowserPool,
  html: string,
  options: PdfRenderOptions,
): Promise<RenderedPdf> {
  const { value, blockedRequests } = await pool.withPage(
    async (page) => {
      // Never goto(): the document is written into the page, so there is no URL to follow or forge.
      // 'load' rather than 'networkidle0': fonts are inline and the network is refused anyway.
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf(printOptions(options));
      // The pool cancels navigations, so this never happens; if it did, the PDF would be of another page.
      if (page.url() !== 'about:blank') throw new RenderError('The document navigated away while printing');
      return pdf;
    },
    options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs },
  );
  return { pdf: withPdfInfo(value, options.info), blockedRequests };
}
