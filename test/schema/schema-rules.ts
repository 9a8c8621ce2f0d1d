/**
 * Why this exists: the type-level rules test/schema/schema-check.generated.ts applies to each column
 * of src/db/schema.ts, so that a difference from the migrated database is a `tsc` error that names
 * the table and column. Each check is `never` when both agree, else the message(s).
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

/** One column as the database has it (see introspect.ts for `fill`). */
export interface Col<PgType extends string, Type, Nullable extends boolean, Fill extends string> {
  pgType: PgType;
  type: Type;
  nullable: Nullable;
  fill: Fill;
}

/** Fails to compile unless E is never; the error prints E, the list of differences. */
export type Ok<E extends never> = E;

type Missing<Label extends string, Have, Want, Side extends string> = [Exclude<Want, Have>] extends [never]
  ? never
  : `${Label}: ${Exclude<Want, Have> & string} ${Side}`;

type SameKeys<Label extends string, Have, Want> =
  | Missing<Label, Have, Want, 'is in the database but not in schema.ts'>
  | Missing<Label, Want, Have, 'is in schema.ts but not in the database'>;

/**
 * Columns the database gives a default but schema.ts deliberately makes an insert give (reviewed
 * exceptions; keep short). search_text: a frozen version published without its text would be
 * silently unsearchable, so the compiler insists on it.
 */
type RequiredDespiteDefault = 'notes_versions.search_text' | 'decision_versions.search_text';

/** Keys an object type must have (an empty object lacks them). */
type RequiredKeys<T> = { [K in keyof T]-?: Record<never, never> extends Pick<T, K> ? never : K }[keyof T];

type Is<A, B> = [A] extends [B] ? true : false;

type ColumnErrors<Row, Where extends string, K extends string, C> =
  C extends Col<infer PgType, infer Type, infer Nullable, infer Fill>
    ? K extends keyof Selectable<Row>
      ?
          | SelectErrors<Where, PgType, Selectable<Row>[K], Type, Nullable>
          | InsertErrors<
              Where,
              Is<K, keyof Insertable<Row>>,
              Is<K, RequiredKeys<Insertable<Row>>>,
              Nullable,
              Fill
            >
          | (Fill extends 'always'
              ? Is<K, keyof Updateable<Row>> extends true
                ? `${Where}: GENERATED ALWAYS, so its update type must be never`
                : never
              : never)
      : `${Where}: its select type is never`
    : never;

type SelectErrors<Where extends string, PgType extends string, Sel, Type, Nullable> =
  | (Is<NonNullable<Sel>, Type> extends true ? never : `${Where}: its type does not fit ${PgType}`)
  // `unknown` (untyped JSON) claims nothing about null either way.
  | (unknown extends Sel
      ? never
      : Nullable extends true
        ? null extends Sel
          ? never
          : `${Where}: nullable in the database, so its type needs | null`
        : null extends Sel
          ? `${Where}: NOT NULL in the database, so its type must not include null`
          : never);

type InsertErrors<Where extends string, Insertable, Required, Nullable, Fill> = Fill extends 'always'
  ? Insertable extends true
    ? `${Where}: GENERATED ALWAYS, so its insert type must be never`
    : never
  : Fill extends 'default'
    ? Required extends true
      ? Where extends RequiredDespiteDefault
        ? never
        : `${Where}: has a default, so an insert may leave it out (Generated<> or an insert type with | undefined)`
      : never
    : // NOT NULL with no default: an insert must give it, unless schema.ts says the database fills it
      // (insert type never: a trigger does).
      Nullable extends false
      ? Insertable extends true
        ? Required extends true
          ? never
          : `${Where}: NOT NULL without a default, so an insert must give it (no | undefined in its insert type)`
        : never
      : never;

/** Tables in one and not the other. */
export type Tables<DB, M> = SameKeys<'DB', keyof DB, keyof M>;

/** Columns of table T in one and not the other. */
export type Columns<DB, M, T extends string> = T extends keyof DB & keyof M
  ? SameKeys<T, keyof DB[T], keyof M[T]>
  : never;

/** How column T.K of the DB type differs from the database (never when it does not, or is missing). */
export type Column<DB, M, T extends string, K extends string> = T extends keyof DB & keyof M
  ? K extends keyof DB[T] & keyof M[T]
    ? ColumnErrors<DB[T], `${T}.${K}`, K, M[T][K]>
    : never
  : never;
