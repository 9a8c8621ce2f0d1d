import { describe, expect, it } from 'vitest';
import { allowedSteps, canTake, isEditable } from '../../src/modules/meeting-access/notes-state.ts';
import { diffLines, diffText, hunks } from '../../src/modules/publication/line-diff.ts';
import { numberLists } from '../../src/modules/publication/readable-text.ts';
import { snippetRuns } from '../../src/web/public/search-page.ts';

describe('line diff', () => {
  it('keeps common lines, marks removed and added ones, and shows changes with context', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    const after = ['a', 'b', 'c', 'D', 'e', 'f', 'g', 'h', 'i'];
    const lines = diffLines(before, after);
    expect(lines.filter((l) => l.op !== 'same')).toEqual([
      { op: 'removed', text: 'd' },
      { op: 'added', text: 'D' },
      { op: 'added', text: 'i' },
    ]);
    expect(hunks(lines, 1).map((h) => h.lines.map((l) => l.text))).toEqual([
      ['c', 'd', 'D', 'e'],
      ['h', 'i'],
    ]);
    expect(diffText(lines, 0)).toBe('- d\n+ D\n…\n+ i');
  });

  it('an identical pair has no hunks; a long pathological pair still answers', () => {
    expect(hunks(diffLines(['x', 'y'], ['x', 'y']))).toEqual([]);
    const many = Array.from({ length: 3000 }, (_, i) => `line ${i}`);
    const reversed = [...many].reverse();
    const lines = diffLines(many, reversed);
    expect(lines.filter((l) => l.op === 'removed')).toHaveLength(
      3000 - lines.filter((l) => l.op === 'same').length,
    );
  });
});

describe('readable text', () => {
  it('numbers ordered lists as printed, nested lists too', () => {
    expect(numberLists('<ol type="I"><li>one</li><li>two</li></ol>')).toBe(
      '<ol type="I"><li>I. one</li><li>II. two</li></ol>',
    );
    expect(
      numberLists('<ol start="3"><li>c<ol type="a"><li>x</li></ol></li><li>d</li></ol><ul><li>b</li></ul>'),
    ).toBe('<ol start="3"><li>3. c<ol type="a"><li>a. x</li></ol></li><li>4. d</li></ol><ul><li>b</li></ul>');
  });
});

describe('notes workflow states', () => {
  it('moves one step at a time, and freezes approved and published notes', () => {
    expect(allowedSteps('draft')).toEqual(['submit']);
    expect(allowedSteps('published')).toEqual(['correct']);
    expect(canTake('publish', 'submitted')).toBe(false);
    expect(canTake('publish', 'correcting')).toBe(true);
    expect(
      ['draft', 'submitted', 'approved', 'published', 'correcting'].filter((s) => isEditable(s as never)),
    ).toEqual(['draft', 'submitted', 'correcting']);
  });
});

describe('search snippets', () => {
  it('splits marked matches into runs the template escapes', () => {
    expect(snippetRuns('The \u0001domestic\u0002 abuse <b>item</b>')).toEqual([
      { text: 'The ', mark: false },
      { text: 'domestic', mark: true },
      { text: ' abuse <b>item</b>', mark: false },
    ]);
  });
});
