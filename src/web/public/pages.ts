/**
 * View models of the public pages: the public read model (src/public/read/),
 * formatted for reading. Every string is plain text, escaped by the templates, except the rich text
 * of published notes, which was sanitised on the way in and frozen when published.
 */

import { NotFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { summaryParagraphs } from '../../documents/index.ts';
import { versionVerification } from '../../modules/publication/chain.ts';
import type { PublishedNotes } from '../../modules/publication/published-notes.ts';
import { publicationEntries } from '../../public/feeds.ts';
import { sliceOf } from '../../public/paging.ts';
import { api, paths } from '../../public/paths.ts';
import * as read from '../../public/read/index.ts';
import { MARK_END, MARK_START, type SearchHit } from '../../public/search.ts';
import { meetingDetail } from '../../public/view.ts';
import { formatLongDate, formatTime } from '../../text/date-format.ts';
import { formatFileSize, formatPerson } from '../../text/text-format.ts';
import { londonDate } from '../../time/london.ts';
import { emptyText, pager } from './pager.ts';

export const dateText = (date: string) => formatLongDate(date);
export const instantText = (at: Date) => {
  const iso = at.toISOString();
  return `${formatLongDate(londonDate(at))} at ${formatTime(iso)}`;
};
const timeText = (time: string | null) => time ?? 'To be confirmed';
const placeText = (place: string) => place || 'To be confirmed';

function meetingRow(m: read.PublicMeetingSummary) {
  const documents = m.cancelled
    ? 'None'
    : [
        m.agendaPublished ? 'Agenda and papers' : 'Agenda to follow',
        ...(m.notesPublished ? ['notes'] : []),
      ].join(', ');
  return {
    href: paths.meeting(m.id),
    boardName: m.boardName,
    dateText: dateText(m.date),
    timeText: timeText(m.startTime),
    place: placeText(m.location),
    cancelled: m.cancelled,
    documents,
  };
}

export async function homePage(db: Database) {
  const [boards, upcoming, entries] = await Promise.all([
    read.listBoards(db),
    read.listMeetings(db, { when: 'upcoming', limit: 6 }),
    publicationEntries(db),
  ]);
  return {
    boards: boards.map((b) => ({
      name: b.name,
      description: b.description,
      href: paths.board(b.id),
      actionsHref: paths.boardActions(b.id),
    })),
    upcoming: upcoming.map(meetingRow),
    recent: entries
      .slice(0, 6)
      .map((e) => ({ title: e.title, href: e.link, dateText: instantText(e.updated) })),
  };
}

/** Rows on a page of the public lists (the open data's default `limit` is 100 too). */
export const PER_PAGE = { meetings: 50, actions: 100, decisions: 50 } as const;

/** The page of a board's upcoming meetings and the page of its past ones (`upcomingPage`, `page`). */
export interface BoardPages {
  upcomingPage: number;
  page: number;
}

/** A page number to keep in another list's links: none for page 1. */
const keptPage = (page: number) => (page > 1 ? page : undefined);

export async function boardPage(db: Database, id: string, at: BoardPages, now: Date = new Date()) {
  const board = await read.findBoard(db, id);
  if (!board) throw new NotFound('board');
  const upcomingAt = { page: at.upcomingPage, limit: PER_PAGE.meetings };
  const pastAt = { page: at.page, limit: PER_PAGE.meetings };
  const [upcoming, past] = await Promise.all([
    read.pageMeetings(db, { boardId: id, when: 'upcoming', now, ...sliceOf(upcomingAt) }),
    read.pageMeetings(db, { boardId: id, when: 'past', now, ...sliceOf(pastAt) }),
  ]);
  const upcomingPager = pager({
    noun: 'upcoming meetings',
    path: paths.board(id),
    query: { page: keptPage(at.page) },
    param: 'upcomingPage',
    at: upcomingAt,
    total: upcoming.total,
    fragment: 'upcoming',
  });
  const pastPager = pager({
    noun: 'past meetings',
    path: paths.board(id),
    query: { upcomingPage: keptPage(at.upcomingPage) },
    at: pastAt,
    total: past.total,
    fragment: 'past',
  });
  return {
    board,
    actionsHref: paths.boardActions(id),
    upcoming: upcoming.items.map(meetingRow),
    upcomingPager,
    upcomingEmpty: emptyText(upcomingPager, 'No meetings are scheduled at the moment.'),
    past: past.items.map(meetingRow),
    pastPager,
    pastEmpty: emptyText(pastPager, 'There have been no meetings yet.'),
  };
}

const TAGS: Record<read.PublicActionStatus, string> = {
  open: 'tag--yellow',
  in_progress: 'tag',
  closed: 'tag--green',
};

function actionRow(a: read.PublicAction) {
  return {
    href: paths.action(a.id),
    reference: a.reference,
    text: a.text,
    owner: a.owner.name,
    meetingHref: paths.meeting(a.meeting.id),
    meetingDateText: dateText(a.meeting.date),
    dueText: a.dueDate ? dateText(a.dueDate) : 'No date set',
    status: a.overdue
      ? { tagClass: 'tag--red', label: `Overdue (${a.statusLabel.toLowerCase()})` }
      : { tagClass: TAGS[a.status], label: a.statusLabel },
    latestUpdate: a.latestUpdate
      ? { dateText: dateText(a.latestUpdate.date), text: a.latestUpdate.text }
      : null,
    closedText: a.closedOn ? dateText(a.closedOn) : null,
  };
}

export async function meetingPage(db: Database, id: string, now: Date = new Date()) {
  const m = await meetingDetail(db, id);
  const versions = m.notes.versions;
  const latest = versions.at(-1);
  const notes = latest
    ? {
        edited: latest.edited ? await editedNotice(db, id, latest.versionNo) : null,
        htmlHref: paths.notes(id),
        pdfHref: latest.pdfUrl,
        pdfTitle: `Notes of the meeting on ${dateText(m.date)}`,
        pdfSize: formatFileSize(latest.pdfSize),
        meta: `version ${latest.versionNo}, published ${instantText(latest.publishedAt)}`,
        earlier: versions.slice(0, -1).map((v, index) => {
          const next = versions[index + 1]!;
          return {
            versionNo: v.versionNo,
            nextNo: next.versionNo,
            publishedText: instantText(v.publishedAt),
            replacedBecause: next.reason ?? '',
            htmlHref: paths.notesVersion(id, v.versionNo),
            pdfHref: v.pdfUrl,
            changesHref: paths.notesChanges(id, v.versionNo, next.versionNo),
          };
        }),
      }
    : null;
  const held = m.startsAt.getTime() < now.getTime();
  return {
    meeting: {
      boardName: m.boardName,
      dateText: dateText(m.date),
      timeText: timeText(m.startTime),
      place: placeText(m.location),
      cancelled: m.cancelled,
      upcoming: !held && !m.cancelled,
    },
    agendaPublished: m.agenda !== null,
    agenda: (m.agenda ?? []).map((item) => ({
      number: item.number,
      title: item.title,
      presenters: item.presenters.join('; '),
      papers: item.papers.map((p) => ({ title: p.title, href: p.url, size: formatFileSize(p.sizeBytes) })),
      approvesNotesOf: item.approvesNotesOf.map((a) => ({ href: a.notesUrl, dateText: dateText(a.date) })),
    })),
    notes,
    notesPending: m.cancelled
      ? 'The meeting was cancelled, so there are no notes.'
      : held
        ? 'The notes will be published here once the board has approved them, usually at its next meeting.'
        : 'The notes will be published here after the meeting, once the board has approved them.',
    actions: m.actions.map(actionRow),
    actionsHref: paths.boardActions(m.boardId),
    decisions: m.decisions.map((d) => ({
      href: d.htmlUrl,
      reference: d.reference,
      title: d.title,
      dateText: dateText(d.decisionDate),
    })),
    jsonHref: api.meeting(id),
    boardId: m.boardId,
    boardName: m.boardName,
    dateText: dateText(m.date),
  };
}

async function editedNotice(db: Database, meetingId: string, versionNo: number): Promise<string | null> {
  const found = await read.notesSnapshot(db, meetingId, versionNo);
  return found?.snapshot.notes.edited?.text ?? null;
}

function notesItems(vm: PublishedNotes) {
  return vm.items.map((item) => ({
    number: item.number,
    title: item.title,
    presenters: item.presenters.join('; '),
    attendance: item.attendance
      ? [
          { label: 'Present', people: item.attendance.present.map(formatPerson) },
          { label: 'Apologies', people: item.attendance.apologies.map(formatPerson) },
          { label: 'In attendance', people: item.attendance.inAttendance.map(formatPerson) },
        ].filter((group) => group.people.length > 0)
      : null,
    // Sanitised by the rich-text sanitiser when stored, frozen when published.
    bodyHtml: item.bodyHtml,
    updatePoints: item.updatePoints,
    questions: item.questions.map((q) => ({
      label: q.number === null ? 'Question' : `Question ${q.number}`,
      askedBy: q.askedBy,
      text: q.text,
      hasAnswer: q.answerBullets.length > 0 || q.answerHtml !== null,
      answerBullets: q.answerBullets,
      answerHtml: q.answerHtml,
      actions: q.actions,
    })),
    actions: item.actions,
  }));
}

export async function notesPage(db: Database, meetingId: string, versionNo: number | null) {
  const versions = await read.notesVersions(db, meetingId);
  const latest = versions.at(-1);
  const wanted = versionNo ?? latest?.versionNo;
  const meta = versions.find((v) => v.versionNo === wanted);
  if (!latest || !meta) throw new NotFound('published version');
  const found = (await read.notesSnapshot(db, meetingId, meta.versionNo))!;
  const { snapshot } = found;
  const vm = snapshot.notes;
  const previous = versions.find((v) => v.versionNo === meta.versionNo - 1);
  const next = versions.find((v) => v.versionNo === meta.versionNo + 1);
  const when = [vm.meeting.startTime, vm.meeting.location].filter(Boolean).join(', ');
  return {
    boardName: vm.board.name,
    dateText: dateText(vm.meeting.date),
    whenText: when || null,
    meetingHref: paths.meeting(meetingId),
    versionNo: meta.versionNo,
    latestNo: latest.versionNo,
    superseded: meta.superseded,
    currentHref: paths.notes(meetingId),
    changesHref: next ? paths.notesChanges(meetingId, meta.versionNo, latest.versionNo) : null,
    publishedText: instantText(meta.publishedAt),
    approvedText: snapshot.approvedAtMeeting
      ? `At the meeting on ${dateText(snapshot.approvedAtMeeting.date)}`
      : null,
    reason: snapshot.reason,
    previousChangesHref: previous ? paths.notesChanges(meetingId, previous.versionNo, meta.versionNo) : null,
    edited: vm.edited?.text ?? null,
    pdfHref: api.notesPdf(meetingId, meta.versionNo),
    pdfTitle: `Notes of the meeting on ${dateText(vm.meeting.date)} (version ${meta.versionNo})`,
    pdfSize: formatFileSize(meta.pdfSize),
    summary: vm.summary,
    items: notesItems(vm),
    nextMeetingText: vm.nextMeeting ? dateText(vm.nextMeeting.date) : null,
    jsonHref: api.notesVersion(meetingId, meta.versionNo),
    jsonSha256: meta.jsonSha256,
    boardId: snapshot.meeting.boardId,
    verify: await versionVerification(db, 'notes', meetingId, meta.versionNo, {
      pdf: api.notesPdf(meetingId, meta.versionNo),
      chain: `${api.board(snapshot.meeting.boardId)}/chain`,
      feed: paths.atom(),
    }),
  };
}

export const ACTION_FILTERS: { value: read.ActionFilter; label: string }[] = [
  { value: 'all', label: 'All actions' },
  { value: 'open', label: 'Open' },
  { value: 'overdue', label: 'Overdue' },
  { value: 'closed', label: 'Closed' },
];

export async function trackerPage(
  db: Database,
  boardId: string,
  filter: read.ActionFilter,
  ownerId: string | undefined,
  page: number,
) {
  const board = await read.findBoard(db, boardId);
  if (!board) throw new NotFound('board');
  const at = { page, limit: PER_PAGE.actions };
  const [owners, found] = await Promise.all([
    read.actionOwners(db, boardId),
    read.pageActions(db, { boardId, filter, ownerId, ...sliceOf(at) }),
  ]);
  const owner = owners.find((o) => o.id === ownerId);
  const adjective = filter === 'all' ? '' : `${filter} `;
  const noun = found.total === 1 ? 'action' : 'actions';
  const heading = `${found.total} ${adjective}${noun}${owner ? ` owned by ${owner.name}` : ''}`;
  const actionsPager = pager({
    noun: 'actions',
    path: paths.boardActions(boardId),
    query: { status: filter, owner: ownerId },
    at,
    total: found.total,
    fragment: 'results-heading',
  });
  return {
    board,
    formAction: paths.boardActions(boardId),
    statuses: ACTION_FILTERS.map((f) => ({ ...f, checked: f.value === filter })),
    owners: owners.map((o) => ({ ...o, selected: o.id === ownerId })),
    resultsHeading: heading,
    actions: found.items.map(actionRow),
    pager: actionsPager,
    emptyText: emptyText(actionsPager, 'No actions match these filters.'),
    jsonHref: `${api.boardActions(boardId)}?status=${filter}${owner ? `&owner=${owner.id}` : ''}`,
  };
}

export async function actionPage(db: Database, id: string) {
  const found = await read.findAction(db, id);
  if (!found) throw new NotFound('action');
  const board = await read.findBoard(db, found.boardId);
  return {
    boardName: board?.name ?? '',
    boardId: found.boardId,
    action: actionRow(found),
    updates: found.updates.map((u) => ({ dateText: dateText(u.date), text: u.text })),
    trackerHref: paths.boardActions(found.boardId),
  };
}

export async function decisionsPage(db: Database, boardId: string | undefined, page: number) {
  const at = { page, limit: PER_PAGE.decisions };
  const [boards, found] = await Promise.all([
    read.listBoards(db),
    read.pageDecisions(db, { boardId, ...sliceOf(at) }),
  ]);
  const decisionsPager = pager({
    noun: 'decisions',
    path: paths.decisions(),
    query: { board: boardId },
    at,
    total: found.total,
    fragment: 'decisions',
  });
  return {
    boards: boards.map((b) => ({ id: b.id, name: b.name, selected: b.id === boardId })),
    pager: decisionsPager,
    emptyText: emptyText(decisionsPager, 'No decisions have been published yet.'),
    decisions: found.items.map((d) => ({
      href: paths.decision(d.id),
      reference: d.decision.reference,
      title: d.decision.title,
      corrected: d.version > 1,
      dateText: dateText(d.decision.decisionDate),
      decisionMaker: d.decision.decisionMaker,
    })),
  };
}

export async function decisionPage(db: Database, id: string, versionNo: number | null) {
  const versions = await read.decisionVersions(db, id);
  const latest = versions.at(-1);
  const wanted = versionNo ?? latest?.versionNo;
  const meta = versions.find((v) => v.versionNo === wanted);
  if (!latest || !meta) throw new NotFound('decision');
  const { snapshot } = (await read.decisionSnapshot(db, id, meta.versionNo))!;
  const d = snapshot.decision;
  const previous = versions.find((v) => v.versionNo === meta.versionNo - 1);
  return {
    d,
    versionNo: meta.versionNo,
    latestNo: latest.versionNo,
    superseded: meta.superseded,
    currentHref: paths.decision(id),
    dateText: dateText(d.decisionDate),
    meetingHref: d.meeting ? paths.meeting(d.meeting.id) : null,
    meetingDateText: d.meeting ? dateText(d.meeting.date) : null,
    itemTitle: d.item?.title ?? null,
    publishedText: instantText(meta.publishedAt),
    reason: snapshot.reason,
    previousChangesHref: previous ? paths.decisionChanges(id, previous.versionNo, meta.versionNo) : null,
    paragraphs: summaryParagraphs(d.summary),
    pdfHref: api.decisionPdf(id, meta.versionNo),
    pdfTitle: `Decision ${d.reference} (version ${meta.versionNo})`,
    pdfSize: formatFileSize(meta.pdfSize),
    versions: versions.map((v, index) => {
      const before = versions[index - 1];
      return {
        versionNo: v.versionNo,
        superseded: v.superseded,
        publishedText: instantText(v.publishedAt),
        reasonText: v.reason ?? 'First published',
        htmlHref: paths.decisionVersion(id, v.versionNo),
        pdfHref: api.decisionPdf(id, v.versionNo),
        changesHref: before ? paths.decisionChanges(id, before.versionNo, v.versionNo) : null,
      };
    }),
    jsonHref: api.decisionVersion(id, meta.versionNo),
    jsonSha256: meta.jsonSha256,
    verify: await versionVerification(db, 'decision', id, meta.versionNo, {
      pdf: api.decisionPdf(id, meta.versionNo),
      chain: `${api.board(d.boardId)}/chain`,
      feed: paths.atom(),
    }),
  };
}

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  notes: 'Notes of a meeting',
  decision: 'Decision',
  'agenda-item': 'Agenda item',
  action: 'Action',
};

/** The snippet as runs of text, the matched words marked (the template escapes every run). */
export function snippetRuns(snippet: string): { text: string; mark: boolean }[] {
  const runs: { text: string; mark: boolean }[] = [];
  for (const [index, part] of snippet.split(MARK_START).entries()) {
    if (index === 0) {
      if (part) runs.push({ text: part, mark: false });
      continue;
    }
    const [marked = '', rest = ''] = part.split(MARK_END);
    if (marked) runs.push({ text: marked, mark: true });
    if (rest) runs.push({ text: rest, mark: false });
  }
  return runs;
}

export function searchResults(hits: SearchHit[]) {
  return hits.map((h) => ({
    title: h.title,
    href: h.url,
    kindLabel: KIND_LABELS[h.kind],
    dateText: dateText(h.date),
    snippet: snippetRuns(h.snippet),
  }));
}
