/**
 * Calendar days in Europe/London. Meeting dates, due dates and "overdue" are London days; instants
 * are stored as timestamptz, so a 23:30 UTC instant in summer belongs to the next London day.
 */
const londonDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** 'YYYY-MM-DD' of an instant in London. */
export function londonDate(instant: Date): string {
  return londonDay.format(instant);
}

export function todayInLondon(now: Date = new Date()): string {
  return londonDate(now);
}

/** 'YYYY-MM-DD' plus n calendar days. */
export function addDays(date: string, days: number): string {
  const t = Date.parse(`${date}T00:00:00Z`) + days * 86_400_000;
  return new Date(t).toISOString().slice(0, 10);
}

/** The instant a London calendar day starts (London is UTC+0 or UTC+1; clocks never change at midnight). */
export function startOfLondonDay(date: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  for (const offsetHours of [0, 1]) {
    const candidate = new Date(utcMidnight - offsetHours * 3_600_000);
    if (londonDate(candidate) === date && londonDate(new Date(candidate.getTime() - 1)) !== date)
      return candidate;
  }
  throw new RangeError(`Not a London calendar day: ${date}`);
}

/** The last millisecond of a London calendar day. */
export function endOfLondonDay(date: string): Date {
  return new Date(startOfLondonDay(addDays(date, 1)).getTime() - 1);
}
