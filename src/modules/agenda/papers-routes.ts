import fastifyMultipart from '@fastify/multipart';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { readPaperUpload } from './multipart-upload.ts';
import * as service from './papers-service.ts';
import { attachmentDisposition } from './pdf.ts';
import { paperSchema } from './schemas.ts';

export interface PapersRoutesOptions {
  uploadLimitBytes: number;
}

/** Multipart is registered here only, so no other route accepts uploads. */
export const papersRoutes: FastifyPluginAsyncZod<PapersRoutesOptions> = async (app, opts) => {
  const tags = ['papers'];
  await app.register(fastifyMultipart, {
    limits: {
      fileSize: opts.uploadLimitBytes,
      files: 1,
      fields: 5,
      fieldSize: 2000,
      fieldNameSize: 100,
      parts: 6,
      headerPairs: 50,
    },
  });

  app.post(
    '/agenda-items/:id/papers',
    {
      schema: {
        tags,
        summary:
          "Attach a PDF paper to an item (admin, the board's secretariat): multipart/form-data with a part " +
          '"file" and optional fields "title" and "confidentiality"',
        consumes: ['multipart/form-data'],
        params: idParams,
        response: { 201: paperSchema, ...problems(400, 401, 403, 404, 413, 415) },
      },
    },
    async (request, reply) => {
      const ctx = request.ctx();
      await service.authoriseUpload(ctx, request.params.id);
      const upload = await readPaperUpload(request);
      const paper = await service.uploadPaper(ctx, request.params.id, upload);
      return reply.code(201).send(paper);
    },
  );
  app.get(
    '/agenda-items/:id/papers',
    {
      schema: {
        tags,
        summary: 'The papers of an item that you may see',
        params: idParams,
        response: { 200: z.object({ items: z.array(paperSchema) }), ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: await service.listPapers(request.ctx(), request.params.id) }),
  );
  app.get(
    '/papers/:id',
    {
      schema: {
        tags,
        summary: "A paper's details",
        params: idParams,
        response: { 200: paperSchema, ...problems(400, 401, 404) },
      },
    },
    async (request) => service.getPaper(request.ctx(), request.params.id),
  );
  app.get(
    '/papers/:id/file',
    {
      schema: {
        tags,
        summary: 'Download a paper (as an attachment)',
        params: idParams,
        response: {
          200: {
            description: 'The PDF',
            content: {
              'application/pdf': { schema: z.any().meta({ description: 'PDF bytes', format: 'binary' }) },
            },
          },
          ...problems(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      const file = await service.downloadPaper(request.ctx(), request.params.id);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );
  app.delete(
    '/papers/:id',
    {
      schema: {
        tags,
        summary: "Remove a paper (admin, the board's secretariat)",
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await service.deletePaper(request.ctx(), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
