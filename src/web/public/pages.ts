/**
 * View models of the public pages (home, board, meeting, notes; the tracker, decisions and search
 * pages have their own files): the public read model (src/public/read/),
 * formatted for reading. Every string is plain text, escaped by the templates, except the rich text
 * of published notes, which was sanitised on the way in and frozen when published.
 */
import { NotFound } from '../../core/errors.ts';
import type { Database } from '../../db/database.ts';
import { versionVerification } from '../../modules/publication/chain.ts';
import type { PublishedNotes } from '../../modules/publication/published-notes.ts';
import { publicationEntries } from '../../public/feeds.ts';
import { sliceOf } from '../../public/paging.ts';
import { api, paths } from '../../public/paths.ts';
import * as read from '../../public/read/index.ts';
import { meetingDetail } from '../../public/view.ts';
import { formatFileSize, formatPerson } from '../../text/text-format.ts';
import { actionRow, dateText, instantText, keptPage, PER_PAGE, placeText, timeText } from './page-format.ts';
import { emptyText, pager } from './pager.ts';

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

/** The page of a board's upcoming meetings and the page of its past ones (`upcomingPage`, `page`). */
export interface BoardPages {
  upcomingPage: number;
  page: number;
}

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
