/**
 * Documents as the API and the render worker use them: build the view model from the database, then
 * serve the stored PDF for that exact input or render it once (one render per input per process even
 * under concurrent requests; across processes the unique input_hash keeps one row).
 *
 * What is stored: the notes, the agendas and the UNFILTERED action log of each board — documents
 * whose number grows with the board's work. An action log asked for with a filter (status, owner,
 * dates: any combination, so without end) is never stored: it is kept in a bounded in-memory LRU
 * per process (FILTERED_CACHE_*), so asking again for the same filtered log the same day costs no
 * render (and its ETag gives a 304), while a stream of distinct filters costs renders (rate-limited
 * per user on the routes) but no storage. Chosen over a pruned table: nothing to prune, no writes
 * for what is thrown away, and a restart only costs a re-render.
 */
import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database.ts';
import type { RenderedDocumentKind } from '../db/schema.ts';
import { type DocumentInput, documentInputHash } from './input-hash.ts';
import { type ActionLogFilters, loadActionLog } from './load-action-log.ts';
import { loadAgenda } from './load-agenda.ts';
import { loadNotes } from './load-notes.ts';
import type { BrowserPool } from './render/browser-pool.ts';
import {
  createDocumentRenderer,
  type DocumentRenderer,
  type RenderedDocument,
} from './render/document-renderer.ts';
import { createTemplateEngine } from './render/templates.ts';
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
  /** The stored (or, for a filtered action log, cached) document for this input, without its bytes. */
  findStored(input: DocumentInput): Promise<StoredDocument | null>;
  /** The PDF for this input: from storage (or the filtered-log cache), or rendered now and kept. */
  pdf(input: DocumentInput, subjectId: string): Promise<DocumentPdf>;
  /** Makes sure the PDF for this input is stored; renders only when it is not. */
  ensureStored(input: DocumentInput, subjectId: string): Promise<StoredDocument>;
  /** The HTML the PDF is printed from, for previews. */
  html(input: DocumentInput): string;
}

/** Bounds of the in-memory cache of filtered action logs, per process: entries and PDF bytes. */
export const FILTERED_CACHE_ENTRIES = 200;
export const FILTERED_CACHE_BYTES = 64 * 1024 * 1024;

/** Documents kept in memory only: action logs asked for with a filter. */
function isTransient(input: DocumentInput): boolean {
  return input.kind === 'action-log' && input.filtered === true;
}

function hasFilters(filters: ActionLogFilters): boolean {
  return Object.values(filters).some((value) => value !== undefined && value !== '');
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
  const filtered = new LRUCache<string, DocumentPdf>({
    max: FILTERED_CACHE_ENTRIES,
    maxSize: FILTERED_CACHE_BYTES,
    sizeCalculation: (doc) => Math.max(1, doc.pdf.byteLength),
  });

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

  /** A filtered action log: rendered, kept in the bounded cache, never written to the database. */
  const renderTransient = async (
    input: DocumentInput,
    subjectId: string,
    inputHash: string,
  ): Promise<DocumentPdf> => {
    const rendered = await render(input);
    const doc: DocumentPdf = {
      id: inputHash,
      kind: input.kind,
      subjectId,
      sha256: rendered.sha256,
      sizeBytes: rendered.pdf.byteLength,
      filename: rendered.filename,
      createdAt: now(),
      pdf: rendered.pdf,
    };
    filtered.set(inputHash, doc);
    return doc;
  };

  const pdf = async (input: DocumentInput, subjectId: string): Promise<DocumentPdf> => {
    const inputHash = documentInputHash(input);
    const transient = isTransient(input);
    if (transient) {
      const cached = filtered.get(inputHash);
      if (cached) return cached;
    } else {
      const stored = await storage.findStoredPdf(db, inputHash);
      if (stored) return { ...toStored(stored), pdf: storage.asBuffer(stored.pdf) };
    }
    let pending = inFlight.get(inputHash);
    if (!pending) {
      const produce = transient ? renderTransient : renderAndStore;
      pending = produce(input, subjectId, inputHash).finally(() => inFlight.delete(inputHash));
      inFlight.set(inputHash, pending);
    }
    return pending;
  };

  const findStored = async (input: DocumentInput): Promise<StoredDocument | null> => {
    const inputHash = documentInputHash(input);
    if (isTransient(input)) {
      const cached = filtered.get(inputHash);
      if (!cached) return null;
      const { pdf: _bytes, ...meta } = cached;
      return meta;
    }
    const row = await storage.findStoredMeta(db, inputHash);
    return row ? toStored(row) : null;
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
          return vm && { kind, vm, filtered: hasFilters(filters) };
        }
      }
    },
    inputHash: (input) => documentInputHash(input),
    findStored,
    pdf,
    async ensureStored(input, subjectId) {
      const found = await findStored(input);
      if (found) return found;
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
