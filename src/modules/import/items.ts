// Parses one agenda item: title, presenters, then either the attendance lists or the
// discussion (questions, answers, actions, body text).
import {
  type Attendance,
  type AttendanceSection,
  attendanceSectionOf,
  parseAttendance,
} from './attendees.ts';
import { type Block, joinPageBreaks, linesToBlocks } from './blocks.ts';
import { findDate } from './dates.ts';
import { parseDiscussion } from './discussion.ts';
import { classifyItemKind } from './item-kind.ts';
import type { ItemSpan } from './item-spans.ts';
import { parsePeopleList } from './people.ts';
import { renderBody } from './render-body.ts';
import { splitRomanPoints } from './roman-points.ts';
import type { ParsedItem, ParseWarning, PersonRef, Unplaced } from './schema.ts';

export interface ItemParse {
  item: ParsedItem;
  attendance: Attendance | null;
  nextMeetingDate: string | null;
  unplaced: Unplaced[];
  warnings: ParseWarning[];
}

// Unicode-aware word start: a plain \b would split "一Presented by" and lose the label.
const PRESENTED_BY = /\s*(?<![\p{L}\p{N}_])presented by\s*:?\s*/iu;
const PRESENTER_LINE = /^presented by\s*:?\s*(\S.*)$/i;
const NEXT_MEETING = /^(?:date of )?next meeting\b/i;
const LABELLED = /^(?:question\s+\d|actions?\b\s*(?:points?)?\s*[:\-–])/i;

/** A heading, not a sentence: short, not a question, and not a labelled line. */
function isTitleLike(text: string): boolean {
  const words = text.split(' ').length;
  if (text.length > 200 || words > 25 || text.endsWith('?') || LABELLED.test(text)) return false;
  return !text.endsWith('.') || words <= 8;
}

function cleanTitle(text: string): string {
  return text.replace(/[\s:–-]+$/, '').trim();
}

interface TitleSplit {
  title: string | null;
  presenters: PersonRef[];
  rest: Block[];
}

/** The first paragraph of the item is its title, possibly with "Presented by: ..." run on. */
function takeTitle(blocks: readonly Block[]): TitleSplit {
  const [first, ...rest] = blocks;
  if (!first || (first.kind !== 'paragraph' && first.kind !== 'listText')) {
    return { title: null, presenters: [], rest: [...blocks] };
  }
  const presented = PRESENTED_BY.exec(first.text);
  const titleText = presented ? first.text.slice(0, presented.index) : first.text;
  if (!titleText.trim() || !isTitleLike(titleText)) return { title: null, presenters: [], rest: [...blocks] };
  const presenters = presented
    ? parsePeopleList(first.text.slice(presented.index + presented[0].length))
    : [];
  return { title: cleanTitle(titleText), presenters, rest };
}

function takePresenterLines(blocks: readonly Block[]): { presenters: PersonRef[]; rest: Block[] } {
  const presenters: PersonRef[] = [];
  const rest: Block[] = [];
  for (const block of blocks) {
    const match = block.kind === 'paragraph' ? PRESENTER_LINE.exec(block.text) : null;
    if (match?.[1]) presenters.push(...parsePeopleList(match[1]));
    else rest.push(block);
  }
  return { presenters, rest };
}

function findNextMeetingDate(blocks: readonly Block[], warnings: ParseWarning[]): string | null {
  for (const block of blocks) {
    if (!NEXT_MEETING.test(block.text)) continue;
    const found = findDate(block.text);
    if (found) return found.iso;
    warnings.push({ line: block.line, message: 'A "Next meeting" line has no date the parser can read.' });
  }
  return null;
}

function sectionFromTitle(title: string | null): AttendanceSection | null {
  if (title === null) return null;
  const heading = attendanceSectionOf(title);
  if (heading && !heading.rest) return heading.section;
  return null;
}

function attendanceBlocks(
  blocks: readonly Block[],
): { title: string; section: AttendanceSection; rest: Block[] } | null {
  const [first, ...rest] = blocks;
  const heading = first ? attendanceSectionOf(first.text) : null;
  if (!first || !heading) return null;
  const label = cleanTitle(first.text.slice(0, first.text.length - heading.rest.length));
  return {
    title: label,
    section: heading.section,
    rest: heading.rest ? [{ ...first, text: heading.rest }, ...rest] : rest,
  };
}

export function parseItem(span: ItemSpan): ItemParse {
  const warnings: ParseWarning[] = [];
  const allBlocks = linesToBlocks(span.lines);
  const nextMeetingDate = findNextMeetingDate(allBlocks, warnings);

  const attendanceStart = attendanceBlocks(allBlocks);
  const titled = attendanceStart
    ? { title: attendanceStart.title, presenters: [], rest: attendanceStart.rest }
    : takeTitle(allBlocks);
  if (titled.title === null) {
    warnings.push({ line: span.startLine, message: `Item ${span.number} has no recognisable title.` });
  }
  const presenterLines = takePresenterLines(titled.rest);
  const presenters = [...titled.presenters, ...presenterLines.presenters];
  for (const presenter of presenters) {
    if (presenter.role === null) {
      warnings.push({
        line: span.startLine,
        message: `Could not split presenter "${presenter.asPrinted}" into role and name; kept whole as the name.`,
      });
    }
  }

  const isAttendance =
    attendanceStart !== null || classifyItemKind(titled.title, false, false) === 'attendance';
  const base = {
    number: span.number,
    title: titled.title,
    kind: classifyItemKind(titled.title, isAttendance, presenters.length > 0),
    presenters,
    startLine: span.startLine,
    endLine: span.endLine,
  };

  if (isAttendance) {
    const attendance = parseAttendance(
      presenterLines.rest,
      attendanceStart?.section ?? sectionFromTitle(titled.title),
    );
    return {
      item: { ...base, bodyHtml: attendance.bodyHtml, questions: [], actions: [] },
      attendance,
      nextMeetingDate,
      unplaced: attendance.unplaced,
      warnings,
    };
  }

  const discussion = parseDiscussion(splitRomanPoints(joinPageBreaks(presenterLines.rest)));
  return {
    item: {
      ...base,
      bodyHtml: renderBody(discussion.nodes),
      questions: discussion.questions,
      actions: discussion.actions,
    },
    attendance: null,
    nextMeetingDate,
    unplaced: [],
    warnings: [...warnings, ...discussion.warnings],
  };
}
