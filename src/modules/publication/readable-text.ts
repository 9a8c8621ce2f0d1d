/**
 * Published content as plain lines of text: what the public diff compares and what public search
 * indexes. One line per heading, paragraph, point, question, answer and action, so that a change
 * shows up as the few lines it touched.
 */

import { richTextToPlain } from '../../rich-text/sanitize.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { toRoman } from '../../text/roman-numerals.ts';
import { formatPerson } from '../../text/text-format.ts';
import type { PublishedAction, PublishedNotes, PublishedPerson } from './published-notes.ts';

/**
 * Numbers every item of an ordered list as printed ("I. ", "a. ", "3. "), so that the text keeps
 * the numbering the reader sees whether a list was stored as update points or inside the body.
 */
export function numberLists(html: string): string {
  const stack: { ordered: boolean; type: string; next: number }[] = [];
  return html.replace(/<(\/?)(ol|ul|li)\b([^>]*)>/gi, (tag, close: string, name: string, attrs: string) => {
    const lower = name.toLowerCase();
    if (lower === 'li') {
      const list = stack.at(-1);
      if (close || !list?.ordered) return tag;
      const marker = listMarker(list.type, list.next);
      list.next += 1;
      return `${tag}${marker}. `;
    }
    if (close) {
      stack.pop();
      return tag;
    }
    const type = /\btype="([1aAiI])"/.exec(attrs)?.[1] ?? '1';
    const start = Number(/\bstart="(\d{1,4})"/.exec(attrs)?.[1] ?? '1');
    stack.push({ ordered: lower === 'ol', type, next: start });
    return tag;
  });
}

function listMarker(type: string, n: number): string {
  switch (type) {
    case 'I':
      return toRoman(n);
    case 'i':
      return toRoman(n).toLowerCase();
    case 'A':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'a':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    default:
      return String(n);
  }
}

function paragraphs(html: string | null): string[] {
  if (!html) return [];
  return richTextToPlain(numberLists(html))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

function actionLine(action: PublishedAction): string {
  return `Action ${action.reference}${action.owner ? ` (${action.owner})` : ''}: ${action.text}`;
}

function people(label: string, list: PublishedPerson[]): string[] {
  return list.length ? [`${label}: ${list.map(formatPerson).join('; ')}`] : [];
}

export function notesLines(vm: PublishedNotes): string[] {
  const lines: string[] = [`Notes of the meeting: ${vm.board.name}`];
  const when = [formatLongDate(vm.meeting.date), vm.meeting.startTime, vm.meeting.location].filter(Boolean);
  lines.push(when.join(', '));
  if (vm.summary) lines.push(vm.summary);
  if (vm.edited) lines.push(vm.edited.text);
  for (const item of vm.items) {
    lines.push('', `${item.number}. ${item.title}`);
    if (item.presenters.length) lines.push(`Presented by: ${item.presenters.join('; ')}`);
    if (item.attendance) {
      lines.push(
        ...people('Present', item.attendance.present),
        ...people('Apologies', item.attendance.apologies),
        ...people('In attendance', item.attendance.inAttendance),
      );
    }
    lines.push(...paragraphs(item.bodyHtml));
    item.updatePoints.forEach((point, index) => {
      lines.push(`${toRoman(index + 1)}. ${point}`);
    });
    for (const q of item.questions) {
      const label = q.number === null ? 'Question' : `Question ${q.number}`;
      lines.push(`${label}${q.askedBy ? ` (asked by ${q.askedBy})` : ''}: ${q.text}`);
      for (const bullet of q.answerBullets) lines.push(`Answer: ${bullet}`);
      for (const para of paragraphs(q.answerHtml)) lines.push(`Answer: ${para}`);
      for (const action of q.actions) lines.push(actionLine(action));
    }
    for (const action of item.actions) lines.push(actionLine(action));
  }
  if (vm.nextMeeting) lines.push('', `Next meeting: ${formatLongDate(vm.nextMeeting.date)}`);
  return lines;
}
