import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequest, Conflict, UnprocessableContent } from '../core/errors.ts';
import { requireUser } from '../core/principal.ts';
import * as repo from '../db/idempotency-keys.ts';
import { joinedTransaction } from '../db/joined-transaction.ts';

/**
 * Idempotency-Key on creates: the same key and body replays the first response; the same key with
 * another body is 422.
 *
 * The claim of the key, the create and the stored response commit in one transaction (the
 * service's own transaction joins it), so they happen together or not at all: if the process or
 * the database dies halfway, the key is free again and nothing was created, and a retry with the
 * same key is safe. A duplicate arriving while the first is running waits on the key's unique
 * index and then replays the first answer (or, if the first failed, runs itself).
 */
export async function idempotent<T>(
  request: FastifyRequest,
  reply: FastifyReply,
  status: number,
  create: () => Promise<T>,
): Promise<T> {
  const header = request.headers['idempotency-key'];
  if (header === undefined) {
    reply.code(status);
    return create();
  }
  const key = String(header);
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw new BadRequest('Idempotency-Key must be 1 to 200 visible ASCII characters.', [
      { path: 'headers.idempotency-key', message: 'invalid' },
    ]);
  }
  const user = requireUser(request.actor);
  const route = `${request.method} ${request.routeOptions.url ?? request.url}`;
  const requestHash = createHash('sha256')
    .update(`${request.method} ${request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');

  return request
    .ctx()
    .db.transaction()
    .execute(async (trx) => {
      if (!(await repo.claimKey(trx, { userId: user.userId, key, route, requestHash }))) {
        const existing = await repo.findKey(trx, user.userId, key);
        if (!existing || existing.request_hash !== requestHash) {
          throw new UnprocessableContent('This Idempotency-Key was already used for a different request.');
        }
        // Only rows left by an older version of this code can be unfinished.
        if (existing.status_code === null)
          throw new Conflict('A request with this Idempotency-Key is still in progress.');
        reply.header('idempotent-replayed', 'true');
        reply.code(existing.status_code);
        // The stored body is already the serialised response (dates as strings): send it as it was.
        reply.serializer(JSON.stringify);
        return existing.response_body as T;
      }
      request.transaction = joinedTransaction(trx);
      try {
        const result = await create();
        await repo.completeKey(trx, user.userId, key, status, result);
        reply.code(status);
        return result;
      } finally {
        request.transaction = null;
      }
    });
}
