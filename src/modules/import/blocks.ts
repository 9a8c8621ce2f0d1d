// Blocks are the parser's unit of text: a paragraph, a bullet, a numbered sub-point or a roman
// point, each remembering the source lines it came from.
import { containsHtmlTag, decodeEntities, htmlLineToSegments, splitOnBulletChar } from './html-text.ts';
import { type SourceLine, squashSpaces } from './source-lines.ts';

export type BlockKind = 'paragraph' | 'bullet' | 'listText' | 'subitem' | 'roman';

export interface Block {
  kind: BlockKind;
  text: string;
  /** First source line. */
  line: number;
  /** Last source line; differs from `line` once a page-break continuation is joined on. */
  endLine: number;
  /** "3" for a " 3. ..." sub-point, "IV" for a roman point; null otherwise. */
  marker: string | null;
}

const PLAIN_BULLET = /^\s*[-–—•*▪◦·‣]\s+(\S.*)$/;
const PLAIN_SUBITEM = /^\s*(\d{1,2})[.)]\s+(\S.*)$/;

function plainLineToBlocks(rawText: string, line: number): Block[] {
  // Exports mix HTML rows with plain rows that still carry entities such as "&amp;".
  const text = decodeEntities(rawText);
  const bullet = PLAIN_BULLET.exec(text);
  if (bullet?.[1] !== undefined) {
    // "• a • b" on one line is several bullets.
    const { lead, bullets } = splitOnBulletChar(bullet[1]);
    return [lead, ...bullets]
      .filter((part) => part.length > 0)
      .map((part): Block => ({ kind: 'bullet', text: part, line, endLine: line, marker: null }));
  }
  const subitem = PLAIN_SUBITEM.exec(text);
  if (subitem?.[1] !== undefined && subitem[2] !== undefined) {
    return [{ kind: 'subitem', text: squashSpaces(subitem[2]), line, endLine: line, marker: subitem[1] }];
  }
  const paragraph = squashSpaces(text);
  return paragraph ? [{ kind: 'paragraph', text: paragraph, line, endLine: line, marker: null }] : [];
}

export function lineToBlocks(text: string, line: number): Block[] {
  if (!containsHtmlTag(text)) return plainLineToBlocks(text, line);
  return htmlLineToSegments(text).map(
    (segment): Block => ({
      kind: segment.kind,
      text: segment.text,
      line,
      endLine: line,
      marker: null,
    }),
  );
}

export function linesToBlocks(lines: readonly SourceLine[]): Block[] {
  return lines.flatMap((source) => lineToBlocks(source.text, source.number));
}

/** Lines with their own meaning must never be glued onto, or absorb, a neighbour. */
const LABELLED_LINE = /^(?:actions?\s*(?:points?)?\s*[:\-–]|question\s+\d+\s*[:.)\-–]|presented by\b)/i;
const STARTS_LOWERCASE = /^\p{Ll}/u;
// A sentence cannot end on these words, so "...embedded into the" / "CONNECT record..." is one
// sentence even though the second half starts uppercase.
const DANGLING_END =
  /\b(?:the|a|an|of|to|and|or|but|in|into|for|with|by|on|at|from|as|that|which|who|whose|has|have|had|been|be|is|are|was|were|will|would|can|could|should|may|might|must|not|their|its|his|her|our|your|this|these|those|such|than|between|within|under|over|across|about|after|before|during|via|including)$/;

/**
 * A page break in the source document leaves a sentence split over a blank line:
 * "...cases where suicide has been" / "" / "reported, including...". The second half is a
 * plain paragraph that starts lowercase or follows a block ending mid-sentence.
 */
function continuesPrevious(previous: Block, next: Block): boolean {
  if (next.kind !== 'paragraph' || next.line <= previous.endLine) return false;
  if (LABELLED_LINE.test(previous.text) || LABELLED_LINE.test(next.text)) return false;
  return STARTS_LOWERCASE.test(next.text) || DANGLING_END.test(previous.text);
}

export function joinPageBreaks(blocks: readonly Block[]): Block[] {
  const joined: Block[] = [];
  for (const block of blocks) {
    const previous = joined.at(-1);
    if (previous && continuesPrevious(previous, block)) {
      joined[joined.length - 1] = {
        ...previous,
        text: `${previous.text} ${block.text}`,
        endLine: block.endLine,
      };
    } else {
      joined.push(block);
    }
  }
  return joined;
}
