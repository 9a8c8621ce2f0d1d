/**
 * The public read model shaped for output (JSON and pages alike): what read/ returns, with
 * the stable URLs of paths.ts. Nothing is added here that the read model did not allow.
 */

import { NotFound } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import { api, paths } from './paths.ts';
import * as read from './read/index.ts';

export function board(b: read.PublicBoard) {
  return {
    ...b,
    url: api.board(b.id),
    htmlUrl: paths.board(b.id),
    meetingsUrl: api.boardMeetings(b.id),
    actionsUrl: api.boardActions(b.id),
  };
}

export function meetingSummary(m: read.PublicMeetingSummary) {
  return {
    id: m.id,
    boardId: m.boardId,
    boardName: m.boardName,
    startsAt: m.startsAt,
    date: m.date,
    startTime: m.startTime,
    location: m.location,
    online: m.online,
    cancelled: m.cancelled,
    agendaPublished: m.agendaPublished,
    notesPublished: m.notesPublished,
    url: api.meeting(m.id),
    htmlUrl: paths.meeting(m.id),
  };
}

export function notesVersion(meetingId: string, v: read.PublicVersionMeta) {
  return {
    ...v,
    jsonUrl: api.notesVersion(meetingId, v.versionNo),
    pdfUrl: api.notesPdf(meetingId, v.versionNo),
    htmlUrl: paths.notesVersion(meetingId, v.versionNo),
  };
}

export function decisionVersion(decisionId: string, v: read.PublicVersionMeta) {
  return {
    ...v,
    jsonUrl: api.decisionVersion(decisionId, v.versionNo),
    pdfUrl: api.decisionPdf(decisionId, v.versionNo),
    htmlUrl: paths.decisionVersion(decisionId, v.versionNo),
  };
}

export function action(a: read.PublicAction) {
  return { ...a, url: api.action(a.id), htmlUrl: paths.action(a.id) };
}

export function decision(d: read.PublicDecision) {
  const x = d.decision;
  return {
    id: d.id,
    reference: x.reference,
    title: x.title,
    decisionDate: x.decisionDate,
    decisionMaker: x.decisionMaker,
    summary: x.summary,
    board: { id: x.boardId, name: x.board.name },
    meeting: x.meeting ? { ...x.meeting, url: paths.meeting(x.meeting.id) } : null,
    item: x.item,
    version: d.version,
    publishedAt: d.publishedAt,
    firstPublishedAt: d.firstPublishedAt,
    url: api.decision(d.id),
    htmlUrl: paths.decision(d.id),
  };
}

/** Everything the public may know about one meeting. 404 for an unknown id. */
export async function meetingDetail(db: Database, id: string) {
  const m = await read.findMeeting(db, id);
  if (!m) throw new NotFound('meeting');
  const [agenda, versions, actions, decisions] = await Promise.all([
    read.publicAgenda(db, m),
    read.notesVersions(db, id),
    read.listActions(db, { meetingId: id, filter: 'all' }),
    read.listDecisions(db, { meetingId: id }),
  ]);
  const latest = versions.at(-1);
  const previous = versions.at(-2);
  return {
    ...meetingSummary(m),
    board: { id: m.boardId, name: m.boardName },
    agenda:
      agenda?.map((item) => ({
        ...item,
        papers: item.papers.map((p) => ({ ...p, url: api.paper(p.id) })),
        approvesNotesOf: item.approvesNotesOf.map((a) => ({ ...a, notesUrl: paths.notes(a.meetingId) })),
      })) ?? null,
    agendaUrl: agenda ? api.meetingAgenda(id) : null,
    notes: {
      versions: versions.map((v) => notesVersion(id, v)),
      diffUrl: latest && previous ? api.notesDiff(id, previous.versionNo, latest.versionNo) : null,
    },
    actions: actions.map(action),
    decisions: decisions.map(decision),
    /** For the ETag of the meeting page: changes whenever anything shown changes. */
    updatedAt: m.updatedAt,
    /** The read model, for the OParl fields (oparl.ts); not itself output. */
    record: m,
  };
}
export type MeetingDetail = Awaited<ReturnType<typeof meetingDetail>>;
