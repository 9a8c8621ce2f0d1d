/**
 * Why this file exists: what every open-data answer shares (ETag, Cache-Control, 304s,
 * Last-Modified) and the base URL links are built on. Used by the route files here and by the public
 * pages (src/web/public/routes.ts).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { etagMatches, inlineDisposition, notModifiedSince } from '../../modules/publication/versions.ts';

export interface PublicDataOptions {
  /** Absolute base of the public site for feeds ("https://www.example.police.uk"); else the request's. */
  baseUrl?: string | undefined;
}

export const notModified = z
  .null()
  .describe('Not Modified: the copy the client holds (If-None-Match, If-Modified-Since) is current');

/** Frozen content never changes: cache it for a year. Everything else: a minute, then revalidate. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const SHORT = 'public, max-age=60, must-revalidate';

/**
 * An ETag for every public GET that did not set one, and 304 when If-None-Match has it, or, without
 * If-None-Match (which takes precedence, RFC 9110 13.2.2), when If-Modified-Since is no earlier than
 * the Last-Modified the route set.
 */
export function registerPublicCaching(app: FastifyInstance): void {
  // Every GET here can answer 304, so every GET documents it (the hook below decides when).
  app.addHook('onRoute', (route) => {
    const response = route.schema?.response as Record<string, unknown> | undefined;
    if (response && !response['304'] && [route.method].flat().includes('GET')) {
      route.schema = { ...route.schema, response: { ...response, 304: notModified } };
    }
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
    if (reply.statusCode !== 200) {
      reply.header('cache-control', 'no-store');
      return payload;
    }
    if (!reply.getHeader('cache-control')) reply.header('cache-control', SHORT);
    reply.header('access-control-allow-origin', '*');
    reply.header('cross-origin-resource-policy', 'cross-origin');
    let etag = reply.getHeader('etag') as string | undefined;
    if (!etag && (typeof payload === 'string' || Buffer.isBuffer(payload))) {
      etag = `"${createHash('sha256').update(payload).digest('hex')}"`;
      reply.header('etag', etag);
    }
    const ifNoneMatch = request.headers['if-none-match'];
    const fresh =
      ifNoneMatch !== undefined
        ? etag !== undefined && etagMatches(ifNoneMatch, etag)
        : notModifiedSince(
            request.headers['if-modified-since'],
            reply.getHeader('last-modified') as string | undefined,
          );
    if (fresh) {
      reply.code(304);
      reply.removeHeader('content-type');
      reply.removeHeader('content-length');
      return '';
    }
    return payload;
  });
}

/** Last-Modified as an HTTP date (whole seconds); nothing when the time is unknown. */
export function setLastModified(reply: FastifyReply, at: Date | null | undefined): FastifyReply {
  if (at) reply.header('last-modified', at.toUTCString());
  return reply;
}

export function baseUrlOf(request: FastifyRequest, configured: string | undefined): string {
  return (configured ?? `${request.protocol}://${request.host}`).replace(/\/+$/, '');
}

export function sendJsonBytes(
  reply: FastifyReply,
  json: string,
  sha256: string,
  publishedAt: Date,
): FastifyReply {
  return setLastModified(reply, publishedAt)
    .header('etag', `"${sha256}"`)
    .header('cache-control', IMMUTABLE)
    .type('application/json; charset=utf-8')
    .send(json);
}

export function sendPdfBytes(
  reply: FastifyReply,
  pdf: Buffer | Uint8Array,
  sha256: string,
  filename: string,
  modifiedAt: Date,
): FastifyReply {
  return setLastModified(reply, modifiedAt)
    .header('etag', `"${sha256}"`)
    .header('cache-control', IMMUTABLE)
    .header('content-disposition', inlineDisposition(filename))
    .type('application/pdf')
    .send(Buffer.from(pdf));
}
