// Walks an item's blocks in order and assigns meaning: questions with their answer bullets,
// ACTION lines, and everything else as body text. Every block becomes exactly one body node,
// so the rendered body always contains all of the item's text.
import { actionOwnerOrganisation, actionText } from './actions.ts';
import type { Block } from './blocks.ts';
import { readQuestionHead } from './questions.ts';
import type { Action, ParseWarning, Question } from './schema.ts';

export type BodyNodeKind = 'paragraph' | 'question' | 'action' | 'bullet' | 'subitem' | 'roman';

export interface BodyNode {
  kind: BodyNodeKind;
  text: string;
  /** Sub-point number or roman numeral as printed. */
  marker: string | null;
}

export interface Discussion {
  nodes: BodyNode[];
  questions: Question[];
  actions: Action[];
  warnings: ParseWarning[];
}

export function parseDiscussion(blocks: readonly Block[]): Discussion {
  const discussion: Discussion = { nodes: [], questions: [], actions: [], warnings: [] };
  // Answers attach to the latest question until a non-list paragraph ends it. ACTION lines
  // do not end it: they arise from the answer and bullets may continue afterwards.
  let openQuestion: Question | null = null;

  for (const [index, block] of blocks.entries()) {
    const action = block.kind === 'subitem' || block.kind === 'roman' ? null : actionText(block.text);
    if (action !== null) {
      discussion.actions.push({
        text: action,
        ownerOrganisation: actionOwnerOrganisation(action),
        line: block.line,
      });
      discussion.nodes.push({ kind: 'action', text: action, marker: null });
      continue;
    }

    if (block.kind === 'paragraph') {
      const head = readQuestionHead(block, blocks[index + 1]);
      if (head === null) {
        openQuestion = null;
        discussion.nodes.push({ kind: 'paragraph', text: block.text, marker: null });
        continue;
      }
      openQuestion = {
        number: head.number,
        text: head.text,
        askedBy: head.askedBy,
        answerBullets: [],
        preSubmitted: head.number !== null,
        line: block.line,
      };
      discussion.questions.push(openQuestion);
      discussion.nodes.push({ kind: 'question', text: block.text, marker: null });
      if (head.heuristic) discussion.warnings.push({ line: block.line, message: head.heuristic });
      if (head.askedBy && head.askedBy.role === null) {
        discussion.warnings.push({
          line: block.line,
          message: `Could not split "${head.askedBy.asPrinted}" into role and name; kept whole as the name.`,
        });
      }
      continue;
    }

    if (block.kind === 'subitem') {
      // " 1. If the offence..." sub-points belong to the bullet above them; in answerBullets
      // they are folded into that bullet's text so the list stays one string per bullet.
      const numbered = `${block.marker ?? ''}. ${block.text}`;
      const answers = openQuestion?.answerBullets;
      if (answers && answers.length > 0) answers[answers.length - 1] = `${answers.at(-1) ?? ''} ${numbered}`;
      else answers?.push(numbered);
      discussion.nodes.push({ kind: 'subitem', text: block.text, marker: block.marker });
      continue;
    }

    openQuestion?.answerBullets.push(block.text);
    discussion.nodes.push({
      kind: block.kind === 'roman' ? 'roman' : 'bullet',
      text: block.text,
      marker: block.marker,
    });
  }
  return discussion;
}
