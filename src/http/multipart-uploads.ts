/**
 * Malformed multipart bodies are the client's error. The parser (busboy, under @fastify/multipart)
 * throws plain errors with no status for a missing or empty boundary, a body cut short or a part
 * without headers; unhandled, those were 500s that anyone could cause. Here they become 400.
 */
import fastifyMultipart, { type FastifyMultipartBaseOptions } from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { AppError, BadRequest } from '../core/errors.ts';

/** Our own refusals and @fastify/multipart's (limits are 413, with a status) pass; the rest is a 400. */
export function asUploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (typeof (error as { statusCode?: unknown } | null)?.statusCode === 'number') return error;
  return new BadRequest('The upload is not well-formed multipart/form-data: send it again, whole.', [
    { path: 'body', message: 'malformed multipart body' },
  ]);
}

/**
 * @fastify/multipart with its fields attached to the body, which it reads in a preValidation hook. Two
 * hooks around that one mark a request while its body is being read, and this scope's error handler
 * turns what the parser throws meanwhile into a 400 before handing it to the parent's handler.
 */
export async function registerFormUploads(
  scope: FastifyInstance,
  options: FastifyMultipartBaseOptions,
): Promise<void> {
  const reading = new WeakSet<object>();
  scope.addHook('preValidation', async (request) => {
    reading.add(request);
  });
  await scope.register(fastifyMultipart, { ...options, attachFieldsToBody: true });
  scope.addHook('preValidation', async (request) => {
    reading.delete(request);
  });
  scope.setErrorHandler(async (error, request) => {
    throw reading.has(request) ? asUploadError(error) : error;
  });
}
