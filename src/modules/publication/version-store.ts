/**
 * The frozen versions of notes and of decisions are stored alike: a table per kind with the same
 * columns (FrozenVersionColumns in db/schema.ts), keyed by its owner (the meeting, the decision) and
 * the version number, inserted once and then only read (the database refuses updates and deletes).
 * The SQL for both is here, once; each repo names its table and the columns its listings read.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database } from '../../db/database.ts';
import type { DB } from '../../db/schema.ts';

const OWNER = { notes_versions: 'meeting_id', decision_versions: 'decision_id' } as const;
type VersionTable = keyof typeof OWNER;
type Row<T extends VersionTable> = Selectable<DB[T]>;
type Columns<T extends VersionTable, K> = Pick<Row<T>, Extract<keyof Row<T>, K>>;

/** What every listing of versions reads: all but the bytes, the JSON and the search text. */
export const FROZEN_META = [
  'id',
  'version_no',
  'published_at',
  'published_by_name',
  'reason',
  'json_sha256',
  'pdf_sha256',
  'pdf_filename',
  'pdf_size',
] as const;

/**
 * Kysely cannot type a query on a table chosen at run time: the queries run untyped and their rows
 * are typed here from DB[T], with the columns they select.
 */
// biome-ignore lint/suspicious/noExplicitAny: see above; the results are typed by the callers' signatures
const untyped = (db: Database) => db as unknown as Kysely<any>;

export function versionStore<T extends VersionTable, M extends keyof Row<T> & string>(
  table: T,
  meta: readonly M[],
) {
  const name: string = table;
  const owner: string = OWNER[table];
  const columns: readonly string[] = meta;
  const one = <K extends string>(db: Database, ownerId: string, versionNo: number, column: K) =>
    untyped(db)
      .selectFrom(name)
      .select([...columns, column])
      .where(owner, '=', ownerId)
      .where('version_no', '=', versionNo)
      .executeTakeFirst() as Promise<Columns<T, M | K> | undefined>;
  return {
    /** The versions of these owners, by owner, oldest first. */
    list(db: Database, ownerIds: readonly string[]): Promise<Columns<T, M>[]> {
      if (!ownerIds.length) return Promise.resolve([]);
      return untyped(db)
        .selectFrom(name)
        .select(columns)
        .where(owner, 'in', ownerIds)
        .orderBy(owner)
        .orderBy('version_no')
        .execute() as Promise<Columns<T, M>[]>;
    },
    latest(db: Database, ownerId: string) {
      return untyped(db)
        .selectFrom(name)
        .select([...columns, 'canonical_json'])
        .where(owner, '=', ownerId)
        .orderBy('version_no', 'desc')
        .limit(1)
        .executeTakeFirst() as Promise<Columns<T, M | 'canonical_json'> | undefined>;
    },
    /** One version's listing columns, without the JSON or the bytes. */
    findMeta: (db: Database, ownerId: string, versionNo: number) =>
      untyped(db)
        .selectFrom(name)
        .select(columns)
        .where(owner, '=', ownerId)
        .where('version_no', '=', versionNo)
        .executeTakeFirst() as Promise<Columns<T, M> | undefined>,
    findJson: (db: Database, ownerId: string, versionNo: number) =>
      one(db, ownerId, versionNo, 'canonical_json'),
    findPdf: (db: Database, ownerId: string, versionNo: number) => one(db, ownerId, versionNo, 'pdf'),
    async insert(db: Database, row: Insertable<DB[T]>): Promise<string> {
      const inserted = await untyped(db)
        .insertInto(name)
        .values(row)
        .returning('id')
        .executeTakeFirstOrThrow();
      return inserted.id as string;
    },
  };
}
