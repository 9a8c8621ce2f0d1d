/**
 * Why this file exists: the SHA-256 every frozen publication (notes, decisions, their PDFs) is
 * identified by, shared by the publication workflow and the documents that print them.
 */
import { createHash } from 'node:crypto';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
