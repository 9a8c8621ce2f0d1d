// Turns raw extracted text into numbered lines. Line numbers are what reviewers see in
// `unplaced`, so normalisation must never add or remove line breaks beyond CRLF/CR -> LF.

export interface SourceLine {
  /** 1-based. */
  number: number;
  text: string;
}

// Word/PDF extraction leaves no-break and other exotic spaces; they break regexes on " ".
const EXOTIC_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\f\v\u2028\u2029]/g;
// Zero-width characters and BOMs are invisible noise that would split words.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// C0 controls other than TAB (item rows use TAB) carry no text.
// biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F]/g;

export function toSourceLines(input: string): SourceLine[] {
  if (input.length === 0) return [];
  return input.split(/\r\n|\r|\n/).map((raw, index) => ({
    number: index + 1,
    text: raw.replace(INVISIBLE, '').replace(CONTROL, '').replace(EXOTIC_SPACES, ' '),
  }));
}

/** Collapses runs of whitespace (including tabs) and trims. */
export function squashSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
