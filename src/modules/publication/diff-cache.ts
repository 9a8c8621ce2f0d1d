/**
 * What changed between two published versions (notes, a decision) is a line diff whose LCS costs
 * up to 4M cells on the event loop — and anyone may ask for it without signing in. Frozen versions
 * never change (the database refuses updates and deletes of version rows), so the diff of a pair is
 * computed once per process and kept, keyed by (kind, from-version id, to-version id), in a bounded
 * LRU: memory stays capped (by the size of the diffs' text), a pair asked for again costs a map
 * look-up, and concurrent requests for a pair not yet computed share one computation. Being keyed
 * by the versions' row ids, an entry can never be served for other content; nothing needs dropping.
 * (A table filled at publication would survive restarts; not needed while a restart costs one
 * computation per pair asked for again.) The public diff routes are also rate-limited
 * (src/http/rate-limits.ts), which bounds the distinct pairs one client can make us compute.
 */
import { LRUCache } from 'lru-cache';
import type { NotesDiff } from './schemas.ts';

export type DiffKind = 'notes' | 'decision';

/** About 64 MB, far above what the few hundred diffs a site publishes need. */
const MAX_BYTES = 64 * 1024 * 1024;

const cache = new LRUCache<string, NotesDiff>({
  maxSize: MAX_BYTES,
  // The text (UTF-16) and the hunks, which hold the same lines again as objects: about twice the text.
  sizeCalculation: (diff) => diff.text.length * 4 + diff.hunks.length * 64 + 64,
});
const inFlight = new Map<string, Promise<NotesDiff>>();

/** Counters for tests and diagnostics: how often a diff was computed, and how often it was not. */
export const diffCacheStats = { computed: 0, hits: 0 };

/** The diff of two frozen versions, computed by `compute` only the first time the pair is asked for. */
export function cachedDiff(
  kind: DiffKind,
  fromVersionId: string,
  toVersionId: string,
  compute: () => Promise<NotesDiff>,
): Promise<NotesDiff> {
  const key = `${kind}:${fromVersionId}:${toVersionId}`;
  const hit = cache.get(key) ?? inFlight.get(key);
  if (hit) {
    diffCacheStats.hits++;
    return Promise.resolve(hit);
  }
  diffCacheStats.computed++;
  const pending = compute()
    .then((diff) => {
      cache.set(key, diff);
      return diff;
    })
    .finally(() => inFlight.delete(key));
  inFlight.set(key, pending);
  return pending;
}
