// The lines above item 1: board name, document title, meeting date and the summary sentence.
// Each field needs positive evidence; anything else is reported as unplaced.
import { linesToBlocks } from './blocks.ts';
import { findDate, isDateLine } from './dates.ts';
import type { ParseWarning, Unplaced } from './schema.ts';
import type { SourceLine } from './source-lines.ts';

export interface Header {
  boardName: string | null;
  documentTitle: string | null;
  meetingDate: string | null;
  meetingDateText: string | null;
  summary: string | null;
  unplaced: Unplaced[];
  warnings: ParseWarning[];
}

const BODY_WORD =
  /\b(?:board|committee|panel|group|forum|council|authority|commission|partnership|assembly|meeting)\b/i;
const TITLE = /^(?:notes|minutes|record|summary)\b|\b(?:notes|minutes) of\b/i;
const SUMMARY_WORD = /\b(?:minutes|notes|summary|record|meeting)\b/i;

function isBoardName(text: string): boolean {
  return BODY_WORD.test(text) && !/[.?!]$/.test(text) && text.split(' ').length <= 12;
}

function isSummary(text: string): boolean {
  return /[.!]$/.test(text) && SUMMARY_WORD.test(text) && text.split(' ').length >= 5;
}

const BEFORE_FIRST_ITEM =
  'Text before the first agenda item that is not a board name, title, date or summary line.';
const NO_ITEMS =
  'No agenda item rows ("N<TAB>...") were found, and this is not a board name, title, date or summary line.';

/** `documentHasItems` only sharpens the reason given for unplaced lines. */
export function parseHeader(lines: readonly SourceLine[], documentHasItems: boolean): Header {
  const header: Header = {
    boardName: null,
    documentTitle: null,
    meetingDate: null,
    meetingDateText: null,
    summary: null,
    unplaced: [],
    warnings: [],
  };

  const setMeetingDate = (text: string, line: number): boolean => {
    const found = findDate(text);
    if (!found || header.meetingDate !== null) return false;
    header.meetingDate = found.iso;
    header.meetingDateText = found.text;
    if (found.weekdayMismatch) {
      header.warnings.push({
        line,
        message: `"${found.text}": ${found.weekdayMismatch} does not match ${found.iso}; the date was kept.`,
      });
    }
    return true;
  };

  for (const block of linesToBlocks(lines)) {
    const text = block.text;
    if (header.meetingDate === null && isDateLine(text) && setMeetingDate(text, block.line)) continue;
    if (header.documentTitle === null && TITLE.test(text) && !/[.!?]$/.test(text)) {
      header.documentTitle = text;
      // "Minutes of the meeting held on 24 March 2026" carries the date in the title.
      setMeetingDate(text, block.line);
      continue;
    }
    if (header.boardName === null && isBoardName(text)) {
      header.boardName = text;
      continue;
    }
    if (header.summary === null && isSummary(text)) {
      header.summary = text;
      continue;
    }
    header.unplaced.push({
      line: block.line,
      text,
      reason: documentHasItems ? BEFORE_FIRST_ITEM : NO_ITEMS,
    });
  }
  return header;
}
