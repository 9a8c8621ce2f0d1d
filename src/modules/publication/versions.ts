/** Pieces every frozen publication shares: the readable diff, how a PDF is sent (hashing: src/core/hash.ts). */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BadRequest, NotFound } from '../../core/errors.ts';
import { cachedDiff, type DiffKind } from './diff-cache.ts';
import { diffLines, diffText, hunks } from './line-diff.ts';
import type { NotesDiff } from './schemas.ts';

function readableDiff(
  from: number,
  to: number,
  reason: string | null,
  before: string[],
  after: string[],
): NotesDiff {
  const lines = diffLines(before, after);
  return { from, to, reason, hunks: hunks(lines), text: diffText(lines) };
}

/** A published version as the repo found it, or 404. */
export async function publishedVersion<Row>(found: Promise<Row | undefined>): Promise<Row> {
  const row = await found;
  if (!row) throw new NotFound('published version');
  return row;
}

/** A published version's row id and reason, as every version listing reads them. */
interface VersionMeta {
  id: string;
  reason: string | null;
}

/**
 * What changed between two published versions of one thing (notes, a decision), as readable lines:
 * 400 for the same version twice, 404 for a version that does not exist. `meta` finds a version's
 * row (its id keys the cache: frozen versions never change, so each pair is diffed once), `json`
 * its canonical JSON, and `lines` turns that into the lines a reader compares; the reason is the
 * later version's.
 */
export async function versionsDiff(
  kind: DiffKind,
  from: number,
  to: number,
  find: {
    meta: (versionNo: number) => Promise<VersionMeta>;
    json: (versionNo: number) => Promise<{ canonical_json: string }>;
  },
  lines: (canonicalJson: string) => string[],
): Promise<NotesDiff> {
  if (from === to) {
    throw new BadRequest('Compare two different versions.', [
      { path: 'querystring.to', message: 'same as from' },
    ]);
  }
  const [a, b] = await Promise.all([find.meta(from), find.meta(to)]);
  return cachedDiff(kind, a.id, b.id, async () => {
    const [before, after] = await Promise.all([find.json(from), find.json(to)]);
    return readableDiff(from, to, b.reason, lines(before.canonical_json), lines(after.canonical_json));
  });
}

/** Both drivers return bytea as bytes: a Buffer from pg, a Uint8Array from PGlite. */
export function asBuffer(bytes: Buffer | Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** RFC 6266, opened in the browser: an ASCII fallback and the exact UTF-8 name. */
export function inlineDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `inline; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** If-None-Match against a strong entity tag (RFC 9110 13.1.2: compared weakly). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const bare = etag.replace(/^W\//, '');
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === bare);
}

/**
 * If-Modified-Since against a Last-Modified (RFC 9110 13.1.3): not modified when the resource changed
 * no later than the date the client has. A date that does not parse is ignored. The caller asks only
 * when the request has no If-None-Match, which takes precedence.
 */
export function notModifiedSince(header: string | undefined, lastModified: string | undefined): boolean {
  if (!header || !lastModified) return false;
  const since = Date.parse(header);
  const modified = Date.parse(lastModified);
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}

/** A frozen version's PDF, byte for byte as stored. */
export function sendFrozenPdf(
  request: FastifyRequest,
  reply: FastifyReply,
  row: { pdf: Buffer | Uint8Array; pdf_sha256: string; pdf_filename: string },
  cacheControl: string,
): FastifyReply {
  return sendFrozen(
    request,
    reply,
    {
      bytes: Buffer.from(row.pdf),
      sha256: row.pdf_sha256,
      contentType: 'application/pdf',
      filename: row.pdf_filename,
    },
    cacheControl,
  );
}

/**
 * Sends frozen bytes: the ETag is the SHA-256 stored with them, so it never changes; 304 when the
 * client already has them.
 */
export function sendFrozen(
  request: FastifyRequest,
  reply: FastifyReply,
  body: { bytes: Buffer | string; sha256: string; contentType: string; filename?: string },
  cacheControl: string,
): FastifyReply {
  const etag = `"${body.sha256}"`;
  reply.header('etag', etag).header('cache-control', cacheControl);
  if (etagMatches(request.headers['if-none-match'], etag)) return reply.code(304).send();
  reply.type(body.contentType);
  if (body.filename) reply.header('content-disposition', inlineDisposition(body.filename));
  return reply.send(body.bytes);
}
