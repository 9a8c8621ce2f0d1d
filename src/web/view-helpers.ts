/**
 * The only helpers web templates may call (compiled with knownHelpersOnly). Each returns a plain
 * string that Handlebars escapes, except `json`, which returns JSON made safe for a
 * <script type="application/json"> element.
 */
import Handlebars from 'handlebars';
import { formatLongDate, formatShortDate, formatTime } from '../text/date-format.ts';
import { pluralise } from '../text/text-format.ts';

type Helper = (...args: unknown[]) => unknown;

/** Dates reach templates as 'YYYY-MM-DD', ISO instants or Date objects. */
function dateText(value: unknown, helper: string): string {
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string') return value;
  throw new TypeError(`${helper}: expected a date, got ${typeof value}`);
}

/** JSON that cannot close its <script> element nor open a comment: every "<" is escaped. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Handlebars passes its options object as the last argument; helpers drop it. */
function args(all: unknown[]): unknown[] {
  return all.slice(0, -1);
}

export function webHelpers(assetUrl: (name: string) => string): Record<string, Helper> {
  return {
    eq: (a, b) => a === b,
    not: (a) => !a,
    and: (...all) => args(all).every(Boolean),
    or: (...all) => args(all).some(Boolean),
    asset: (name) => {
      if (typeof name !== 'string') throw new TypeError('asset: expected a file name');
      return assetUrl(name);
    },
    longDate: (value) => formatLongDate(dateText(value, 'longDate')),
    shortDate: (value) => formatShortDate(dateText(value, 'shortDate')),
    time: (value) => formatTime(dateText(value, 'time')),
    dateTime: (value) => {
      const iso = dateText(value, 'dateTime');
      return `${formatShortDate(iso)}, ${formatTime(iso)}`;
    },
    plural: (n, singular, plural) => {
      if (typeof n !== 'number' || typeof singular !== 'string' || typeof plural !== 'string') {
        throw new TypeError('plural: expected a number and two words');
      }
      return pluralise(n, singular, plural);
    },
    json: (value) => new Handlebars.SafeString(scriptJson(value)),
  };
}
