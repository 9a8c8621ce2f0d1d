import type { FastifyReply, FastifyRequest } from 'fastify';
import { PreconditionFailed, PreconditionRequired } from '../core/errors.ts';

/**
 * Optimistic concurrency for long-text updates: every editable row has an integer `version`; its
 * ETag is W/"<id>:<version>". A PATCH must send If-Match with the ETag it last read
 * (428 without one, 412 when stale), so two editors never silently overwrite each other.
 */
export function etagFor(id: string, version: number): string {
  return `W/"${id}:${version}"`;
}

export function setEtag(reply: FastifyReply, id: string, version: number): void {
  reply.header('etag', etagFor(id, version));
}

/** The version the client says it is editing; throws 428 when If-Match is missing, 412 when malformed. */
export function requireIfMatch(request: FastifyRequest, id: string): number {
  const header = request.headers['if-match'];
  if (!header) throw new PreconditionRequired();
  const match = /^(?:W\/)?"([0-9a-f-]{36}):(\d{1,9})"$/.exec(String(header).trim());
  if (!match || match[1] !== id)
    throw new PreconditionFailed('If-Match does not name this resource’s current ETag.');
  return Number(match[2]);
}
