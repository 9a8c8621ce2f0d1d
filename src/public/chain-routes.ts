/**
 * Open data: a board's publication hash chain (chain.ts), GET /public/v1/boards/{id}/chain. Every
 * link with the hashes it covers, so that anyone can recompute the chain from the published JSON and
 * PDFs, and keep the head: `npm run verify:publications -- --head saved.json` checks later that
 * nothing published up to it has changed. Kept apart from routes/, which has enough.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../core/errors.ts';
import { idParams, problems } from '../http/common-schemas.ts';
import { CHAIN_VERSION, type ChainLink, chainLinks } from '../modules/publication/chain.ts';
import { api } from './paths.ts';
import { findBoard } from './read/index.ts';
import { baseUrlOf, type PublicDataOptions, registerPublicCaching } from './routes/caching.ts';

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const chainLinkSchema = z
  .object({
    seq: z.number().int().min(1).meta({ description: 'Place in the board’s chain, from 1' }),
    kind: z.enum(['notes', 'decision']),
    versionId: z.uuid(),
    /** The meeting (notes) or the decision. */
    ownerId: z.uuid(),
    versionNo: z.number().int().min(1),
    publishedAt: z.date(),
    jsonSha256: sha256Hex.meta({ description: 'SHA-256 of the canonical JSON (`url`)' }),
    pdfSha256: sha256Hex.meta({ description: 'SHA-256 of the PDF (`pdfUrl`)' }),
    prevSha256: sha256Hex
      .nullable()
      .meta({ description: 'chainSha256 of the link before; null for the first' }),
    chainSha256: sha256Hex,
    url: z.string(),
    pdfUrl: z.string(),
  })
  .meta({ id: 'PublicationChainLink' });

export const publicationChainSchema = z
  .object({
    boardId: z.uuid(),
    algorithm: z.literal(CHAIN_VERSION).meta({
      description:
        'chainSha256 = SHA-256 of the UTF-8 text, lines joined by "\\n": "boardroom-chain-v1", boardId, seq, ' +
        'prevSha256 (empty for the first), kind, versionId, ownerId, versionNo, jsonSha256, pdfSha256',
    }),
    head: chainLinkSchema.nullable().meta({ description: 'The latest link: keep it to check later' }),
    links: z.array(chainLinkSchema),
  })
  .meta({ id: 'PublicationChain', description: 'A board’s published versions as a hash chain' });

function linkOut(base: string, l: ChainLink) {
  const url = l.kind === 'notes' ? api.notesVersion : api.decisionVersion;
  const pdf = l.kind === 'notes' ? api.notesPdf : api.decisionPdf;
  return {
    seq: l.seq,
    kind: l.kind,
    versionId: l.id,
    ownerId: l.ownerId,
    versionNo: l.versionNo,
    publishedAt: l.publishedAt,
    jsonSha256: l.jsonSha256,
    pdfSha256: l.pdfSha256,
    prevSha256: l.prevSha256,
    chainSha256: l.chainSha256,
    url: base + url(l.ownerId, l.versionNo),
    pdfUrl: base + pdf(l.ownerId, l.versionNo),
  };
}

export const chainRoutes: FastifyPluginAsyncZod<PublicDataOptions> = async (app, opts) => {
  registerPublicCaching(app);
  app.get(
    '/boards/:id/chain',
    {
      schema: {
        tags: ['open data'],
        summary: 'A board’s publication hash chain: every published version linked to the one before',
        params: idParams,
        response: { 200: publicationChainSchema, ...problems(400, 404) },
      },
    },
    async (request) => {
      const { db } = request.ctx();
      const { id } = request.params;
      if (!(await findBoard(db, id))) throw new NotFound('board');
      const base = baseUrlOf(request, opts.baseUrl);
      const links = (await chainLinks(db, id)).map((l) => linkOut(base, l));
      return { boardId: id, algorithm: CHAIN_VERSION, head: links.at(-1) ?? null, links };
    },
  );
};
