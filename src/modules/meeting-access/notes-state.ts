import type { NotesState } from '../../db/schema.ts';

/**
 * The notes of a meeting, one step at a time, each moved only by the board's secretariat:
 *
 *   draft → submitted → approved (at a later meeting) → published → correcting → published (v n+1)
 *             ↓ return
 *           draft
 *
 * Approved and published notes are frozen: the other modules refuse edits to the meeting's content
 * (see guard.ts). A correction reopens them for editing with a stated reason, and publishing again
 * writes the next version; the earlier versions stay as they were.
 */
export type NotesStep = 'submit' | 'return' | 'approve' | 'publish' | 'correct' | 'cancelCorrection';

const steps: Record<NotesStep, { from: NotesState[]; to: NotesState }> = {
  submit: { from: ['draft'], to: 'submitted' },
  return: { from: ['submitted'], to: 'draft' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved', 'correcting'], to: 'published' },
  correct: { from: ['published'], to: 'correcting' },
  cancelCorrection: { from: ['correcting'], to: 'published' },
};

export function canTake(step: NotesStep, from: NotesState): boolean {
  return steps[step].from.includes(from);
}

export function targetOf(step: NotesStep): NotesState {
  return steps[step].to;
}

export function allowedSteps(from: NotesState): NotesStep[] {
  return (Object.keys(steps) as NotesStep[]).filter((step) => canTake(step, from));
}

/** Content may be edited while the notes are being drafted, awaiting approval, or being corrected. */
export function isEditable(state: NotesState): boolean {
  return state === 'draft' || state === 'submitted' || state === 'correcting';
}
