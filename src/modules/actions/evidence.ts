import { createHash } from 'node:crypto';
import { BadRequest, PayloadTooLarge, UnsupportedMediaType } from '../../core/errors.ts';

export const MAX_EVIDENCE_BYTES = 512 * 1024;
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export interface Evidence {
  filename: string;
  contentType: 'application/pdf';
  data: Buffer;
  sizeBytes: number;
  sha256: string;
}

/**
 * Evidence rides along with an update as base64, so it shares the JSON body limit; only PDFs are
 * accepted, recognised by their first bytes rather than by the file name.
 */
export function decodePdfEvidence(input: { filename: string; contentBase64: string }): Evidence {
  if (input.contentBase64.length % 4 !== 0) {
    throw new BadRequest('The evidence is not valid base64.', [
      { path: 'body.evidence.contentBase64', message: 'not base64' },
    ]);
  }
  const data = Buffer.from(input.contentBase64, 'base64');
  if (data.length === 0) {
    throw new BadRequest('The evidence file is empty.', [
      { path: 'body.evidence.contentBase64', message: 'empty' },
    ]);
  }
  if (data.length > MAX_EVIDENCE_BYTES) {
    throw new PayloadTooLarge(`Evidence may be at most ${MAX_EVIDENCE_BYTES / 1024} KiB.`);
  }
  if (!data.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) {
    throw new UnsupportedMediaType('Evidence must be a PDF document.');
  }
  return {
    filename: input.filename,
    contentType: 'application/pdf',
    data,
    sizeBytes: data.length,
    sha256: createHash('sha256').update(data).digest('hex'),
  };
}
