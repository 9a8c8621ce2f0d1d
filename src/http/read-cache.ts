import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ChangeFeed } from '../db/change-feed.ts';
import { GenerationCache } from '../db/generation-cache.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this GET's 200 answers per caller until the data changes (see read-cache.ts). */
    readCache?: boolean;
  }
  interface FastifyInstance {
    readCache: ReadCacheStats;
  }
}

export interface ReadCacheStats {
  enabled: boolean;
  hits: number;
  misses: number;
  /** Requests answered without the cache because other processes' changes could not be observed. */
  bypassed: number;
}

interface Entry {
  body: string;
  etag: string | undefined;
}

const pending = Symbol('read cache pending entry');
type Pending = { key: string; generation: number; settle: (entry: Entry | null) => void };

/**
 * A per-process cache of serialised API answers, for the reads that every screen repeats (a
 * meeting, an action list, a search). Safe by construction rather than by expiry:
 *
 * - an entry belongs to one signed-in user (the key is user + URL), so nothing computed for one
 *   caller's permissions is ever served to another;
 * - an entry is good only at the change-feed generation it was made at, and every write (this
 *   process's, synchronously; any other process's, by NOTIFY within milliseconds) moves the
 *   generation, so a write is never followed by a stale read from the writer;
 * - on PostgreSQL, while the NOTIFY listener is down, the cache is bypassed entirely;
 * - entries also expire after READ_CACHE_TTL_SECONDS, which bounds answers that depend on the
 *   clock (what is overdue today) and the memory kept (READ_CACHE_MB in all).
 */
export const readCachePlugin = fp(
  async (app: FastifyInstance, opts: { feed: ChangeFeed | undefined; maxBytes: number; ttlMs: number }) => {
    const stats: ReadCacheStats = { enabled: false, hits: 0, misses: 0, bypassed: 0 };
    app.decorate('readCache', stats);
    const { feed } = opts;
    if (!feed || opts.maxBytes <= 0) return;
    stats.enabled = true;
    const stop = await feed.listen(app.log);
    app.addHook('onClose', () => stop());

    const inflight = new Map<string, { generation: number; answer: Promise<Entry | null> }>();
    const cache = new GenerationCache<Entry>(feed, {
      maxSize: opts.maxBytes,
      sizeOf: (entry, key) => entry.body.length * 2 + key.length * 2 + 64,
      ttlMs: opts.ttlMs,
    });

    app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
      if (!request.routeOptions.config?.readCache || request.method !== 'GET' || !request.actor) return;
      if (!feed.observed) {
        stats.bypassed += 1;
        return;
      }
      const key = `${request.actor.userId} ${request.url}`;
      const generation = feed.generation;
      const send = (entry: Entry) => {
        stats.hits += 1;
        if (entry.etag) reply.header('etag', entry.etag);
        reply.code(200).type('application/json; charset=utf-8');
        return reply.send(entry.body);
      };
      const hit = cache.get(key);
      if (hit) return send(hit);
      // The same read already being computed at this generation (ten tabs opening one meeting):
      // wait for that answer instead of computing it again.
      const running = inflight.get(key);
      if (running && running.generation === generation) {
        const entry = await running.answer;
        if (entry && generation === feed.generation) return send(entry);
      }
      stats.misses += 1;
      let settle: (entry: Entry | null) => void = () => {};
      const answer = new Promise<Entry | null>((resolve) => {
        settle = resolve;
      });
      inflight.set(key, { generation, answer });
      (request as unknown as Record<symbol, Pending>)[pending] = {
        key,
        generation,
        settle: (entry) => {
          if (inflight.get(key)?.answer === answer) inflight.delete(key);
          settle(entry);
        },
      };
    });

    // Whatever the outcome (an error, a client gone), waiters are released.
    app.addHook('onResponse', async (request) => {
      (request as unknown as Record<symbol, Pending | undefined>)[pending]?.settle(null);
    });

    app.addHook('onSend', async (request, reply, payload) => {
      const entry = (request as unknown as Record<symbol, Pending | undefined>)[pending];
      if (!entry || reply.statusCode !== 200 || typeof payload !== 'string') return;
      const etag = reply.getHeader('etag');
      const made: Entry = { body: payload, etag: typeof etag === 'string' ? etag : undefined };
      // Nothing is kept (or handed to waiters) if something changed while it was being computed.
      if (cache.set(entry.key, entry.generation, made)) entry.settle(made);
    });
  },
  { name: 'read-cache' },
);
