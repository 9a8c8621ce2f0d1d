// Classifies an agenda item from its title. Order matters: "Questions on the PCC update" is a
// questions item, so the more specific kinds are tested first.
import type { ItemKind } from './schema.ts';

const TITLE_RULES: ReadonlyArray<readonly [ItemKind, RegExp]> = [
  ['attendance', /\b(?:attendees|attendance|present|apologies)\b/i],
  ['previous_notes', /\b(?:notes|minutes)\b.*\b(?:last|previous|prior)\b|\b(?:last|previous) meeting\b/i],
  ['declarations', /\bdeclarations?\b/i],
  ['matters_arising', /\bmatters arising\b|\baction (?:log|tracker|updates?)\b/i],
  ['exclusion', /\bexclusion\b|\bexempt\b/i],
  ['aob', /\bany other business\b|\baob\b/i],
  ['close', /^(?:close|closing|meeting close[d]?|close of (?:the )?meeting|end of (?:the )?meeting)\b/i],
  ['questions', /\bquestions?\b/i],
  ['update', /\bupdates?\b/i],
  ['report', /\b(?:report|paper|presentation)\b/i],
];

export function classifyItemKind(
  title: string | null,
  hasAttendance: boolean,
  hasPresenters: boolean,
): ItemKind {
  if (hasAttendance) return 'attendance';
  if (title !== null) {
    for (const [kind, pattern] of TITLE_RULES) if (pattern.test(title)) return kind;
  }
  // A topic item with a named presenter is a report to the board ("Domestic Abuse").
  return hasPresenters ? 'report' : 'other';
}
