/**
 * The renderer the rest of the application uses: view model in, HTML and PDF out.
 */
import { createHash } from 'node:crypto';
import type { BrowserPool } from './browser-pool.ts';
import { type PreparedDocument, prepareActionLog, prepareAgenda, prepareNotes } from './document-contexts.ts';
import { renderPdf } from './pdf-renderer.ts';
import type { TemplateEngine } from './templates.ts';
import type { ActionLogViewModel, AgendaViewModel, NotesViewModel } from './view-models.ts';

export interface RenderedDocument {
  html: string;
  pdf: Buffer;
  /** Hex SHA-256 of `pdf`, to store with a published version. */
  sha256: string;
  /** "AGB-notes-2026-03-24.pdf" */
  filename: string;
  /** Requests refused while printing; > 0 means some content tried to fetch something. */
  blockedRequests: number;
  /** Swapped into a page that held a document of the same kind (see warm-document.ts). */
  warm?: boolean;
}

export interface DocumentRenderer {
  renderNotes(vm: NotesViewModel): Promise<RenderedDocument>;
  renderActionLog(vm: ActionLogViewModel): Promise<RenderedDocument>;
  renderAgenda(vm: AgendaViewModel): Promise<RenderedDocument>;
  /** The same HTML the PDF is printed from, for previews. Serve it with a CSP header as well. */
  renderNotesHtml(vm: NotesViewModel): string;
  renderActionLogHtml(vm: ActionLogViewModel): string;
  renderAgendaHtml(vm: AgendaViewModel): string;
}

export interface DocumentRendererOptions {
  pool: BrowserPool;
  engine: TemplateEngine;
  /** PDF Author; defaults to the board's name. */
  author?: string;
}

export function createDocumentRenderer({ pool, engine, author }: DocumentRendererOptions): DocumentRenderer {
  async function toPdf<Context>(doc: PreparedDocument<Context>, html: string): Promise<RenderedDocument> {
    // The running header and footer are in the HTML (page-margin boxes): no Chromium templates.
    const { pdf, blockedRequests, warm } = await renderPdf(pool, html, {
      landscape: doc.landscape,
      info: {
        title: doc.title,
        author: author ?? doc.chrome.boardName,
        subject: doc.subject,
        creator: 'Boardroom',
        // Deterministic dates: the same view model gives the same bytes, hash and ETag.
        date: doc.date,
      },
    });
    return {
      html,
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      filename: doc.filename,
      blockedRequests,
      warm,
    };
  }

  return {
    renderNotes: async (vm) => {
      const doc = prepareNotes(vm);
      return toPdf(doc, engine.notes(doc.context));
    },
    renderActionLog: async (vm) => {
      const doc = prepareActionLog(vm);
      return toPdf(doc, engine.actionLog(doc.context));
    },
    renderAgenda: async (vm) => {
      const doc = prepareAgenda(vm);
      return toPdf(doc, engine.agenda(doc.context));
    },
    renderNotesHtml: (vm) => engine.notes(prepareNotes(vm).context),
    renderActionLogHtml: (vm) => engine.actionLog(prepareActionLog(vm).context),
    renderAgendaHtml: (vm) => engine.agenda(prepareAgenda(vm).context),
  };
}
