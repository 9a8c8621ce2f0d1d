// People as printed in the notes: "Temporary Assistant Chief Constable, Richard North".
import type { PersonRef } from './schema.ts';
import { squashSpaces } from './source-lines.ts';

const HONORIFIC = String.raw`(?:(?:Cllr|Councillor|Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Professor|Sir|Dame|Lord|Lady|Rev|Baroness|Baron)\.?\s+)`;
const NAME_WORD = String.raw`\p{Lu}[\p{L}\p{M}'’.-]*`;
const PARTICLE = String.raw`(?:(?:de|da|di|du|van|von|der|den|la|le|bin|ibn|al|el|ap)\s+)`;
// Two to five capitalised words ("Mike O'Hara", "Ayesha bin Ali"), optionally with an honorific.
const PERSON_NAME = new RegExp(`^${HONORIFIC}?${NAME_WORD}(?:\\s+${PARTICLE}?${NAME_WORD}){1,4}$`, 'u');

// Job-title words: "Temporary ACC" is capitalised like a name but is a role. (No "Head" or
// "Lead": they are also surnames.)
const ROLE_WORD =
  /\b(?:Chief|Constable|Commissioner|Officer|Director|Manager|Superintendent|Inspector|Sergeant|Chair|Chairman|Chairperson|Advocate|Executive|Deputy|Assistant|Temporary|Acting|Secretary|Member|Treasurer|Clerk|Analyst|Adviser|Advisor|ACC|DCC|PCC|DPCC|CC|CEO|CFO)\b/;

/** Shape of a personal name: capitalised words, optional honorific and particles. */
export function isPlausibleName(text: string): boolean {
  return PERSON_NAME.test(text);
}

/** A name that is not a job title, for telling "Role, Name" from "Name, Role". */
export function isNameNotRole(text: string): boolean {
  return PERSON_NAME.test(text) && !ROLE_WORD.test(text);
}

/**
 * Splits "Role, Name" at the last comma (roles may contain "and" but not commas in the
 * source). Falls back to the whole text as the name, with no role, rather than guessing.
 */
export function parsePersonRef(printed: string): PersonRef {
  const asPrinted = squashSpaces(printed).replace(/[.;,]+$/, '');
  const comma = asPrinted.lastIndexOf(',');
  if (comma > 0) {
    const before = asPrinted.slice(0, comma).trim();
    const after = asPrinted.slice(comma + 1).trim();
    if (isNameNotRole(after)) return { asPrinted, role: before, name: after };
    // "Richard North, Temporary ACC" is the other order some secretariats use.
    if (isNameNotRole(before)) return { asPrinted, role: after, name: before };
  }
  return { asPrinted, role: null, name: asPrinted };
}

/** "A, Name; B, Name" -> two people. Only ";" separates people: roles contain "and". */
export function parsePeopleList(printed: string): PersonRef[] {
  return printed
    .split(';')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map(parsePersonRef);
}
