/**
 * Sets the PDF Info dictionary (Title, Author, Subject, Creator). Chromium writes only Title (from
 * <title>), Creator and Producer, so we append a standard incremental update (ISO 32000-1, 7.5.6): a new
 * Info object, an xref section for it, and a trailer pointing back at the original one. The bytes
 * Chromium produced are left untouched, so the tagging, outline and fonts cannot be disturbed — but for
 * the dates, when `date` is given: Chromium stamps CreationDate and ModDate with the clock, and they are
 * the only bytes that differ between two renders of the same document. Rewritten in place to the same
 * length, they make identical input print byte-identical PDFs (so the same hash and ETag), as do the
 * structure ids renumbered in pdf-structure-ids.ts.
 */

import { canonicaliseStructureIds } from './pdf-structure-ids.ts';

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  creator: string;
  /** ISO date or date-time written as CreationDate and ModDate; without it, Chromium's clock stays. */
  date?: string;
}

/** `D:YYYYMMDDHHmmSS+00'00'`, the form (and length) Chromium writes, in UTC. */
export function pdfDate(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) throw new RangeError(`Not an ISO date: ${iso}`);
  const digits = time.toISOString().replace(/\D/g, '').slice(0, 14);
  return `D:${digits}+00'00'`;
}

/**
 * Overwrites the literal of each date entry with `date`, space-padded to the original length (white
 * space between tokens is insignificant), so that no byte offset in the file moves. An entry in a form
 * shorter than ours is left alone.
 */
function stampDates(pdf: Buffer, text: string, infoRef: string | undefined, date: string): void {
  if (!infoRef) return;
  const start = text.indexOf(`\n${infoRef} obj`);
  const end = text.indexOf('endobj', start);
  if (start < 0 || end < 0) return;
  const pattern = /\/(?:CreationDate|ModDate)\s*(\([^()\\]*\))/g;
  for (const match of text.slice(start, end).matchAll(pattern)) {
    const literal = match[1] ?? '';
    const replacement = `(${date})`;
    if (replacement.length > literal.length) continue;
    const offset = start + match.index + match[0].length - literal.length;
    pdf.write(replacement.padEnd(literal.length, ' '), offset, 'latin1');
  }
}

/** A PDF text string in UTF-16BE with a byte-order mark: any character, nothing to escape. */
function textString(value: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < value.length; i += 1) hex += value.charCodeAt(i).toString(16).padStart(4, '0');
  return `<${hex.toUpperCase()}>`;
}

function lastMatch(text: string, pattern: RegExp): RegExpExecArray | null {
  let found: RegExpExecArray | null = null;
  for (const match of text.matchAll(pattern)) found = match;
  return found;
}

/** Copies a plain literal such as `/CreationDate (D:20260324...)` from the previous Info dictionary. */
function previousEntry(pdf: string, infoRef: string | undefined, key: string): string | null {
  if (!infoRef) return null;
  const start = pdf.indexOf(`\n${infoRef} obj`);
  const end = pdf.indexOf('endobj', start);
  if (start < 0 || end < 0) return null;
  return new RegExp(`/${key}\\s*(\\([^()\\\\]*\\))`).exec(pdf.slice(start, end))?.[1] ?? null;
}

export function withPdfInfo(pdf: Uint8Array, info: PdfInfo): Buffer {
  // A copy, so the caller's bytes are never changed under it.
  const original = Buffer.from(pdf);
  // latin1 maps bytes 1:1 to characters, so string offsets are byte offsets.
  let text = original.toString('latin1');
  canonicaliseStructureIds(original, text);
  const startxref = lastMatch(text, /startxref\s+(\d+)\s+%%EOF/g)?.[1];
  const trailer = lastMatch(text, /trailer\s*<<([\s\S]*?)>>\s*startxref/g)?.[1];
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = trailer && /\/Root\s+(\d+\s+\d+)\s+R/.exec(trailer)?.[1];
  if (!startxref || !size || !root) {
    // Chromium has always written a classic xref table; a cross-reference stream would need more code.
    throw new Error('Unsupported PDF structure: no classic trailer to update');
  }
  const previousInfo = /\/Info\s+(\d+\s+\d+)\s+R/.exec(trailer)?.[1];
  if (info.date !== undefined) {
    stampDates(original, text, previousInfo, pdfDate(info.date));
    // Read again for the dates carried into the new Info (the renumbered ids are not read below).
    text = original.toString('latin1');
  }

  const objectNumber = Number(size);
  const entries = [
    `/Title ${textString(info.title)}`,
    `/Author ${textString(info.author)}`,
    `/Subject ${textString(info.subject)}`,
    `/Creator ${textString(info.creator)}`,
  ];
  for (const key of ['Producer', 'CreationDate', 'ModDate']) {
    const value = previousEntry(text, previousInfo, key);
    if (value) entries.push(`/${key} ${value}`);
  }

  const separator = text.endsWith('\n') ? '' : '\n';
  const objectOffset = original.length + separator.length;
  const object = `${objectNumber} 0 obj\n<<${entries.join('\n')}>>\nendobj\n`;
  const xrefOffset = objectOffset + object.length;
  const update =
    `${separator}${object}` +
    `xref\n${objectNumber} 1\n${String(objectOffset).padStart(10, '0')} 00000 n \n` +
    `trailer\n<</Size ${objectNumber + 1}\n/Root ${root} R\n/Info ${objectNumber} 0 R\n/Prev ${startxref}>>\n` +
    `startxref\n${xrefOffset}\n%%EOF\n`;
  return Buffer.concat([original, Buffer.from(update, 'latin1')]);
}
