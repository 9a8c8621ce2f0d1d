import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sanitizeRichText } from '../../src/rich-text/sanitize.ts';
import { mergeLines, mergeText } from '../../src/web/assets/js/draft-merge.js';
import {
  answerLinesToBullets,
  answerToText,
  draftTextToHtml,
  htmlToDraftText,
  keepsFormatting,
} from '../../src/web/staff/draft-text.ts';
import { CC_UPDATE_HTML, PCC_UPDATE_HTML } from '../domain/meetings-fixtures.ts';

describe('the drafting text format', () => {
  it('turns typed lines into paragraphs, bullets, numbered and roman-numbered points', () => {
    const html = draftTextToHtml(
      [
        'The Commissioner provided an update:',
        'I. The PCC has written to the Chief Constable.',
        'II. The VRP has been funded.',
        '',
        '- a bullet',
        '* another',
        '1. first',
        '2) second',
      ].join('\n'),
    );
    expect(html).toBe(
      '<p>The Commissioner provided an update:</p>' +
        '<ol type="I"><li>The PCC has written to the Chief Constable.</li><li>The VRP has been funded.</li></ol>' +
        '<ul><li>a bullet</li><li>another</li></ul>' +
        '<ol><li>first</li><li>second</li></ol>',
    );
    // What it writes is what the sanitiser keeps: stored as typed.
    expect(sanitizeRichText(html)).toBe(html);
  });

  it('escapes what is typed, never letting it become markup', () => {
    const html = draftTextToHtml('<script>alert(1)</script>\n- <img src=x onerror=alert(1)> & "quotes"');
    expect(html).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p><ul><li>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;quotes&quot;</li></ul>',
    );
    expect(htmlToDraftText(html)).toBe(
      '<script>alert(1)</script>\n- <img src=x onerror=alert(1)> & "quotes"',
    );
  });

  it('reads the reference meeting’s updates back as typed, and writes them unchanged', () => {
    for (const html of [PCC_UPDATE_HTML, CC_UPDATE_HTML]) {
      const text = htmlToDraftText(html);
      expect(text.split('\n')[1]).toMatch(/^I\. /);
      expect(draftTextToHtml(text)).toBe(html);
      expect(keepsFormatting(html)).toBe(true);
    }
  });

  it('keeps the words of formatting it cannot show, and says so', () => {
    const html = '<p>Some <strong>bold</strong> text</p><table><tr><td>a</td><td>b</td></tr></table>';
    expect(htmlToDraftText(html)).toBe('Some bold text\na | b');
    expect(keepsFormatting(html)).toBe(false);
  });

  it('numbers lists that do not start at one', () => {
    expect(draftTextToHtml('IV. fourth\nV. fifth')).toBe(
      '<ol type="I" start="4"><li>fourth</li><li>fifth</li></ol>',
    );
    expect(htmlToDraftText('<ol type="I" start="4"><li>fourth</li><li>fifth</li></ol>')).toBe(
      'IV. fourth\nV. fifth',
    );
  });

  it('takes an answer as one bullet point per line', () => {
    expect(answerLinesToBullets('- one\n\n• two\n  three  ')).toEqual(['one', 'two', 'three']);
    expect(answerToText({ answerBullets: ['one', 'two'], answerHtml: '' })).toBe('one\ntwo');
    expect(answerToText({ answerBullets: null, answerHtml: '<ul><li>one</li></ul><p>more</p>' })).toBe(
      'one\nmore',
    );
  });
});

describe('merging two people’s edits of the same notes', () => {
  it('keeps both additions, each after the line it followed', () => {
    const base = 'A\nB\nC';
    expect(mergeText(base, 'A\nmine\nB\nC', 'A\nB\ntheirs\nC')).toBe('A\nmine\nB\ntheirs\nC');
  });

  it('takes the only side that changed', () => {
    expect(mergeText('A', 'A', 'A\nB')).toBe('A\nB');
    expect(mergeText('A', 'A\nB', 'A')).toBe('A\nB');
    expect(mergeText('', 'mine', '')).toBe('mine');
  });

  it('keeps both versions of a line both of them rewrote', () => {
    expect(mergeText('A\nB', 'A\nB mine', 'A\nB theirs')).toBe('A\nB mine\nB theirs');
  });

  it('applies my deletions to their version', () => {
    expect(mergeText('A\nB\nC', 'A\nC', 'A\nB\nC\nD')).toBe('A\nC\nD');
  });

  it('never loses a line either of them added', () => {
    const line = fc.string({ minLength: 1, maxLength: 6 }).filter((s) => !s.includes('\n'));
    fc.assert(
      fc.property(
        fc.uniqueArray(line, { maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(), line), { maxLength: 5 }),
        fc.array(fc.tuple(fc.nat(), line), { maxLength: 5 }),
        (base, myInserts, theirInserts) => {
          const insert = (inserts: [number, string][]) => {
            const out = [...base];
            for (const [at, text] of inserts) out.splice(at % (out.length + 1), 0, text);
            return out;
          };
          const mine = insert(myInserts);
          const theirs = insert(theirInserts);
          const merged = mergeLines(base, mine, theirs);
          for (const l of [...mine, ...theirs]) expect(merged).toContain(l);
        },
      ),
    );
  });
});
