/** Types for draft-merge.js, which the server imports too (the drafting screen without JavaScript). */
export function mergeLines(base: string[], mine: string[], theirs: string[]): string[];
export function mergeText(base: string, mine: string, theirs: string): string;
