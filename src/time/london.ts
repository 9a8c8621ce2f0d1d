/**
 * Time in Europe/London, in one place. Meetings happen at a London wall-clock time but are stored
 * as instants (timestamptz); meeting dates, due dates and "overdue" are London calendar days. The
 * runtime's time-zone data does the GMT/BST arithmetic, not hand-written DST rules.
 */

const zone = 'Europe/London';

const wallClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: zone,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

export interface LocalDateTime {
  /** 'YYYY-MM-DD' */
  date: string;
  /** 'HH:MM' */
  time: string;
}

function parts(instant: Date): Record<string, string> {
  return Object.fromEntries(wallClock.formatToParts(instant).map((p) => [p.type, p.value]));
}

/** The London wall-clock date and time of an instant. */
export function toLondon(instant: Date): LocalDateTime {
  const p = parts(instant);
  return { date: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}` };
}

/** London wall clock read as if it were UTC, in ms: the difference to the instant is the offset. */
function wallClockAsUtc(instant: number): number {
  const p = parts(new Date(instant));
  return Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
    Number(p.second),
  );
}

/**
 * The instant at which London clocks show `date` `time`. Returns null for a time that does not
 * exist (the hour skipped when clocks go forward); for the repeated hour in October it takes the
 * first occurrence (BST), as a meeting would.
 */
export function fromLondon(date: string, time: string): Date | null {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const naive = Date.UTC(y, m - 1, d, hh, mm);
  const hour = 3_600_000;
  // The offsets in force half a day either side cover every transition (UK changes are 1 h).
  const offsets = new Set([
    wallClockAsUtc(naive - 12 * hour) - (naive - 12 * hour),
    wallClockAsUtc(naive + 12 * hour) - (naive + 12 * hour),
  ]);
  const candidates = [...offsets]
    .map((offset) => naive - offset)
    .filter((instant) => wallClockAsUtc(instant) === naive)
    .sort((a, b) => a - b);
  return candidates.length ? new Date(candidates[0]!) : null;
}

/** A calendar date moved by whole days ('YYYY-MM-DD' in, 'YYYY-MM-DD' out). */
export function addDays(date: string, days: number): string {
  const t = new Date(`${date}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + days);
  return t.toISOString().slice(0, 10);
}

/** 'YYYY-MM-DD' of an instant in London (a 23:30 UTC instant in summer is the next London day). */
export function londonDate(instant: Date): string {
  return toLondon(instant).date;
}

export function todayInLondon(now: Date = new Date()): string {
  return londonDate(now);
}

/** The instant a London calendar day starts (midnight always exists in the UK). */
export function startOfLondonDay(date: string): Date {
  const start = fromLondon(date, '00:00');
  if (!start) throw new RangeError(`Not a London calendar day: ${date}`);
  return start;
}

/** The last millisecond of a London calendar day. */
export function endOfLondonDay(date: string): Date {
  return new Date(startOfLondonDay(addDays(date, 1)).getTime() - 1);
}
