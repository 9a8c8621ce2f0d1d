/**
 * An agenda item's papers, /staff/meetings/:id/agenda/:itemId/papers: the secretariat uploads one or
 * many PDFs (a plain multipart form, no script needed), sees them with their sizes, and removes one
 * after confirming. Every step goes through the papers service the API uses.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFound } from '../../core/errors.ts';
import type { Confidentiality } from '../../db/schema.ts';
import { registerFormUploads } from '../../http/multipart-uploads.ts';
import { requireItemOfMeeting } from '../../modules/agenda/item-access.ts';
import * as papersService from '../../modules/agenda/papers-service.ts';
import { attachmentDisposition, isPdf } from '../../modules/agenda/pdf.ts';
import { confidentialitySchema } from '../../modules/agenda/schemas.ts';
import { isEditable } from '../../modules/meeting-access/notes-state.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import * as publicationService from '../../modules/publication/service.ts';
import { formatFileSize } from '../../text/text-format.ts';
import { type FormErrors, formErrors, NO_ERRORS } from '../forms.ts';
import { requireBoardAdmin } from './access.ts';
import { CONFIDENTIALITY_TAGS } from './confidentiality-form.ts';
import { staffMeta } from './nav.ts';

/** As the API's default (UPLOAD_LIMIT_BYTES); a larger file is refused with a message, not a 413. */
export const MAX_PAPER_BYTES = 20 * 1024 * 1024;
const MAX_FILES = 10;

const itemParams = z.object({ id: z.uuid(), itemId: z.uuid() });
const paperParams = itemParams.extend({ paperId: z.uuid() });

interface FilePart {
  filename?: string;
  file?: { truncated: boolean };
  toBuffer(): Promise<Buffer>;
}

interface Typed {
  title: string;
  confidentiality: string;
}

/** The meeting and item named in the address, for the board's secretariat only (404 before 403). */
async function itemFor(request: FastifyRequest, meetingId: string, itemId: string) {
  const ctx = request.ctx();
  await requireItemOfMeeting(ctx.db, meetingId, itemId);
  const meeting = await meetingsService.getMeeting(ctx, meetingId);
  requireBoardAdmin(request, meeting.boardId);
  const item = meeting.items.find((i) => i.id === itemId);
  if (!item) throw new NotFound('agenda item');
  return { meeting, item };
}

async function renderPapers(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  itemId: string,
  opts: { values?: Typed; errors?: FormErrors; notice?: string } = {},
) {
  const { meeting, item } = await itemFor(request, meetingId, itemId);
  const [papers, publication] = await Promise.all([
    papersService.listPapers(request.ctx(), itemId),
    publicationService.getPublication(request.ctx(), meetingId),
  ]);
  const base = `/staff/meetings/${meetingId}/agenda/${itemId}/papers`;
  const errors = opts.errors ?? NO_ERRORS;
  const hasErrors = errors.list.length > 0;
  return reply.page(
    'staff/papers',
    {
      item: { number: item.number, title: item.title, tag: CONFIDENTIALITY_TAGS[item.confidentiality] },
      papers: papers.map((p) => ({
        title: p.title,
        filename: p.filename,
        size: formatFileSize(p.sizeBytes),
        tag: CONFIDENTIALITY_TAGS[p.confidentiality],
        href: `${base}/${p.id}/file`,
        removeHref: `${base}/${p.id}/remove`,
      })),
      // Approved or published notes freeze the meeting's content: no upload or remove is offered.
      locked: !isEditable(publication.notesState),
      meetingPageHref: `/staff/meetings/${meetingId}#notes-workflow`,
      values: opts.values ?? { title: '', confidentiality: 'public' },
      errors,
      notice:
        opts.notice === 'uploaded'
          ? 'The papers have been added.'
          : opts.notice === 'removed'
            ? 'The paper has been removed.'
            : null,
      maxSize: '20 MB',
      maxFiles: MAX_FILES,
      action: base,
      meetingHref: `/staff/meetings/${meetingId}#agenda`,
      draftHref: `/staff/meetings/${meetingId}/draft?item=${itemId}`,
    },
    {
      ...staffMeta(request, 'boards', {
        title: `${hasErrors ? 'Error: ' : ''}Papers for item ${item.number}, ${item.title}`,
      }),
      breadcrumbs: [
        { href: '/staff', text: 'Boards and meetings' },
        { href: `/staff/boards/${meeting.boardId}`, text: meeting.boardName },
        { href: `/staff/meetings/${meetingId}`, text: meeting.dateText },
      ],
      status: hasErrors ? 400 : 200,
    },
  );
}

/** The service's refusal in the screen's words: a frozen meeting points at the meeting page, not the API. */
function messageOf(err: AppError): string {
  return err.status === 409
    ? 'The papers of this meeting cannot be changed now: its notes are approved or published. Open a correction on the meeting page first.'
    : err.message;
}

function textOf(body: Record<string, unknown>, name: string): string {
  const part = body[name] as { value?: unknown } | undefined;
  return typeof part?.value === 'string' ? part.value : '';
}

/** Every file part named "file" that carries a file (the browser sends an empty part for none). */
function filesOf(body: Record<string, unknown>): FilePart[] {
  const raw = body.file;
  const parts = (Array.isArray(raw) ? raw : raw ? [raw] : []) as Partial<FilePart>[];
  return parts.filter((p): p is FilePart => typeof p?.toBuffer === 'function' && !!p.filename);
}

export const papersRoutes: FastifyPluginAsyncZod = async (app) => {
  const base = (id: string, itemId: string) => `/staff/meetings/${id}/agenda/${itemId}/papers`;

  app.get(
    '/meetings/:id/agenda/:itemId/papers',
    { schema: { params: itemParams, querystring: z.object({ notice: z.string().max(40).optional() }) } },
    async (request, reply) =>
      renderPapers(request, reply, request.params.id, request.params.itemId, {
        notice: request.query.notice,
      }),
  );

  await app.register(async (scope) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    await registerFormUploads(uploads, {
      throwFileSizeLimit: false,
      limits: {
        fileSize: MAX_PAPER_BYTES + 1,
        files: MAX_FILES,
        fields: 5,
        fieldSize: 2000,
        parts: MAX_FILES + 5,
      },
    });
    uploads.post(
      '/meetings/:id/agenda/:itemId/papers',
      { schema: { params: itemParams } },
      async (request, reply) => {
        const { id, itemId } = request.params;
        await itemFor(request, id, itemId);
        const body = request.isMultipart() ? ((request.body ?? {}) as Record<string, unknown>) : {};
        const values = {
          title: textOf(body, 'title').trim().slice(0, 300),
          confidentiality: textOf(body, 'confidentiality') || 'public',
        };
        const confidentiality = confidentialitySchema.safeParse(values.confidentiality);
        const files = filesOf(body);
        const datas = await Promise.all(files.map((f) => f.toBuffer()));
        const problems: [string, string][] = [];
        if (!files.length) problems.push(['file', 'Choose one or more PDF files']);
        files.forEach((f, i) => {
          if (f.file?.truncated) problems.push(['file', `${f.filename} is larger than 20 MB`]);
          else if (!isPdf(datas[i]!)) problems.push(['file', `${f.filename} is not a PDF`]);
        });
        if (!confidentiality.success) problems.push(['confidentiality', 'Choose who can read the papers']);
        let errors = problems.length ? formErrors(problems, 'papers-') : null;
        if (!errors && confidentiality.success) {
          try {
            for (const [i, f] of files.entries()) {
              await papersService.uploadPaper(request.ctx(), itemId, {
                // One file takes the title typed; several take their file names.
                ...(values.title && files.length === 1 ? { title: values.title } : {}),
                confidentiality: confidentiality.data as Confidentiality,
                filename: f.filename,
                data: datas[i]!,
              });
            }
            return reply.redirect(`${base(id, itemId)}?notice=uploaded`, 303);
          } catch (err) {
            if (!(err instanceof AppError) || err.status === 403 || err.status >= 500) throw err;
            errors = formErrors([['file', messageOf(err)]], 'papers-');
          }
        }
        return renderPapers(request, reply, id, itemId, { values, errors: errors ?? NO_ERRORS });
      },
    );
  });

  app.get(
    '/meetings/:id/agenda/:itemId/papers/:paperId/file',
    { schema: { params: paperParams } },
    async (request, reply) => {
      const { id, itemId, paperId } = request.params;
      await itemFor(request, id, itemId);
      const paper = await papersService.getPaper(request.ctx(), paperId);
      if (paper.itemId !== itemId) throw new NotFound('paper');
      const file = await papersService.downloadPaper(request.ctx(), paperId);
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', attachmentDisposition(file.filename))
        .header('cache-control', 'private, no-store')
        .send(file.data);
    },
  );

  app.get(
    '/meetings/:id/agenda/:itemId/papers/:paperId/remove',
    { schema: { params: paperParams } },
    async (request, reply) => {
      const { id, itemId, paperId } = request.params;
      const { item } = await itemFor(request, id, itemId);
      const paper = await papersService.getPaper(request.ctx(), paperId);
      if (paper.itemId !== itemId) throw new NotFound('paper');
      return reply.page(
        'staff/confirm-remove-paper',
        {
          paper: { title: paper.title, size: formatFileSize(paper.sizeBytes) },
          item: { number: item.number, title: item.title },
          action: `${base(id, itemId)}/${paperId}/remove`,
          cancel: base(id, itemId),
        },
        staffMeta(request, 'boards', { title: `Remove the paper “${paper.title}”?` }),
      );
    },
  );

  app.post(
    '/meetings/:id/agenda/:itemId/papers/:paperId/remove',
    { schema: { params: paperParams } },
    async (request, reply) => {
      const { id, itemId, paperId } = request.params;
      await itemFor(request, id, itemId);
      const paper = await papersService.getPaper(request.ctx(), paperId);
      if (paper.itemId !== itemId) throw new NotFound('paper');
      try {
        await papersService.deletePaper(request.ctx(), paperId);
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 409) throw err;
        return renderPapers(request, reply, id, itemId, {
          errors: formErrors([['file', messageOf(err)]], 'papers-'),
        });
      }
      return reply.redirect(`${base(id, itemId)}?notice=removed`, 303);
    },
  );
};
