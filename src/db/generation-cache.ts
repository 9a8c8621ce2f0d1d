import { LRUCache } from 'lru-cache';
import type { ChangeFeed } from './change-feed.ts';

/**
 * A bounded cache whose values are good only at the change-feed generation they were computed
 * at, and only while the feed observes every writer: the one rule the read cache and the
 * signed-in-caller cache both rest on. Capture `feed.generation` before computing a value and pass
 * it to `set`, which keeps nothing if the data may have changed meanwhile.
 */
export class GenerationCache<V extends {}> {
  readonly #lru: LRUCache<string, { generation: number; value: V }>;

  constructor(
    private readonly feed: ChangeFeed,
    options: { ttlMs: number } & (
      | { max: number }
      | { maxSize: number; sizeOf: (value: V, key: string) => number }
    ),
  ) {
    this.#lru = new LRUCache({
      ttl: options.ttlMs,
      ...('max' in options
        ? { max: options.max }
        : { maxSize: options.maxSize, sizeCalculation: (entry, key) => options.sizeOf(entry.value, key) }),
    });
  }

  get(key: string): V | undefined {
    const entry = this.#lru.get(key);
    return entry && entry.generation === this.feed.generation && this.feed.observed ? entry.value : undefined;
  }

  /** Stores the value computed from the data as it was at `generation`; false (nothing kept) if that has passed. */
  set(key: string, generation: number, value: V): boolean {
    if (generation !== this.feed.generation || !this.feed.observed) return false;
    this.#lru.set(key, { generation, value });
    return true;
  }
}
