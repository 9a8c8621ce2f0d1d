import type {
  CompiledQuery,
  DatabaseConnection,
  DatabaseIntrospector,
  Dialect,
  DialectAdapter,
  Driver,
  Kysely,
  QueryCompiler,
} from 'kysely';
import { boundMember } from './bound-member.ts';
import type { ChangeFeed } from './change-feed.ts';

/**
 * Wraps a Kysely dialect so that every write made through it moves the change feed's generation
 * as soon as it is durable: after an autocommit statement returns, and after the commit of a
 * transaction that wrote. (A write inside a transaction also moves it at once: an entry cached from
 * a read of the not-yet-committed state is then dropped again at the commit.)
 */
export class ChangeTrackingDialect implements Dialect {
  constructor(
    private readonly inner: Dialect,
    private readonly feed: ChangeFeed,
  ) {}

  createDriver(): Driver {
    return trackDriver(this.inner.createDriver(), this.feed);
  }
  createQueryCompiler(): QueryCompiler {
    return this.inner.createQueryCompiler();
  }
  createAdapter(): DialectAdapter {
    return this.inner.createAdapter();
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely's Dialect interface takes Kysely<any>
  createIntrospector(db: Kysely<any>): DatabaseIntrospector {
    return this.inner.createIntrospector(db);
  }
}

const RAW = Symbol('raw connection');
const READ_ONLY_RAW =
  /^\s*(select|with|values|table|show|explain|begin|start\s+transaction|savepoint|release|rollback|commit|set)\b/i;
const WRITE_WORDS = /\b(insert|update|delete|merge|truncate|nextval|setval|pg_notify|copy)\b/i;

/** Whether a statement may change data. Errs towards yes: a needless invalidation only costs a cache miss. */
export function mayWrite(query: CompiledQuery): boolean {
  const kind = query.query.kind;
  if (kind === 'SelectQueryNode') return false;
  if (kind !== 'RawNode') return true;
  return !READ_ONLY_RAW.test(query.sql) || WRITE_WORDS.test(query.sql);
}

function trackDriver(driver: Driver, feed: ChangeFeed): Driver {
  // Connections that wrote inside the transaction now open on them.
  const dirty = new WeakSet<object>();
  const inTransaction = new WeakSet<object>();
  const wrapped = new WeakMap<object, DatabaseConnection>();

  const wrap = (connection: DatabaseConnection): DatabaseConnection => {
    const known = wrapped.get(connection);
    if (known) return known;
    const proxy = new Proxy(connection, {
      get(target, property) {
        if (property === RAW) return target;
        if (property === 'executeQuery') {
          return async (query: CompiledQuery) => {
            const result = await target.executeQuery(query);
            if (mayWrite(query)) {
              if (inTransaction.has(target)) dirty.add(target);
              feed.noteChange();
            }
            return result;
          };
        }
        return boundMember(target, property);
      },
    });
    wrapped.set(connection, proxy);
    return proxy;
  };
  const unwrap = (connection: DatabaseConnection): object =>
    (connection as unknown as { [RAW]?: object })[RAW] ?? connection;
  /** The end of a transaction: a commit of one that wrote moves the generation (again, now durably). */
  const ending =
    (end: (connection: DatabaseConnection) => Promise<void>, committed: boolean) =>
    async (connection: DatabaseConnection) => {
      const raw = unwrap(connection);
      try {
        await end(connection);
      } finally {
        inTransaction.delete(raw);
        if (dirty.delete(raw) && committed) feed.noteChange();
      }
    };

  return new Proxy(driver, {
    get(target, property) {
      switch (property) {
        case 'acquireConnection':
          return async () => wrap(await target.acquireConnection());
        case 'beginTransaction':
          return async (connection: DatabaseConnection, settings: never) => {
            await target.beginTransaction(connection, settings);
            inTransaction.add(unwrap(connection));
          };
        case 'commitTransaction':
          return ending((connection) => target.commitTransaction(connection), true);
        case 'rollbackTransaction':
          return ending((connection) => target.rollbackTransaction(connection), false);
      }
      return boundMember(target, property);
    },
  });
}
