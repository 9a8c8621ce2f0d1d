/** Reading a document over HTTP: who may, and how PDFs and previews are sent. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { canSee } from '../access/index.ts';
import type { ServiceContext } from '../context.ts';
import { NotFound, ServiceUnavailable } from '../core/errors.ts';
import { requireUser } from '../core/principal.ts';
import type { RenderedDocumentKind } from '../db/schema.ts';
import type { DocumentInput } from './input-hash.ts';
import type { ActionLogFilters } from './load-action-log.ts';
import { RenderError } from './render/render-errors.ts';
import * as repo from './repo.ts';
import type { DocumentService } from './service.ts';

/** The preview is the print HTML: it may load nothing and run nothing, exactly like the PDF. */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";

/**
 * Signed-in users who can see the meeting (or board) may read its documents; anonymous: 401. What
 * they get is always the public version, whoever they are: the loaders leave confidential items out.
 */
export async function readableDocument(
  ctx: ServiceContext,
  service: DocumentService,
  kind: RenderedDocumentKind,
  subjectId: string,
  filters: ActionLogFilters = {},
): Promise<DocumentInput> {
  const user = requireUser(ctx.actor);
  const what = kind === 'action-log' ? 'board' : 'meeting';
  const boardId =
    kind === 'action-log'
      ? (await repo.findBoard(ctx.db, subjectId))?.id
      : (await repo.meetingBoards(ctx.db, [subjectId]))[0]?.board_id;
  if (!boardId || !canSee(user, boardId, 'public')) throw new NotFound(what);
  const input = await service.load(kind, subjectId, filters);
  if (!input) throw new NotFound(what);
  return input;
}

/** If-None-Match: "*" or a list of entity tags, compared weakly (RFC 9110 13.1.2). */
export function etagMatches(header: string, sha256: string): boolean {
  return header
    .split(',')
    .map((tag) => tag.trim().replace(/^W\//, ''))
    .some((tag) => tag === '*' || tag === `"${sha256}"`);
}

export async function sendPdf(
  request: FastifyRequest,
  reply: FastifyReply,
  service: DocumentService,
  input: DocumentInput,
  subjectId: string,
): Promise<FastifyReply> {
  // Authenticated content: the browser may keep it but must ask again each time (a cheap 304).
  reply.header('cache-control', 'private, no-cache');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) {
    const stored = await service.findStored(input);
    if (stored && etagMatches(ifNoneMatch, stored.sha256)) {
      return reply.code(304).header('etag', `"${stored.sha256}"`).send();
    }
  }
  let doc: Awaited<ReturnType<DocumentService['pdf']>>;
  try {
    doc = await service.pdf(input, subjectId);
  } catch (err) {
    if (!(err instanceof RenderError)) throw err;
    request.log.warn({ err }, 'render failed');
    reply.header('retry-after', '5');
    throw new ServiceUnavailable('The document could not be produced just now; try again shortly.');
  }
  // documentFilename() already allows only [A-Za-z0-9-]; checked again because it goes into a header.
  const filename = doc.filename.replace(/[^A-Za-z0-9._-]/g, '_');
  return reply
    .code(200)
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${filename}"`)
    .header('etag', `"${doc.sha256}"`)
    .send(doc.pdf);
}

export function sendPreview(
  reply: FastifyReply,
  service: DocumentService,
  input: DocumentInput,
): FastifyReply {
  return reply
    .code(200)
    .header('content-security-policy', PREVIEW_CSP)
    .header('cache-control', 'private, no-store')
    .type('text/html; charset=utf-8')
    .send(service.html(input));
}
