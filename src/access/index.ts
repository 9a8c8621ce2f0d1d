/**
 * The one place that decides who sees what (issue 14): every read and write asks here, services
 * for single objects (./audience.ts), repositories in SQL for lists and search (./visible-sql.ts).
 * Effective confidentiality is held by the database (migration 0011); ./confidentiality.ts has the
 * order for checks made before a write. No other file filters by confidentiality on its own.
 */
export {
  canAdministerBoard,
  canReadClosureNote,
  canSee,
  canUpdateAction,
  visibleConfidentialities,
} from './audience.ts';
export { atLeast, isPublic, referenceSeries, stricter, titleListed } from './confidentiality.ts';
export { type BoardRef, requireDirectoryChange } from './directory.ts';
export {
  actionUpdateVisibleToActor,
  administersBoard,
  closureNotePublic,
  questionConfidentiality,
  questionNumberFor,
  visibleToActor,
} from './visible-sql.ts';
