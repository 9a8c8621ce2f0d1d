// Update items list their points as "I. ... II. ...", often run together without spaces
// ("...opportunity.II. The PCC...") and sometimes continued in a later paragraph ("<p>IV. ...").
// Only the numeral that comes next in sequence is accepted, so a stray "V." in a sentence
// cannot start a list on its own.
import type { Block, BlockKind } from './blocks.ts';

const NUMERALS: readonly string[] =
  'I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX'.split(' ');

const CAN_HOLD_ROMAN: ReadonlySet<BlockKind> = new Set(['paragraph', 'listText', 'bullet']);

// After "IV." we need a space or the start of a sentence, so "I.e." is not a point.
const AFTER_NUMERAL = String.raw`\.(?:\s+|(?=[\p{Lu}\d"'‘“]))(?=\S)`;

function stripLeadingNumeral(text: string, numeral: string): string | null {
  const match = new RegExp(`^${numeral}${AFTER_NUMERAL}`, 'u').exec(text);
  return match ? text.slice(match[0].length) : null;
}

/** Finds "II." inside running text, preceded by a space, sentence end or bracket. */
function findNumeral(text: string, numeral: string): { start: number; end: number } | null {
  const match = new RegExp(`(?<=[\\s.!?:;)"'’”])${numeral}${AFTER_NUMERAL}`, 'u').exec(text);
  return match ? { start: match.index, end: match.index + match[0].length } : null;
}

function romanBlock(source: Block, numeral: string, text: string): Block {
  return { ...source, kind: 'roman', text, marker: numeral };
}

export function splitRomanPoints(blocks: readonly Block[]): Block[] {
  const result: Block[] = [];
  // Index into NUMERALS of the numeral that would continue the open list; 0 = no open list.
  let expected = 0;
  for (const block of blocks) {
    if (!CAN_HOLD_ROMAN.has(block.kind)) {
      result.push(block);
      continue;
    }
    // An open list continues with the expected numeral; "I." always (re)starts a list.
    const candidates = expected > 0 ? [expected, 0] : [0];
    let index = -1;
    let remaining = '';
    for (const candidate of candidates) {
      const rest = stripLeadingNumeral(block.text, NUMERALS[candidate] ?? '');
      if (rest !== null) {
        index = candidate;
        remaining = rest;
        break;
      }
    }
    if (index < 0) {
      result.push(block);
      continue;
    }
    for (;;) {
      const numeral = NUMERALS[index] ?? '';
      const following = NUMERALS[index + 1];
      const position = following === undefined ? null : findNumeral(remaining, following);
      if (position === null) {
        result.push(romanBlock(block, numeral, remaining.trim()));
        break;
      }
      result.push(romanBlock(block, numeral, remaining.slice(0, position.start).trim()));
      remaining = remaining.slice(position.end);
      index += 1;
    }
    expected = index + 1 < NUMERALS.length ? index + 1 : 0;
  }
  return result;
}
