// Entry point of the notes importer's parser: extracted "Notes of the Meeting" text in,
// structured notes out. Pure: no IO, never throws on malformed input. Text it cannot place
// confidently is returned in `unplaced` with the line number and a reason, never dropped.
import { parseHeader } from './header.ts';
import { splitIntoItemSpans } from './item-spans.ts';
import { parseItem } from './items.ts';
import type { Attendee, ParsedNotes } from './schema.ts';
import { toSourceLines } from './source-lines.ts';

export type {
  Action,
  Attendee,
  ItemKind,
  ParsedItem,
  ParsedNotes,
  ParseWarning,
  PersonRef,
  Question,
  Unplaced,
} from './schema.ts';
export { parsedNotesSchema } from './schema.ts';

export function parseNotes(text: string): ParsedNotes {
  const input = typeof text === 'string' ? text : '';
  const segmentation = splitIntoItemSpans(toSourceLines(input));
  const header = parseHeader(segmentation.headerLines, segmentation.items.length > 0);
  const parsedItems = segmentation.items.map(parseItem);

  const present: Attendee[] = [];
  const apologies: Attendee[] = [];
  for (const parsed of parsedItems) {
    present.push(...(parsed.attendance?.present ?? []));
    apologies.push(...(parsed.attendance?.apologies ?? []));
  }

  return {
    boardName: header.boardName,
    documentTitle: header.documentTitle,
    meetingDate: header.meetingDate,
    meetingDateText: header.meetingDateText,
    summary: header.summary,
    nextMeetingDate: parsedItems.find((parsed) => parsed.nextMeetingDate !== null)?.nextMeetingDate ?? null,
    attendance: { present, apologies },
    items: parsedItems.map((parsed) => parsed.item),
    unplaced: [...header.unplaced, ...parsedItems.flatMap((parsed) => parsed.unplaced)].sort(
      (a, b) => a.line - b.line,
    ),
    warnings: [
      ...segmentation.warnings,
      ...header.warnings,
      ...parsedItems.flatMap((parsed) => parsed.warnings),
    ].sort((a, b) => a.line - b.line),
  };
}
