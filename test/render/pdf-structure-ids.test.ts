/**
 * Structure ids (the table-header ids of a tagged PDF) renumbered so that the bytes depend on the
 * document alone, not on what the printing page made before.
 */
import { describe, expect, it } from 'vitest';
import { canonicaliseStructureIds } from '../../src/documents/render/pdf-structure-ids.ts';

/** The shape Chromium writes: header cells with /ID, data cells naming them, one IDTree leaf. */
function pdfWith(ids: { th: string[]; headers: string[][]; leaf: Array<[string, number]> }): string {
  const th = ids.th.map(
    (id, i) => `${10 + i} 0 obj\n<</Type /StructElem\n/S /TH\n/ID (node${id})>>\nendobj\n`,
  );
  const td = ids.headers.map(
    (keys, i) =>
      `${20 + i} 0 obj\n<</S /TD\n/A [<</O /Table\n/Headers [${keys.map((k) => `(node${k})`).join(' ')}]>>]>>\nendobj\n`,
  );
  const keys = ids.leaf.map(([key]) => key);
  const leaf = `30 0 obj\n<</Limits [(node${keys[0]}) (node${keys.at(-1)})]\n/Names [${ids.leaf.map(([key, obj]) => `(node${key}) ${obj} 0 R`).join(' ')}]>>\nendobj\n`;
  const outline = '40 0 obj\n<</Title (node00000999)>>\nendobj\n';
  return `%PDF-1.4\n${th.join('')}${td.join('')}${leaf}${outline}%%EOF\n`;
}

function canonical(source: string): string {
  const pdf = Buffer.from(source, 'latin1');
  canonicaliseStructureIds(pdf, source);
  return pdf.toString('latin1');
}

describe('canonical structure ids', () => {
  it('renumbers ids in order of appearance, everywhere they occur, and re-sorts the name tree', () => {
    // A warm page: the second header cell was replaced, so it got a newer, larger id than the third.
    const warm = pdfWith({
      th: ['00000030', '00000143', '00000038'],
      headers: [
        ['00000030', '00000038'],
        ['00000143', '00000038'],
      ],
      leaf: [
        ['00000030', 10],
        ['00000038', 12],
        ['00000143', 11],
      ],
    });
    // The same document printed by a fresh page.
    const fresh = pdfWith({
      th: ['00000070', '00000071', '00000072'],
      headers: [
        ['00000070', '00000072'],
        ['00000071', '00000072'],
      ],
      leaf: [
        ['00000070', 10],
        ['00000071', 11],
        ['00000072', 12],
      ],
    });
    const expected = pdfWith({
      th: ['00000001', '00000002', '00000003'],
      headers: [
        ['00000001', '00000003'],
        ['00000002', '00000003'],
      ],
      leaf: [
        ['00000001', 10],
        ['00000002', 11],
        ['00000003', 12],
      ],
    });
    expect(canonical(warm)).toBe(expected);
    expect(canonical(fresh)).toBe(expected);
    expect(canonical(warm)).toHaveLength(warm.length);
    // Text that merely looks like an id (an outline title) is the document's, and stays.
    expect(canonical(warm)).toContain('/Title (node00000999)');
  });

  it('leaves a file it does not understand as it is', () => {
    const unknownHeader = pdfWith({
      th: ['00000030'],
      headers: [['00000031']],
      leaf: [['00000030', 10]],
    });
    expect(canonical(unknownHeader)).toBe(unknownHeader);
    const twoLeaves = pdfWith({ th: ['00000030'], headers: [], leaf: [['00000030', 10]] }).replace(
      '40 0 obj',
      '41 0 obj\n<</Limits [(node00000030) (node00000030)]\n/Names [(node00000030) 10 0 R]>>\nendobj\n40 0 obj',
    );
    expect(canonical(twoLeaves)).toBe(twoLeaves);
    const none = '%PDF-1.4\n1 0 obj\n<</Title (x)>>\nendobj\n%%EOF\n';
    expect(canonical(none)).toBe(none);
  });
});
