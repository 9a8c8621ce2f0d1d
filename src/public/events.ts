/**
 * The one rule for "when did the public last see this change": open data's `modified`, the feeds'
 * Last-Modified and dates, and anything else that dates public output ask here, so that private
 * work (a draft summary, a question deadline, a status change that publishes nothing, a restricted
 * update) can never move them, and no reader keeps its own copy of the rule.
 *
 * Public events:
 * - a board: its creation and any change of its name, code or description (`boards.public_changed_at`);
 * - a meeting's facts: its creation and any change of its date and time, place, online flag or
 *   cancellation (`meetings.public_changed_at`, kept by a database trigger, migration 0013);
 * - a meeting as a whole: those, plus the publication of its agenda and of each version of its notes;
 * - an action on the public tracker: its creation, its latest public update, its closure.
 */

/** The latest of some times (at least one given). */
export function latestOf(times: (Date | null | undefined)[]): Date {
  return new Date(Math.max(...times.filter((t): t is Date => t instanceof Date).map((t) => t.getTime())));
}

export interface BoardTimes {
  createdAt: Date;
  publicChangedAt: Date;
}

/** When what the public is shown of a board (name, code, description) last changed. */
export const boardModifiedAt = (b: BoardTimes): Date => latestOf([b.createdAt, b.publicChangedAt]);

export interface MeetingFactTimes {
  createdAt: Date;
  publicChangedAt: Date;
}

/** When a meeting's public facts (date, time, place, online, cancelled) last changed. */
export const meetingFactsModifiedAt = (m: MeetingFactTimes): Date =>
  latestOf([m.createdAt, m.publicChangedAt]);

export interface MeetingTimes extends MeetingFactTimes {
  agendaPublishedAt: Date | null;
  /** When the latest version of the notes was published; null before the first. */
  notesPublishedAt: Date | null;
}

/** When anything the public is shown of a meeting last changed: its facts, its agenda, its notes. */
export const meetingModifiedAt = (m: MeetingTimes): Date =>
  latestOf([meetingFactsModifiedAt(m), m.agendaPublishedAt, m.notesPublishedAt]);

/** An action on the public tracker: created, its latest public update, its closure (if closed). */
export const actionModifiedAt = (
  createdAt: Date,
  latestPublicUpdateAt: Date | undefined,
  closedAt: Date | null,
) => latestOf([createdAt, latestPublicUpdateAt, closedAt]);
