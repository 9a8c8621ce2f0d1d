// UK-style meeting dates: "Tuesday 24 March 2026", "24th March 2026", "24/03/2026".

export interface FoundDate {
  iso: string;
  /** The date as printed, e.g. "Tuesday 24 March 2026". */
  text: string;
  /** Weekday printed alongside the date, when it disagrees with the calendar. */
  weekdayMismatch: string | null;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

const LONG_DATE =
  /\b(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?,?\s+(\d{4})\b/i;
const NUMERIC_DATE =
  /\b(?:(monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(\d{1,2})\/(\d{1,2})\/(\d{4})\b/i;

function toIso(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February into March; reject instead of guessing.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayMismatch(iso: string, printedWeekday: string | undefined): string | null {
  if (printedWeekday === undefined) return null;
  const actual = WEEKDAYS[new Date(`${iso}T00:00:00Z`).getUTCDay()];
  return actual === printedWeekday.toLowerCase() ? null : printedWeekday;
}

/** Finds the first calendar date in `text`, or null when there is none or it is impossible. */
export function findDate(text: string): FoundDate | null {
  const long = LONG_DATE.exec(text);
  if (long) {
    const [whole, weekday, day = '', monthName = '', year = ''] = long;
    const iso = toIso(Number(year), MONTHS.indexOf(monthName.slice(0, 3).toLowerCase()) + 1, Number(day));
    return iso ? { iso, text: whole, weekdayMismatch: weekdayMismatch(iso, weekday) } : null;
  }
  const numeric = NUMERIC_DATE.exec(text);
  if (numeric) {
    const [whole, weekday, day = '', month = '', year = ''] = numeric;
    const iso = toIso(Number(year), Number(month), Number(day));
    return iso ? { iso, text: whole, weekdayMismatch: weekdayMismatch(iso, weekday) } : null;
  }
  return null;
}

/** True when the text is just a date (optionally with a time), i.e. a date line in a header. */
export function isDateLine(text: string): boolean {
  const found = findDate(text);
  if (!found) return false;
  const rest = text
    .replace(found.text, '')
    .replace(
      /\b(?:at|from)?\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?(?:\s*[-–]\s*\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm)?)?/gi,
      '',
    )
    .replace(/[\s,.:;()–-]+/g, '');
  return rest.length === 0;
}
