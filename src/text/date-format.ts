/**
 * Dates as the board's published documents print them ("Tuesday 24 March 2026", "10:00").
 * Calendar dates (`YYYY-MM-DD`) are already Europe/London days and are never shifted by a time zone;
 * instants are converted to Europe/London, so a 23:30 UTC timestamp in summer lands on the next day.
 */

const LONDON = 'Europe/London';
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const CLOCK_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

interface ResolvedDate {
  date: Date;
  timeZone: string;
}

function resolve(value: string): ResolvedDate {
  const calendar = CALENDAR_DATE.exec(value);
  if (calendar) {
    const [, y, m, d] = calendar;
    const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
    // Reject 2026-02-31 and friends rather than printing a silently rolled-over date.
    if (date.toISOString().slice(0, 10) !== value) throw new RangeError(`Not a calendar date: ${value}`);
    return { date, timeZone: 'UTC' };
  }
  const date = new Date(value);
  if (Number.isNaN(date.getTime()) || !value.includes('T')) throw new RangeError(`Not an ISO date: ${value}`);
  return { date, timeZone: LONDON };
}

function parts(value: string, options: Intl.DateTimeFormatOptions): Record<string, string> {
  const { date, timeZone } = resolve(value);
  const out: Record<string, string> = {};
  for (const part of new Intl.DateTimeFormat('en-GB', { ...options, timeZone }).formatToParts(date)) {
    out[part.type] = part.value;
  }
  return out;
}

/** "Tuesday 24 March 2026" (Intl's en-GB puts a comma after the weekday; the board's documents do not). */
export function formatLongDate(value: string): string {
  const p = parts(value, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' });
  return `${p.weekday} ${p.day} ${p.month} ${p.year}`;
}

/** "24 Mar 2026", for table cells. */
export function formatShortDate(value: string): string {
  const p = parts(value, { day: 'numeric', month: 'short', year: 'numeric' });
  return `${p.day} ${p.month} ${p.year}`;
}

/** "10:00" from a local clock time or an instant. */
export function formatTime(value: string): string {
  if (CLOCK_TIME.test(value)) return value;
  const p = parts(value, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/** The Europe/London calendar date of an instant, `YYYY-MM-DD` (for filenames). */
export function londonCalendarDate(value: string): string {
  const p = parts(value, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}
