/**
 * Documents as the API and the render worker use them: build the view model from the database, then
 * serve the stored PDF for that exact input or render it once (one render per input per process even
 * under concurrent requests; across processes the unique input_hash keeps one row).
 */
import type { Database } from '../../db/database.ts';
import type { RenderedDocumentKind } from '../../db/schema.ts';
import type { BrowserPool } from '../../render/browser-pool.ts';
import {
  createDocumentRenderer,
  type DocumentRenderer,
  type RenderedDocument,
} from '../../render/document-renderer.ts';
import { createTemplateEngine } from '../../render/templates.ts';
import { type DocumentInput, documentInputHash } from './input-hash.ts';
import { type ActionLogFilters, loadActionLog } from './load-action-log.ts';
import { loadAgenda } from './load-agenda.ts';
import { loadNotes } from './load-notes.ts';
import * as storage from './storage-repo.ts';

export interface StoredDocument {
  id: string;
  kind: RenderedDocumentKind;
  subjectId: string;
  sha256: string;
  sizeBytes: number;
  filename: string;
  createdAt: Date;
}

export interface DocumentPdf extends StoredDocument {
  pdf: Buffer;
}

export interface DocumentLogger {
  warn(obj: object, msg?: string): void;
}

export interface DocumentServiceDeps {
  db: Database;
  pool: BrowserPool;
  protectiveMarking: string;
  log?: DocumentLogger;
  /** Today, for the action log's "overdue"; injectable for tests. */
  now?: () => Date;
}

export interface DocumentService {
  /**
   * Compiles the templates now rather than for the first document: the server and the worker call it
   * at start, so a broken template stops them there and the first request pays nothing. Idempotent.
   */
  prepare(): void;
  /** The view model of a document, or null when its meeting or board does not exist. */
  load(
    kind: RenderedDocumentKind,
    subjectId: string,
    filters?: ActionLogFilters,
  ): Promise<DocumentInput | null>;
  inputHash(input: DocumentInput): string;
  /** The stored document for this input, without its bytes (for ETags and job progress). */
  findStored(input: DocumentInput): Promise<StoredDocument | null>;
  /** The PDF for this input: from storage, or rendered now and stored. */
  pdf(input: DocumentInput, subjectId: string): Promise<DocumentPdf>;
  /** Makes sure the PDF for this input is stored; renders only when it is not. */
  ensureStored(input: DocumentInput, subjectId: string): Promise<StoredDocument>;
  /** The HTML the PDF is printed from, for previews. */
  html(input: DocumentInput): string;
}

function toStored(row: storage.StoredMetaRow): StoredDocument {
  return {
    id: row.id,
    kind: row.kind,
    subjectId: row.subject_id,
    sha256: row.sha256,
    sizeBytes: row.size_bytes,
    filename: row.filename,
    createdAt: row.created_at,
  };
}

export function createDocumentService(deps: DocumentServiceDeps): DocumentService {
  const { db, pool, protectiveMarking } = deps;
  const now = deps.now ?? (() => new Date());
  let renderer: DocumentRenderer | null = null;
  // The templates are compiled once: at start (prepare()) or else when the first document is asked for.
  const getRenderer = (): DocumentRenderer => {
    renderer ??= createDocumentRenderer({ pool, engine: createTemplateEngine() });
    return renderer;
  };
  const inFlight = new Map<string, Promise<DocumentPdf>>();

  const render = (input: DocumentInput): Promise<RenderedDocument> => {
    const r = getRenderer();
    switch (input.kind) {
      case 'notes':
        return r.renderNotes(input.vm);
      case 'agenda':
        return r.renderAgenda(input.vm);
      case 'action-log':
        return r.renderActionLog(input.vm);
    }
  };

  const renderAndStore = async (
    input: DocumentInput,
    subjectId: string,
    inputHash: string,
  ): Promise<DocumentPdf> => {
    const rendered = await render(input);
    if (rendered.blockedRequests > 0) {
      // Templates fetch nothing: content tried to, and was refused. Worth a look, not a failure.
      deps.log?.warn(
        { kind: input.kind, subjectId, blocked: rendered.blockedRequests },
        'document tried to fetch',
      );
    }
    const row = await storage.storeDocument(db, {
      kind: input.kind,
      subjectId,
      inputHash,
      pdf: rendered.pdf,
      sha256: rendered.sha256,
      filename: rendered.filename,
    });
    // Another process may have stored the same input first: serve what is stored, so ETags agree.
    const pdf =
      row.sha256 === rendered.sha256
        ? rendered.pdf
        : storage.asBuffer((await storage.findStoredPdf(db, inputHash))!.pdf);
    return { ...toStored(row), pdf };
  };

  const pdf = async (input: DocumentInput, subjectId: string): Promise<DocumentPdf> => {
    const inputHash = documentInputHash(input);
    const stored = await storage.findStoredPdf(db, inputHash);
    if (stored) return { ...toStored(stored), pdf: storage.asBuffer(stored.pdf) };
    let pending = inFlight.get(inputHash);
    if (!pending) {
      pending = renderAndStore(input, subjectId, inputHash).finally(() => inFlight.delete(inputHash));
      inFlight.set(inputHash, pending);
    }
    return pending;
  };

  return {
    prepare() {
      getRenderer();
    },
    async load(kind, subjectId, filters = {}) {
      const options = { protectiveMarking };
      switch (kind) {
        case 'notes': {
          const vm = await loadNotes(db, subjectId, options);
          return vm && { kind, vm };
        }
        case 'agenda': {
          const vm = await loadAgenda(db, subjectId, options);
          return vm && { kind, vm };
        }
        case 'action-log': {
          const vm = await loadActionLog(db, subjectId, filters, { ...options, now: now() });
          return vm && { kind, vm };
        }
      }
    },
    inputHash: (input) => documentInputHash(input),
    async findStored(input) {
      const row = await storage.findStoredMeta(db, documentInputHash(input));
      return row ? toStored(row) : null;
    },
    pdf,
    async ensureStored(input, subjectId) {
      const row = await storage.findStoredMeta(db, documentInputHash(input));
      if (row) return toStored(row);
      const { pdf: _bytes, ...stored } = await pdf(input, subjectId);
      return stored;
    },
    html(input) {
      const r = getRenderer();
      switch (input.kind) {
        case 'notes':
          return r.renderNotesHtml(input.vm);
        case 'agenda':
          return r.renderAgendaHtml(input.vm);
        case 'action-log':
          return r.renderActionLogHtml(input.vm);
      }
    },
  };
}
