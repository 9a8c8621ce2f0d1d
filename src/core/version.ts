/**
 * Why this file exists: the optimistic-concurrency check services make, kept below http/ so a
 * service needs no HTTP import. The ETag header side (read If-Match, set ETag) stays in
 * src/http/etag.ts.
 */
import { PreconditionFailed } from './errors.ts';

/** Call in the service after reading the row under lock: the stored version must be the one the client read. */
export function assertVersion(expected: number, actual: number): void {
  if (expected !== actual) throw new PreconditionFailed();
}
