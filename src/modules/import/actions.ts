// "ACTION: WMP to provide OPCC with ..." lines. The owner is the organisation that opens the
// action (the subject before "to"/"will"), not any organisation mentioned later in it.

const ACTION_LINE = /^actions?(?:\s+points?)?\s*(?::|[-–](?=\s))\s*(\S.*)$/i;
// Acronyms such as WMP, OPCC, CPS, NCA, WMFS; a trailing lowercase "s" is a plural (PCCs).
const ORGANISATION_ACRONYM = /^[A-Z][A-Z0-9&]{1,9}s?$/;
const SUBJECT_END = /\s(?:to|will|should|must|shall|would|and|are|is|has|have|agreed)\s/i;

/** Returns the action text without its "ACTION:" label, or null when the text is not an action. */
export function actionText(text: string): string | null {
  const match = ACTION_LINE.exec(text);
  return match?.[1] ?? null;
}

export function actionOwnerOrganisation(action: string): string | null {
  const subjectEnd = action.search(SUBJECT_END);
  const subject = subjectEnd < 0 ? action : action.slice(0, subjectEnd);
  for (const word of subject.split(/[\s,/]+/)) {
    const bare = word.replace(/^[("'‘“]+|[)"'’”:.]+$/g, '');
    if (ORGANISATION_ACRONYM.test(bare)) return bare;
  }
  return null;
}
