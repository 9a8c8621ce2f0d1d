/** Why this file exists: the column types the table files share (timestamps, dates, generated columns). */
import type { ColumnType } from 'kysely';

/** A timestamp the database defaults (now()): an insert may leave it out. */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A NOT NULL timestamp with no default: an insert must give it. */
export type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Written only by a trigger: never inserted or updated by the application. */
export type ReadonlyGenerated = ColumnType<Date, never, never>;
/** A calendar date as 'YYYY-MM-DD' (both drivers are set to return it as text). */
export type DateOnly = string;
/** Generated always (to_tsvector(...) stored): never written; nullable, as generated columns are. */
export type Tsvector = ColumnType<string | null, never, never>;
