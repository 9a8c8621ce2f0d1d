/**
 * Counterexamples the property found on the code of its day (issue 14, findings 1–3), kept as fixed
 * sequences so they stay in the suite whatever the seed ("a seed that finds a bug is kept as a
 * fixed example"). Indexes name objects in the order they were made (item0, question0, ...).
 */
import type fc from 'fast-check';
import {
  AddAction,
  AddItem,
  AddQuestion,
  AddUpdate,
  MoveQuestion,
  PublishNotes,
  type Real,
  SetActionConf,
  SetItemConf,
} from './commands.ts';
import type { Model } from './model.ts';

type Cmd = fc.AsyncCommand<Model, Real, false>;

/**
 * `knownBug`: the product still violates the rule here (reported, not yet fixed); the example runs
 * as an expected failure, so fixing the product makes it fail until the flag is removed.
 */
export const COUNTEREXAMPLES: Record<string, { commands: () => Cmd[]; knownBug?: string }> = {
  // Finding 1: the action stays public on the tracker, open data, search and the action log.
  'an action whose question moves under an exempt item, then published (finding 1)': {
    commands: () => [
      new AddItem('public'),
      new AddItem('exempt'),
      new AddQuestion(0),
      new AddAction({ question: 0 }, 'public'),
      new MoveQuestion(0, 1),
      new PublishNotes(),
    ],
  },
  // Finding 2: the WMP officer reads an OPCC-only action.
  'an item made OPCC-only after an action was raised under it (finding 2)': {
    commands: () => [
      new AddItem('public'),
      new AddAction({ item: 0 }, 'public'),
      new SetItemConf(0, 'opcc_only'),
    ],
  },
  'a question moved under an OPCC-only item after an action was raised on it (finding 2)': {
    commands: () => [
      new AddItem('public'),
      new AddItem('opcc_only'),
      new AddQuestion(0),
      new AddAction({ question: 0 }, 'public'),
      new MoveQuestion(0, 1),
    ],
  },
  // Finding 3: numbers count what is withheld.
  'question numbers with an OPCC-only question in the middle (finding 3)': {
    commands: () => [
      new AddItem('public'),
      new AddItem('opcc_only'),
      new AddQuestion(0, 'next'),
      new AddQuestion(1, 'next'),
      new AddQuestion(0, 'next'),
      new PublishNotes(),
    ],
  },
  'numbered questions under the questions item, an exempt one between them (finding 3)': {
    commands: () => [
      new AddItem('public', 'questions'),
      new AddItem('exempt'),
      new AddQuestion(null, 3),
      new AddQuestion(1, 'next'),
      new AddQuestion(null, 'next'),
      new MoveQuestion(0, 1),
      new PublishNotes(),
    ],
  },
  'exempt and OPCC-only actions share the R series (finding 3)': {
    commands: () => [
      new AddAction(null, 'exempt'),
      new AddAction(null, 'opcc_only'),
      new AddAction(null, 'exempt'),
    ],
  },
  // Found by seed 20260414: a reclassified action keeps the reference of its first series.
  'an exempt action made public keeps its R reference (finding 3, seed 20260414)': {
    commands: () => [
      new AddAction(null, 'exempt'),
      new SetActionConf(0, 'public'),
      new AddAction(null, 'exempt'),
    ],
  },
  // Reopening is seldom reached by short generated sequences: a proposal and a reopen note kept
  // internal, a public closing note, then an internal reopen note (the last must not reach members).
  'proposal and reopen notes kept internal around a public closing note (finding 6)': {
    commands: () => [
      new AddAction(null, 'public'),
      new AddUpdate(0, 'proposal', false),
      new AddUpdate(0, 'reopen', false),
      new AddUpdate(0, 'close', true),
      new AddUpdate(0, 'reopen', false),
      new PublishNotes(),
    ],
  },
  // Found by the closing-note command: the closing note is stored on the action as `closure_note`
  // and was served as `closureNote` (API detail, lists, matters arising) and printed in the action
  // log, whether or not it was published on the website. Fixed: it follows the closing update's choice.
  'a closing note not published on the website (finding 6)': {
    commands: () => [new AddAction(null, 'public'), new AddUpdate(0, 'close', false)],
  },
};
