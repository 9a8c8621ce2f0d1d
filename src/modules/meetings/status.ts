import type { MeetingStatus } from '../../db/schema.ts';

/**
 * The life of a meeting, one step at a time: notes cannot be approved before they are drafted,
 * nor published before approval. Only a meeting that has not yet been held can be cancelled.
 */
const next: Record<MeetingStatus, MeetingStatus[]> = {
  scheduled: ['held', 'cancelled'],
  held: ['notes_drafted'],
  notes_drafted: ['notes_approved'],
  notes_approved: ['published'],
  published: [],
  cancelled: [],
};

export function canMoveTo(from: MeetingStatus, to: MeetingStatus): boolean {
  return next[from].includes(to);
}

export function allowedNext(from: MeetingStatus): MeetingStatus[] {
  return next[from];
}
