/** Why this file exists: how the public pages print dates, times, places and action rows, shared by every public page. */
import { paths } from '../../public/paths.ts';
import type * as read from '../../public/read/index.ts';
import { formatLongDate, formatTime } from '../../text/date-format.ts';
import { londonDate } from '../../time/london.ts';

export const dateText = (date: string) => formatLongDate(date);
export const instantText = (at: Date) => {
  const iso = at.toISOString();
  return `${formatLongDate(londonDate(at))} at ${formatTime(iso)}`;
};
export const timeText = (time: string | null) => time ?? 'To be confirmed';
export const placeText = (place: string) => place || 'To be confirmed';

/** Rows on a page of the public lists (the open data's default `limit` is 100 too). */
export const PER_PAGE = { meetings: 50, actions: 100, decisions: 50 } as const;

/** A page number to keep in another list's links: none for page 1. */
export const keptPage = (page: number) => (page > 1 ? page : undefined);

export const TAGS: Record<read.PublicActionStatus, string> = {
  open: 'tag--yellow',
  in_progress: 'tag',
  closed: 'tag--green',
};

export function actionRow(a: read.PublicAction) {
  return {
    href: paths.action(a.id),
    reference: a.reference,
    text: a.text,
    owner: a.owner.name,
    meetingHref: paths.meeting(a.meeting.id),
    meetingDateText: dateText(a.meeting.date),
    dueText: a.dueDate ? dateText(a.dueDate) : 'No date set',
    status: a.overdue
      ? { tagClass: 'tag--red', label: `Overdue (${a.statusLabel.toLowerCase()})` }
      : { tagClass: TAGS[a.status], label: a.statusLabel },
    latestUpdate: a.latestUpdate
      ? { dateText: dateText(a.latestUpdate.date), text: a.latestUpdate.text }
      : null,
    closedText: a.closedOn ? dateText(a.closedOn) : null,
  };
}
