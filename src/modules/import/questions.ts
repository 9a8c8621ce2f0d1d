// Recognises question paragraphs. Pre-submitted questions are numbered
// ("Question 2: ... (Asked by Deputy Police and Crime Commissioner, Wasim Ali)"); questions put
// in the meeting are plain paragraphs ending in "?" with the answers as bullets below.
import type { Block } from './blocks.ts';
import { parsePersonRef } from './people.ts';
import type { PersonRef } from './schema.ts';

export interface QuestionHead {
  number: number | null;
  text: string;
  askedBy: PersonRef | null;
  /** Set when the question was recognised only by its wording and the bullets after it. */
  heuristic: string | null;
}

const NUMBERED = /^question\s+(\d{1,3})\s*[:.)\-–]\s*(.*)$/i;
const ASKED_BY = /\s*\(\s*(?:asked|submitted|raised)\s+by\s*:?\s*([^()]*)\)\s*\.?\s*$/i;
const ENDS_WITH_QUESTION_MARK = /\?["'’”)\]]*$/;
// Some minute-takers end a question with "." - we accept that only when the paragraph opens
// like a question AND answer bullets follow it.
const INTERROGATIVE_OPENING =
  /^(?:how|what|why|when|where|who|whom|whose|which|is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|to what extent)\b/i;

function takeAskedBy(text: string): { text: string; askedBy: PersonRef | null } {
  const match = ASKED_BY.exec(text);
  if (!match?.[1]?.trim()) return { text, askedBy: null };
  return { text: text.slice(0, match.index).trim(), askedBy: parsePersonRef(match[1]) };
}

function isAnswerBlock(block: Block | undefined): boolean {
  return block?.kind === 'bullet' || block?.kind === 'listText' || block?.kind === 'subitem';
}

export function readQuestionHead(block: Block, next: Block | undefined): QuestionHead | null {
  const numbered = NUMBERED.exec(block.text);
  if (numbered?.[1] !== undefined) {
    const { text, askedBy } = takeAskedBy(numbered[2] ?? '');
    return { number: Number(numbered[1]), text, askedBy, heuristic: null };
  }
  const { text, askedBy } = takeAskedBy(block.text);
  if (ENDS_WITH_QUESTION_MARK.test(text)) return { number: null, text, askedBy, heuristic: null };
  const opening = INTERROGATIVE_OPENING.exec(text);
  if (opening && isAnswerBlock(next)) {
    return {
      number: null,
      text,
      askedBy,
      heuristic: `Treated as a question: it opens with "${opening[0]}" and answer bullets follow, but it does not end with "?".`,
    };
  }
  return null;
}
