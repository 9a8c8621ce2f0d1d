/**
 * Sets the PDF Info dictionary (Title, Author, Subject, Creator). Chromium writes only Title (from
 * <title>), Creator and Producer, so we append a standard incremental update (ISO 32000-1, 7.5.6): a new
 * Info object, an xref section for it, and a trailer pointing back at the original one. The bytes
 * Chromium produced are left untouched, so the tagging, outline and fonts cannot be disturbed.
 */

export interface PdfInfo {
  title: string;
  author: string;
  subject: string;
  creator: string;
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
  const original = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  // latin1 maps bytes 1:1 to characters, so string offsets are byte offsets.
  const text = original.toString('latin1');
  const startxref = lastMatch(text, /startxref\s+(\d+)\s+%%EOF/g)?.[1];
  const trailer = lastMatch(text, /trailer\s*<<([\s\S]*?)>>\s*startxref/g)?.[1];
  const size = trailer && /\/Size\s+(\d+)/.exec(trailer)?.[1];
  const root = trailer && /\/Root\s+(\d+\s+\d+)\s+R/.exec(trailer)?.[1];
  if (!startxref || !size || !root) {
    // Chromium has always written a classic xref table; a cross-reference stream would need more code.
    throw new Error('Unsupported PDF structure: no classic trailer to update');
  }
  const previousInfo = /\/Info\s+(\d+\s+\d+)\s+R/.exec(trailer)?.[1];

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
