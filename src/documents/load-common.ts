/** Pieces the document loaders share: dates in Europe/London, item numbering, ordering. */
import { titleListed } from '../access/index.ts';
import type { Confidentiality } from '../db/schema.ts';
import { formatTime, londonCalendarDate } from '../text/date-format.ts';
import type { BoardRef, MeetingWhen } from './render/view-models.ts';

export function boardRef(name: string, code: string): BoardRef {
  return { name, code };
}

/**
 * When and where a meeting is. A start at exactly midnight means "time not recorded" (imported notes
 * only give a date), so no time is printed rather than "at 00:00".
 */
export function meetingWhen(meeting: { starts_at: Date; location: string; online: boolean }): MeetingWhen {
  const iso = meeting.starts_at.toISOString();
  const time = formatTime(iso);
  const location = meeting.location.trim() || (meeting.online ? 'Online' : '');
  return {
    date: londonCalendarDate(iso),
    startTime: time === '00:00' ? null : time,
    location: location || null,
  };
}

/**
 * Item numbers as every published document prints them: the agenda's numbering, which counts public
 * items and the exempt items the board lists by title. The notes and the action log use the same
 * numbers (the notes skip a listed exempt item's number, which the agenda already made public), and an
 * item that is listed nowhere takes no number, so no gap reveals that something was withheld.
 */
export function publishedItemNumbers(
  items: readonly { id: string; confidentiality: Confidentiality }[],
  listExemptTitles: boolean,
): Map<string, string> {
  const listed = items.filter((item) => titleListed(item, listExemptTitles));
  return new Map(listed.map((item, index) => [item.id, String(index + 1)]));
}

/** "AGB/2026-03/2" before "AGB/2026-03/10". */
export function compareReferences(a: string, b: string): number {
  return a.localeCompare(b, 'en-GB', { numeric: true });
}

export function nonEmpty(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}
