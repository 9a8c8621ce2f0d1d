import type { FastifyRequest } from 'fastify';
import { BadRequest, UnsupportedMediaType } from '../../core/errors.ts';
import { asUploadError } from '../../http/multipart-uploads.ts';
import type { Upload } from './papers-service.ts';
import { paperFields } from './schemas.ts';

/**
 * Reads a multipart upload: one part named "file" plus text fields. Size and count limits are
 * enforced by @fastify/multipart while reading (413), before anything is kept.
 */
export async function readPaperUpload(request: FastifyRequest): Promise<Upload> {
  if (!request.isMultipart()) throw new UnsupportedMediaType('Upload the paper as multipart/form-data.');
  const fields = new Map<string, string>();
  let file: { filename: string | undefined; data: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.fieldname !== 'file') {
          throw new BadRequest('The file must be sent in the part named "file".', [
            { path: `body.${part.fieldname}`, message: 'unexpected file' },
          ]);
        }
        file = { filename: part.filename, data };
      } else {
        fields.set(part.fieldname, String(part.value));
      }
    }
  } catch (error) {
    throw asUploadError(error);
  }
  if (!file) throw new BadRequest('No file was sent.', [{ path: 'body.file', message: 'required' }]);
  const parsed = paperFields.safeParse(Object.fromEntries(fields));
  if (!parsed.success) {
    throw new BadRequest(
      'The form fields are not valid.',
      parsed.error.issues.map((i) => ({
        path: ['body', ...i.path.map(String)].join('.'),
        message: i.message,
      })),
    );
  }
  return { ...parsed.data, ...file };
}
