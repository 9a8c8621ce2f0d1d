/** Why this file exists: the column types the table files share (timestamps, dates, generated columns). */
import type { ColumnType } from 'kysely';

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** Written only by a trigger: never inserted or updated by the application. */
export type ReadonlyGenerated = ColumnType<Date, never, never>;
/** A calendar date as 'YYYY-MM-DD' (both drivers are set to return it as text). */
export type DateOnly = string;
export type Tsvector = ColumnType<string, never, never>;
