import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

type Logger = { warn(obj: object, msg: string): void };

export const CHANGES_CHANNEL = 'boardroom_changes';
const RECONNECT_MS = 1_000;

type Source =
  | {
      kind: 'postgres';
      url: string;
      /** `boardroom.origin` of this process's own connections, whose writes it already knows of. */
      origin?: string;
    }
  | { kind: 'embedded'; pglite: PGlite };

/**
 * A counter that moves whenever the database's data may have changed, so caches can tell whether an
 * entry is still current: an entry made at generation g is good only while the generation is g.
 *
 * - Writes made through this process's Kysely instance move it synchronously, after the statement
 *   (autocommit) or after the commit of a transaction that wrote (see `tracking-dialect.ts`), so a
 *   client always reads its own writes.
 * - Writes made anywhere else (another process, psql) arrive as NOTIFY from the triggers of
 *   migration 0007, through `listen()`. Until a listener is connected on PostgreSQL, `observed` is
 *   false and callers must not trust cached data; when a lost listener reconnects, the generation
 *   moves, since notifications sent meanwhile are lost.
 */
export class ChangeFeed {
  #generation = 0;
  #listeners = 0;
  #connected = false;
  #stop: (() => Promise<void>) | null = null;

  constructor(private readonly source: Source) {}

  get generation(): number {
    return this.#generation;
  }

  /** True when every change to the database, whoever makes it, moves the generation. */
  get observed(): boolean {
    return this.#connected;
  }

  noteChange(): void {
    this.#generation += 1;
  }

  /** Starts listening for other processes' changes (shared by every caller); the returned function stops it. */
  async listen(log?: Logger): Promise<() => Promise<void>> {
    this.#listeners += 1;
    if (this.#listeners === 1) {
      this.#stop =
        this.source.kind === 'embedded'
          ? await this.#listenEmbedded(this.source.pglite)
          : await this.#listenPostgres(this.source.url, this.source.origin, log);
    }
    let stopped = false;
    return async () => {
      if (stopped) return;
      stopped = true;
      this.#listeners -= 1;
      if (this.#listeners === 0) {
        const stop = this.#stop;
        this.#stop = null;
        this.#connected = false;
        this.noteChange();
        await stop?.();
      }
    };
  }

  async #listenEmbedded(pglite: PGlite): Promise<() => Promise<void>> {
    // One process owns an embedded database, and the tracking dialect sees its writes; the
    // notifications also cover writes made through the PGlite instance directly.
    const unsubscribe = await pglite.listen(CHANGES_CHANNEL, () => this.noteChange());
    this.#connected = true;
    return async () => {
      // Closed first (a test of the database going away, a shutdown in the other order): nothing to undo.
      if (pglite.closed) return;
      await unsubscribe().catch(() => {});
    };
  }

  /** Connects once before returning (so caching starts at once), then keeps reconnecting in the background. */
  async #listenPostgres(url: string, origin: string | undefined, log?: Logger): Promise<() => Promise<void>> {
    // The echo of a write through this process's own pool: the tracking dialect counted it at commit.
    const own = origin ? `${origin} ` : null;
    let client: pg.Client | null = null;
    let closed = false;
    let timer: NodeJS.Timeout | null = null;

    const lost = (err?: unknown) => {
      if (err) log?.warn({ err }, 'change notifications lost; cached reads are bypassed until they return');
      this.#connected = false;
      this.noteChange();
      void detach(client);
      client = null;
      if (!closed && !timer) {
        timer = setTimeout(connect, RECONNECT_MS);
        timer.unref();
      }
    };
    const connect = async () => {
      timer = null;
      if (closed) return;
      const next = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
      client = next;
      next.on('error', lost);
      next.on('end', () => client === next && lost());
      next.on('notification', (message) => {
        if (own && message.payload?.startsWith(own)) return;
        this.noteChange();
      });
      try {
        await next.connect();
        await next.query(`listen ${CHANGES_CHANNEL}`);
        if (client !== next || closed) return;
        // Anything written while nobody listened is unknown: start from a new generation.
        this.noteChange();
        this.#connected = true;
      } catch (err) {
        if (client === next) lost(err);
      }
    };
    await connect();
    return async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      const last = client;
      client = null;
      await detach(last);
    };
  }
}

/** Ends a listener connection that no longer matters: its events, errors included, are ignored. */
async function detach(client: pg.Client | null): Promise<void> {
  if (!client) return;
  client.removeAllListeners();
  client.on('error', () => {});
  await client.end().catch(() => {});
}

const feeds = new WeakMap<object, ChangeFeed>();

export function registerChangeFeed(db: object, feed: ChangeFeed): void {
  feeds.set(db, feed);
}

/** The change feed of a Kysely instance opened by `openDatabase`, if it has one. */
export function changeFeedOf(db: object): ChangeFeed | undefined {
  return feeds.get(db);
}
