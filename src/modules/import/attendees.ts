// Attendance lists arrive run together on one line:
// "Wasim Ali (Deputy Police and Crime Commissioner, OPCC) Scott Green (Chief Constable, WMP) ..."
// Each person is "Name (Role, Organisation)" or "Name (Role)"; the organisation is the text
// after the last comma inside the brackets.

import { escapeHtml } from '../../rich-text/sanitize.ts';
import type { Block } from './blocks.ts';
import { isNameNotRole, isPlausibleName } from './people.ts';
import type { Attendee, Unplaced } from './schema.ts';
import { squashSpaces } from './source-lines.ts';

export type AttendanceSection = 'present' | 'apologies';

export interface Attendance {
  present: Attendee[];
  apologies: Attendee[];
  bodyHtml: string;
  unplaced: Unplaced[];
}

const SECTION_HEADING =
  /^(attendees|attendance|present|members present|in attendance|also present|also in attendance|apologies(?: for absence)?(?: received)?)\s*(?::|[-–](?=\s)|$)\s*/i;

/** "Attendees:" -> present, "Apologies:" -> apologies, anything else -> null. */
export function attendanceSectionOf(text: string): { section: AttendanceSection; rest: string } | null {
  const match = SECTION_HEADING.exec(text);
  if (!match?.[1]) return null;
  const section = match[1].toLowerCase().startsWith('apologies') ? 'apologies' : 'present';
  return { section, rest: text.slice(match[0].length).trim() };
}

function splitRoleAndOrganisation(inside: string): { role: string | null; organisation: string | null } {
  const text = squashSpaces(inside);
  if (!text) return { role: null, organisation: null };
  const comma = text.lastIndexOf(',');
  if (comma < 0) return { role: text, organisation: null };
  const role = text.slice(0, comma).trim();
  const organisation = text.slice(comma + 1).trim();
  return { role: role || null, organisation: organisation || null };
}

interface ListParse {
  attendees: Attendee[];
  leftovers: string[];
}

/**
 * Names written without brackets, separated by commas, semicolons or "and". Split only when
 * every piece is a plausible name; otherwise the text is kept whole as a leftover.
 */
function parseBareNames(text: string, line: number, into: ListParse): void {
  const names = text
    .split(/[,;]|\s+and\s+|\s+&\s+/)
    .map((piece) => squashSpaces(piece).replace(/^[-–•.\s]+|[.\s]+$/g, ''))
    .filter((piece) => piece.length > 0);
  // Without brackets there is no role to anchor on, so a job title must not pass as a name.
  if (names.every(isNameNotRole)) {
    for (const name of names) into.attendees.push({ name, role: null, organisation: null, line });
    return;
  }
  const whole = squashSpaces(text).replace(/^[,;.\s]+|[,;\s]+$/g, '');
  if (whole) into.leftovers.push(whole);
}

/** Scans for "(...)" by hand: a lazy regex here is quadratic on long bracket-free lines. */
export function parseAttendeeList(text: string, line: number): ListParse {
  const result: ListParse = { attendees: [], leftovers: [] };
  let position = 0;
  for (;;) {
    const open = text.indexOf('(', position);
    if (open < 0) break;
    const close = text.indexOf(')', open);
    const nestedOpen = text.indexOf('(', open + 1);
    if (close < 0 || (nestedOpen >= 0 && nestedOpen < close)) break;

    // Text before the bracket: earlier bare names, then this person's name.
    const before = text.slice(position, open).split(/[,;]/);
    const name = squashSpaces(before.pop() ?? '').replace(/^(?:and|&)\s+/i, '');
    parseBareNames(before.join(','), line, result);
    const inside = text.slice(open + 1, close);
    if (isPlausibleName(name)) {
      result.attendees.push({ name, ...splitRoleAndOrganisation(inside), line });
    } else {
      result.leftovers.push(squashSpaces(`${name} (${inside})`));
    }
    position = close + 1;
  }
  const tail = text.slice(position);
  // A malformed bracket leaves a tail we cannot split safely; keep it whole.
  if (tail.includes('(') || tail.includes(')')) {
    const kept = squashSpaces(tail);
    if (kept) result.leftovers.push(kept);
  } else {
    parseBareNames(tail, line, result);
  }
  return result;
}

function attendeeAsPrinted(attendee: Attendee): string {
  const inside = [attendee.role, attendee.organisation].filter((part) => part !== null).join(', ');
  return inside ? `${attendee.name} (${inside})` : attendee.name;
}

/**
 * Reads an attendance item. `initialSection` comes from the item title when the title itself
 * is the "Attendees:" heading; text before any heading cannot be assigned and is unplaced.
 */
export function parseAttendance(
  blocks: readonly Block[],
  initialSection: AttendanceSection | null,
): Attendance {
  const attendance: Attendance = { present: [], apologies: [], bodyHtml: '', unplaced: [] };
  let section = initialSection;
  let html = '';
  let openList: Attendee[] = [];

  const closeList = (): void => {
    if (openList.length > 0) {
      html += `<ul>${openList.map((person) => `<li>${escapeHtml(attendeeAsPrinted(person))}</li>`).join('')}</ul>`;
    }
    openList = [];
  };

  for (const block of blocks) {
    const heading = attendanceSectionOf(block.text);
    let text = block.text;
    if (heading) {
      closeList();
      section = heading.section;
      html += `<p>${escapeHtml(block.text.slice(0, block.text.length - heading.rest.length).trim())}</p>`;
      text = heading.rest;
      if (!text) continue;
    }
    if (section === null) {
      attendance.unplaced.push({
        line: block.line,
        text,
        reason: 'Attendance text before any "Attendees:" or "Apologies:" heading.',
      });
      continue;
    }
    const parsed = parseAttendeeList(text, block.line);
    attendance[section].push(...parsed.attendees);
    openList.push(...parsed.attendees);
    for (const leftover of parsed.leftovers) {
      attendance.unplaced.push({
        line: block.line,
        text: leftover,
        reason: `Not recognisable as "Name (Role, Organisation)" in the ${section} list.`,
      });
    }
  }
  closeList();
  attendance.bodyHtml = html;
  return attendance;
}
