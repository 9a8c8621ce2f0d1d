/**
 * /staff/actions/:id and its forms; each calls the actions services, which hold the rules. A form
 * posted with its "Preview" button saves nothing: it comes back, as typed, with what the public
 * would see.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Forbidden } from '../../core/errors.ts';
import { registerFormUploads } from '../../http/multipart-uploads.ts';
import { MAX_EVIDENCE_BYTES } from '../../modules/actions/evidence.ts';
import * as actionsService from '../../modules/actions/service.ts';
import * as workflow from '../../modules/actions/workflow-service.ts';
import { field, formBody, formErrors, NO_ERRORS, serviceFormErrors } from '../forms.ts';
import { actionFor, renderAction } from './action-page.ts';

const params = z.object({ id: z.uuid() });
const evidenceParams = params.extend({ updateId: z.uuid() });

interface MultipartFile {
  filename: string;
  file: { truncated: boolean };
  toBuffer(): Promise<Buffer>;
}

/** Multipart fields arrive as { value } (text) or as files; read both safely. */
function multipartText(body: Record<string, unknown>, name: string): string {
  const part = body[name] as { value?: unknown } | undefined;
  return typeof part?.value === 'string' ? part.value : '';
}

function multipartFile(body: Record<string, unknown>, name: string): MultipartFile | null {
  const part = body[name] as Partial<MultipartFile> | undefined;
  if (!part || typeof part.toBuffer !== 'function' || !part.filename) return null;
  return part as MultipartFile;
}

export const actionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/actions/:id',
    { schema: { params, querystring: z.object({ notice: z.string().max(40).optional() }) } },
    async (request, reply) =>
      renderAction(request, reply, request.params.id, { notice: request.query.notice }),
  );

  const done = (id: string, notice: string) => `/staff/actions/${id}?notice=${notice}`;

  // Uploads are accepted here only: one small PDF, checked by the service by its first bytes.
  await app.register(async (scope) => {
    const uploads = scope.withTypeProvider<ZodTypeProvider>();
    await registerFormUploads(uploads, {
      throwFileSizeLimit: false,
      limits: { fileSize: MAX_EVIDENCE_BYTES + 1, files: 1, fields: 5, fieldSize: 20_000, parts: 6 },
    });
    uploads.post('/actions/:id/updates', { schema: { params } }, async (request, reply) => {
      const { id } = request.params;
      const multipart = request.isMultipart();
      const body = multipart ? ((request.body ?? {}) as Record<string, unknown>) : formBody(request);
      const read = multipart
        ? (name: string) => multipartText(body, name)
        : (name: string) => field(body, name);
      const values = { text: read('text').trim(), public: read('public') === 'yes' };
      const file = multipart ? multipartFile(body, 'evidence') : null;
      const data = file ? await file.toBuffer() : null;
      let errors = !values.text ? formErrors([['text', 'Enter your update']], 'update-') : null;
      if (!errors && read('preview') === 'yes') {
        return renderAction(request, reply, id, {
          forms: { update: { ...values, preview: true, errors: NO_ERRORS } },
        });
      }
      if (!errors && file?.file.truncated) {
        errors = formErrors(
          [['evidence', `The file must be ${MAX_EVIDENCE_BYTES / 1024} KB or smaller`]],
          'update-',
        );
      }
      if (!errors) {
        try {
          await workflow.addUpdate(request.ctx(), id, {
            text: values.text,
            public: values.public,
            ...(file && data?.length
              ? { evidence: { filename: file.filename.slice(-200), contentBase64: data.toString('base64') } }
              : {}),
          });
          return reply.redirect(done(id, 'updated'), 303);
        } catch (err) {
          errors = serviceFormErrors(err, file ? 'evidence' : 'text', 'update-');
          if (!errors) throw err;
        }
      }
      return renderAction(request, reply, id, { forms: { update: { ...values, errors } } });
    });
  });

  const textForm = (
    path: string,
    name: 'text' | 'note',
    form: 'propose' | 'close' | 'reopen',
    message: string,
    run: (request: FastifyRequest, id: string, text: string, publish: boolean) => Promise<unknown>,
    notice: string,
  ) =>
    app.post(path, { schema: { params } }, async (request, reply) => {
      const { id } = request.params;
      const body = formBody(request);
      const value = field(body, name).trim();
      const publish = field(body, 'public') === 'yes';
      let errors = value ? null : formErrors([[name, message]], `${form}-`);
      const preview = !errors && field(body, 'preview') === 'yes';
      if (!errors && !preview) {
        try {
          await run(request, id, value, publish);
          return reply.redirect(done(id, notice), 303);
        } catch (err) {
          errors = serviceFormErrors(err, name, `${form}-`);
          if (!errors) throw err;
        }
      }
      const typed = name === 'text' ? { text: value } : { note: value };
      const state = { ...typed, public: publish, preview, errors: errors ?? NO_ERRORS };
      return renderAction(request, reply, id, { forms: { [form]: state } });
    });

  textForm(
    '/actions/:id/propose-completion',
    'text',
    'propose',
    'Say what was done',
    (request, id, text, publish) => workflow.proposeCompletion(request.ctx(), id, text, publish),
    'proposed',
  );
  textForm(
    '/actions/:id/close',
    'note',
    'close',
    'Enter a closing note',
    (request, id, note, publish) => workflow.closeAction(request.ctx(), id, { note, public: publish }),
    'closed',
  );
  textForm(
    '/actions/:id/reopen',
    'note',
    'reopen',
    'Say why the action is reopened',
    (request, id, note, publish) => workflow.reopenAction(request.ctx(), id, note, publish),
    'reopened',
  );

  app.post('/actions/:id/reassign', { schema: { params } }, async (request, reply) => {
    const { id } = request.params;
    const body = formBody(request);
    const values = {
      ownerOrganisationId: field(body, 'ownerOrganisationId'),
      ownerPersonId: field(body, 'ownerPersonId'),
      dueDate: field(body, 'dueDate'),
      public: field(body, 'public') === 'yes',
    };
    // The owner's officers see the action but have no reassign form: a post from them is refused.
    if (!(await actionFor(request, id)).secretariat) throw new Forbidden();
    let errors = !values.ownerOrganisationId
      ? formErrors([['ownerOrganisationId', 'Choose the owning organisation']], 'reassign-')
      : values.dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate)
        ? formErrors([['dueDate', 'Enter a real date']], 'reassign-')
        : null;
    if (!errors) {
      try {
        await actionsService.updateAction(request.ctx(), id, Number(field(body, 'version')), {
          ownerOrganisationId: values.ownerOrganisationId,
          ownerPersonId: values.ownerPersonId || null,
          dueDate: values.dueDate || null,
          reassignmentPublic: values.public,
        });
        return reply.redirect(done(id, 'reassigned'), 303);
      } catch (err) {
        errors = serviceFormErrors(err, 'ownerOrganisationId', 'reassign-');
        if (!errors) throw err;
      }
    }
    return renderAction(request, reply, id, { forms: { reassign: { ...values, errors } } });
  });

  app.get(
    '/actions/:id/updates/:updateId/evidence',
    { schema: { params: evidenceParams } },
    async (request, reply) => {
      await actionFor(request, request.params.id);
      const file = await actionsService.getEvidence(
        request.ctx(),
        request.params.id,
        request.params.updateId,
      );
      const ascii = file.filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
      return reply
        .header('content-type', file.contentType)
        .header('cache-control', 'private, no-store')
        .header(
          'content-disposition',
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
        )
        .send(file.data);
    },
  );
};
