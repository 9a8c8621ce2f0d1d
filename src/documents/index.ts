/**
 * Why this file exists: the one entry point of the documents module, the home of every printed
 * thing (notes, agenda, pack, action log, decision notice): view models and loaders, templates glue
 * and the Chromium pool (render/), the render jobs (queue.ts, render-worker.ts), the routes and
 * responses. Code outside src/documents imports from here only (checked by .dependency-cruiser.cjs);
 * the documents module imports nothing from src/modules.
 */
export {
  DECISION_SNAPSHOT_SCHEMA,
  type DecisionSnapshot,
  decisionLines,
  renderDecisionPdf,
  summaryParagraphs,
} from './decision-notice.ts';
export { canonicalJson } from './input-hash.ts';
export { loadNotes } from './load-notes.ts';
export { startJobQueue } from './queue.ts';
export type { BrowserPool } from './render/browser-pool.ts';
export type {
  Attendance,
  NotesAction,
  NotesItem,
  NotesQuestion,
  NotesViewModel,
  Person,
} from './render/view-models.ts';
export { startRenderWorker } from './render-worker.ts';
export { readableDocument, sendPdf, sendPreview } from './responses.ts';
export { documentsRoutes } from './routes.ts';
export { createDocumentsPool, startDocuments } from './runtime.ts';
export { pdfResponse } from './schemas.ts';
export { createDocumentService, type DocumentService } from './service.ts';
