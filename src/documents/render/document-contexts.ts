/**
 * Turns view models into what the templates print: exempt material removed (defensively, even if the
 * caller already filtered it), rows ordered, and the titles and page chrome derived in one place so
 * that the HTML <title>, the PDF metadata, the running header and the filename always agree.
 */
import { formatLongDate, londonCalendarDate } from '../../text/date-format.ts';
import { type DocumentKind, documentFilename } from './document-filename.ts';
import type {
  ActionLogRow,
  ActionLogViewModel,
  ActionStatus,
  AgendaPaper,
  AgendaViewModel,
  BoardRef,
  EditedNotice,
  MeetingWhen,
  NotesItem,
  NotesViewModel,
} from './view-models.ts';

/** Data for the running header and footer printed on every page. */
export interface PageChrome {
  boardName: string;
  /** "Notes of the Meeting, Tuesday 24 March 2026" */
  documentLabel: string;
  protectiveMarking: string;
  draft: boolean;
}

export interface PreparedDocument<Context> {
  context: Context;
  chrome: PageChrome;
  /** HTML <title>, which Chromium also writes as the PDF Title. */
  title: string;
  /** PDF Subject. */
  subject: string;
  /** The document's own date (meeting, or generation of a report): the PDF's CreationDate and ModDate. */
  date: string;
  filename: string;
  landscape: boolean;
}

export interface NotesTemplateContext {
  title: string;
  /** The running header and footer (page-margin boxes in the document's own CSS). */
  chrome: PageChrome;
  draft: boolean;
  board: BoardRef;
  meeting: MeetingWhen;
  summary: string | null;
  edited: EditedNotice | null;
  items: NotesItem[];
  nextMeeting: MeetingWhen | null;
}

export interface ActionLogRowView extends ActionLogRow {
  statusLabel: string;
}

export interface ActionLogTemplateContext {
  title: string;
  /** The running header and footer (page-margin boxes in the document's own CSS). */
  chrome: PageChrome;
  board: BoardRef;
  generatedAt: string;
  filtersDescription: string;
  openRows: ActionLogRowView[];
  closedRows: ActionLogRowView[];
  overdueCount: number;
}

export interface AgendaItemView {
  number: string;
  title: string;
  /** Exempt items keep only their number and title. */
  exempt: boolean;
  presenters: string[];
  papers: AgendaPaper[];
}

export interface AgendaTemplateContext {
  title: string;
  /** The running header and footer (page-margin boxes in the document's own CSS). */
  chrome: PageChrome;
  draft: boolean;
  board: BoardRef;
  meeting: MeetingWhen;
  items: AgendaItemView[];
  hasExemptItems: boolean;
  /** Papers listed under the items, counted on the cover page. */
  papersCount: number;
}

const STATUS_LABELS: Record<ActionStatus, string> = {
  open: 'Open',
  in_progress: 'In progress',
  closed: 'Closed',
};

interface DocumentNames {
  title: string;
  documentLabel: string;
  filename: string;
}

function chrome(board: BoardRef, names: DocumentNames, marking: string, draft: boolean): PageChrome {
  return { boardName: board.name, documentLabel: names.documentLabel, protectiveMarking: marking, draft };
}

function nameDocument(
  kind: DocumentKind,
  board: BoardRef,
  isoDate: string,
  documentName: string,
): DocumentNames {
  const documentLabel = `${documentName}, ${formatLongDate(isoDate)}`;
  return {
    title: `${board.name}: ${documentLabel}`,
    documentLabel,
    filename: documentFilename(board.code, kind, londonCalendarDate(isoDate)),
  };
}

export function prepareNotes(vm: NotesViewModel): PreparedDocument<NotesTemplateContext> {
  const names = nameDocument('notes', vm.board, vm.meeting.date, 'Notes of the Meeting');
  const draft = !vm.approved;
  const pageChrome = chrome(vm.board, names, vm.protectiveMarking, draft);
  return {
    context: {
      title: names.title,
      chrome: pageChrome,
      draft,
      board: vm.board,
      meeting: vm.meeting,
      summary: vm.summary,
      edited: vm.edited,
      items: vm.items.filter((item) => item.confidentiality === 'public'),
      nextMeeting: vm.nextMeeting,
    },
    chrome: pageChrome,
    title: names.title,
    subject: `Notes of the Meeting of the ${vm.board.name} held on ${formatLongDate(vm.meeting.date)}`,
    date: vm.meeting.date,
    filename: names.filename,
    landscape: false,
  };
}

export function prepareActionLog(vm: ActionLogViewModel): PreparedDocument<ActionLogTemplateContext> {
  const names = nameDocument('action-log', vm.board, vm.generatedAt, 'Action log');
  const rows = vm.rows.map((row) => ({ ...row, statusLabel: STATUS_LABELS[row.status] }));
  const openRows = rows.filter((row) => row.status !== 'closed');
  // The log is a live report generated on demand, never an approved record: no watermark.
  const pageChrome = chrome(vm.board, names, vm.protectiveMarking, false);
  return {
    context: {
      title: names.title,
      chrome: pageChrome,
      board: vm.board,
      generatedAt: vm.generatedAt,
      filtersDescription: vm.filtersDescription,
      openRows,
      closedRows: rows.filter((row) => row.status === 'closed'),
      overdueCount: openRows.filter((row) => row.overdue).length,
    },
    chrome: pageChrome,
    title: names.title,
    subject: `Actions of the ${vm.board.name}: ${vm.filtersDescription}`,
    date: vm.generatedAt,
    filename: names.filename,
    // Seven columns do not fit a portrait page at a readable size.
    landscape: true,
  };
}

export function prepareAgenda(vm: AgendaViewModel): PreparedDocument<AgendaTemplateContext> {
  const names = nameDocument('agenda', vm.board, vm.meeting.date, 'Agenda');
  const draft = !vm.approved;
  const items = vm.items.flatMap((item): AgendaItemView[] => {
    if (item.confidentiality === 'public') {
      return [
        {
          number: item.number,
          title: item.title,
          exempt: false,
          presenters: item.presenters,
          papers: item.papers,
        },
      ];
    }
    return item.listTitleWhenExempt
      ? [{ number: item.number, title: item.title, exempt: true, presenters: [], papers: [] }]
      : [];
  });
  const pageChrome = chrome(vm.board, names, vm.protectiveMarking, draft);
  return {
    context: {
      title: names.title,
      chrome: pageChrome,
      draft,
      board: vm.board,
      meeting: vm.meeting,
      items,
      hasExemptItems: items.some((item) => item.exempt),
      papersCount: items.reduce((sum, item) => sum + item.papers.length, 0),
    },
    chrome: pageChrome,
    title: names.title,
    subject: `Agenda of the ${vm.board.name} meeting on ${formatLongDate(vm.meeting.date)}`,
    date: vm.meeting.date,
    filename: names.filename,
    landscape: false,
  };
}
