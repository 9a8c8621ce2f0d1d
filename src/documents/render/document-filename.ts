export type DocumentKind = 'notes' | 'agenda' | 'action-log';

/**
 * "AGB-notes-2026-03-24.pdf". Board codes come from the database, so anything outside [A-Za-z0-9]
 * is replaced: the name ends up in a Content-Disposition header and on people's disks.
 */
export function documentFilename(boardCode: string, kind: DocumentKind, isoDate: string): string {
  const code = boardCode.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'board';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDate)) throw new RangeError(`Not a calendar date: ${isoDate}`);
  return `${code}-${kind}-${isoDate}.pdf`;
}
