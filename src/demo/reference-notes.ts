import path from 'node:path';

/**
 * The published Notes of the Accountability and Governance Board, 24 March 2026: the meeting the
 * demo seed imports and the tests build through the API. Kept in the repository (a copy of
 * ../shared/reference/agb-notes-2026-03-24.txt) so a clone needs nothing beside it.
 */
export const referenceNotesFile = path.resolve(import.meta.dirname, 'reference/agb-notes-2026-03-24.txt');
