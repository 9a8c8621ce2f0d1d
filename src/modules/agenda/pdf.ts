/** Papers are PDFs: decided by the bytes, never by the file name or the declared type. */
export function isPdf(data: Buffer): boolean {
  return data.subarray(0, 5).toString('latin1') === '%PDF-';
}

/**
 * A file name that is safe to store and to put in Content-Disposition: no path, no control or
 * quote characters, bounded, and ending in .pdf (the bytes have been checked to be a PDF).
 */
export function safePdfFilename(name: string | undefined): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}"*:<>?|;]/gu, '')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+/, '')
    .trim();
  const stem = cleaned
    .replace(/\.pdf$/i, '')
    .slice(0, 150)
    .trim();
  return `${stem || 'paper'}.pdf`;
}

/** RFC 6266: an ASCII fallback for old clients and the exact UTF-8 name in filename*. */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
