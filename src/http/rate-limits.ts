/**
 * Rate limits shared by routes that cost the server CPU and that anyone may call without signing in:
 * public search and the diffs between published versions (API and website), per client address
 * (`TRUST_PROXY` decides which). One place, so "rate-limited like search" stays true as either changes.
 * Each route keeps its own count; over the limit is 429 with `Retry-After`.
 */
export const publicCostlyRateLimit = { max: 60, timeWindow: '1 minute' } as const;
