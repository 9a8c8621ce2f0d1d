import { z } from 'zod';
import { BadRequest } from '../core/errors.ts';

/**
 * Opaque cursors for keyset pagination: the sort key values of the last row, base64url JSON.
 * Offsets would skip or repeat rows while the secretariat edits; keysets do not.
 *
 * A cursor comes back from the client, so it is input like any other: each list declares the zod
 * types of its key tuple (`cursorValue` below) and a cursor that does not match them — a number
 * where a date goes, a year PostgreSQL cannot store, an integer beyond the column's range — is a 400
 * before any SQL runs. (Class 22 database errors are a 400 as well, as the last line.)
 */
export type CursorValue = string | number | null;

/** Year 1 to 9999, real calendar days: what both PostgreSQL and JavaScript agree on. */
function isCalendarDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return year >= 1 && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
/** An ISO instant: "2026-03-24T10:00:00.123456Z" as the lists print them, or with an offset (which may carry seconds). */
const instantPattern =
  /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,6})?([+-](0\d|1[0-5])(:?[0-5]\d){0,2}|Z)$/;

function calendar(pattern: RegExp) {
  return (value: string) => {
    const m = pattern.exec(value);
    return !!m && isCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  };
}

/** The value types a sort key may have; a list's cursor is a `z.tuple` of these. */
export const cursorValue = {
  /** A calendar date, "2026-03-24". */
  date: z.string().refine(calendar(datePattern), 'not a date'),
  /** An instant, ISO 8601 with a zone, at most microseconds (PostgreSQL's precision). */
  instant: z.string().refine(calendar(instantPattern), 'not a timestamp'),
  /** A whole number in [min, max]; the key arrives as text (`::text`) or as a number. */
  int: (min: number, max: number) =>
    z
      .union([
        z.number(),
        z
          .string()
          .regex(/^-?\d{1,10}$/)
          .transform(Number),
      ])
      .pipe(z.number().int().min(min).max(max)),
  /** Any 8-4-4-4-12 hex identifier (rows imported or seeded need not be RFC 4122 v4). */
  uuid: z.guid(),
  /** Text of at most `max` characters, no NUL (PostgreSQL text cannot hold it). */
  text: (max: number) =>
    z
      .string()
      .max(max)
      .regex(/^[^\0]*$/),
};

export function encodeCursor(values: CursorValue[]): string {
  return Buffer.from(JSON.stringify(values)).toString('base64url');
}

export function invalidCursor(): BadRequest {
  return new BadRequest('The cursor is not valid.', [
    { path: 'querystring.cursor', message: 'not a cursor from this API' },
  ]);
}

/** The cursor's key values, checked against the list's key tuple; undefined when there is no cursor. */
export function decodeCursor<S extends z.ZodTuple>(
  cursor: string | undefined,
  shape: S,
): z.output<S> | undefined {
  if (!cursor) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const parsed = shape.safeParse(values);
  if (!parsed.success) throw invalidCursor();
  return parsed.data;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetch limit + 1 rows; this trims the extra one and makes the next cursor from the last kept row. */
export function toPage<T>(rows: T[], limit: number, keyOf: (row: T) => CursorValue[]): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null };
}
