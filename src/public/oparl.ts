/**
 * The open data shaped after OParl 1.1 (https://oparl.org/spezifikation/) where it fits, added to
 * what view.ts gives so that no existing field changes: boards are Organizations, meetings
 * Meetings, agenda items AgendaItems, papers and the PDFs of published notes Files. Actions and
 * decisions are not OParl objects; they follow the same conventions with types under this API's own
 * namespace ({base}/public/v1/schema/Action, served as a JSON Schema).
 *
 * Where OParl's name was already taken, the old field stays: `id` is the UUID (OParl's `id`, the
 * absolute URL, is `oparlId`), `number` stays an integer, `location` a string, lists keep `items`
 * (OParl's `data`) and gain `pagination` and `links` (meetings, actions and decisions page by page,
 * `?page=`).
 * Absolute URLs come from PUBLIC_BASE_URL, else the request's host. Dates: `modified` is the latest
 * public event, never a hidden change (see schemas.ts).
 */
import { formatLongDate } from '../text/date-format.ts';
import { boardModifiedAt, latestOf, meetingModifiedAt } from './events.ts';
import { type ListQuery, type PageAt, pageUrl, spanOf } from './paging.ts';
import { api, paths } from './paths.ts';
import type * as read from './read/index.ts';
import type * as view from './view.ts';

export const OPARL_VERSION = 'https://schema.oparl.org/1.1/' as const;
/** This API's own object types (served at api.schema(name)). */
export const OWN_TYPES = ['Action', 'Decision'] as const;
export type OwnType = (typeof OWN_TYPES)[number];

/** The one Body: the office that publishes here. Its boards are its Organizations. */
export const BODY = { id: 'opcc', name: 'Office of the Police and Crime Commissioner', shortName: 'OPCC' };

const oparlType = <T extends string>(name: T) => `https://schema.oparl.org/1.1/${name}` as const;

function common(base: string, type: string, apiPath: string, webPath: string, created: Date, modified: Date) {
  return { oparlId: base + apiPath, type, web: base + webPath, created, modified, deleted: false };
}

export function board(base: string, b: read.PublicBoard) {
  return {
    ...common(
      base,
      oparlType('Organization'),
      api.board(b.id),
      paths.board(b.id),
      b.createdAt,
      boardModifiedAt(b),
    ),
    shortName: b.code,
    classification: 'Board',
    body: base + api.body(BODY.id),
    meeting: base + api.boardMeetings(b.id),
  };
}

export function meeting(base: string, m: read.PublicMeetingSummary) {
  return {
    ...common(
      base,
      oparlType('Meeting'),
      api.meeting(m.id),
      paths.meeting(m.id),
      m.createdAt,
      meetingModifiedAt(m),
    ),
    name: `${m.boardName}, ${formatLongDate(m.date)}`,
    start: m.startsAt,
    end: null,
    organization: [base + api.board(m.boardId)],
  };
}

type ViewPaper = view.MeetingDetail['agenda'] extends (infer I)[] | null
  ? I extends { papers: (infer P)[] }
    ? P
    : never
  : never;
type ViewItem = NonNullable<view.MeetingDetail['agenda']>[number];

function paper(base: string, meetingId: string, p: ViewPaper) {
  const url = base + api.paper(p.id);
  return {
    ...p,
    ...common(base, oparlType('File'), api.paper(p.id), paths.meeting(meetingId), p.createdAt, p.createdAt),
    oparlId: url,
    name: p.title,
    fileName: p.filename,
    mimeType: p.contentType,
    size: p.sizeBytes,
    accessUrl: url,
    downloadUrl: url,
  };
}

function agendaItem(base: string, m: read.PublicMeetingSummary, item: ViewItem) {
  const papers = item.papers.map((p) => paper(base, m.id, p));
  return {
    ...item,
    ...common(
      base,
      oparlType('AgendaItem'),
      api.agendaItem(item.id),
      paths.meeting(m.id),
      item.createdAt,
      latestOf([
        item.createdAt,
        m.agendaPublishedAt,
        m.notesPublishedAt,
        ...item.papers.map((p) => p.createdAt),
      ]),
    ),
    papers,
    meeting: base + api.meeting(m.id),
    order: item.number,
    name: item.title,
    public: true,
    auxiliaryFile: papers,
  };
}

/** The PDF of the latest published version of the notes, as OParl's resultsProtocol. */
function notesFile(base: string, m: read.PublicMeetingSummary, v: read.PublicVersionMeta) {
  const url = base + api.notesPdf(m.id, v.versionNo);
  return {
    ...common(
      base,
      oparlType('File'),
      api.notesPdf(m.id, v.versionNo),
      paths.notesVersion(m.id, v.versionNo),
      v.publishedAt,
      v.publishedAt,
    ),
    oparlId: url,
    name: `Notes of the meeting: ${m.boardName}, ${formatLongDate(m.date)} (version ${v.versionNo})`,
    fileName: v.pdfFilename,
    mimeType: 'application/pdf',
    size: v.pdfSize,
    sha256: v.pdfSha256,
    accessUrl: url,
    downloadUrl: url,
  };
}

export function ownType(base: string, name: OwnType): string {
  return base + api.schema(name);
}

export const action = (base: string, a: Pick<read.PublicAction, 'id' | 'createdAt' | 'modifiedAt'>) =>
  common(base, ownType(base, 'Action'), api.action(a.id), paths.action(a.id), a.createdAt, a.modifiedAt);

/** Created when version 1 was published, modified when the current one was. */
export const decision = (
  base: string,
  d: Pick<read.PublicDecision, 'id' | 'firstPublishedAt' | 'publishedAt'>,
) =>
  common(
    base,
    ownType(base, 'Decision'),
    api.decision(d.id),
    paths.decision(d.id),
    d.firstPublishedAt,
    d.publishedAt,
  );

/** A meeting with everything in it, OParl fields at every level. */
export function meetingDetail(base: string, detail: view.MeetingDetail) {
  const { record: m, updatedAt: _, ...rest } = detail;
  const agenda = detail.agenda?.map((item) => agendaItem(base, m, item)) ?? null;
  const latest = detail.notes.versions.at(-1);
  return {
    ...rest,
    ...meeting(base, m),
    agenda,
    agendaItem: agenda ?? [],
    resultsProtocol: latest ? notesFile(base, m, latest) : null,
    actions: rest.actions.map((a) => ({ ...a, ...action(base, a) })),
    decisions: rest.decisions.map((d) => ({ ...d, ...decision(base, d) })),
  };
}

export function agendaItems(base: string, detail: view.MeetingDetail) {
  return detail.agenda?.map((item) => agendaItem(base, detail.record, item)) ?? null;
}

/** OParl's `pagination` and `links` for a list given whole on one page. */
export function listMeta(base: string, self: string, count: number) {
  return {
    pagination: { elementsPerPage: count, currentPage: 1, totalElements: count, totalPages: 1 },
    links: { first: base + self, self: base + self },
  };
}

/**
 * OParl's `pagination` and `links` for one page of a list of `total` elements. Every link keeps the
 * list's own query (its filters and limit, in the order given); page 1 has no `page`, so its URL is
 * the one the list had before it was paged. An empty list is one empty page; past the last page
 * there is no `next`, and `prev` leads back to the last (paging.ts).
 */
export function pageMeta(base: string, path: string, query: ListQuery, at: PageAt, total: number) {
  const { totalPages, prev, next } = spanOf(at, total);
  const url = (page: number) => base + pageUrl(path, query, page);
  return {
    pagination: { totalElements: total, elementsPerPage: at.limit, currentPage: at.page, totalPages },
    links: {
      first: url(1),
      ...(prev ? { prev: url(prev) } : {}),
      ...(next ? { next: url(next) } : {}),
      last: url(totalPages),
      self: url(at.page),
    },
  };
}

export function system(base: string) {
  return {
    id: base + api.system(),
    type: oparlType('System'),
    oparlVersion: OPARL_VERSION,
    name: 'Boardroom open data',
    body: base + api.bodies(),
    website: `${base}/`,
    web: `${base}${paths.openData()}`,
  };
}

export function body(base: string) {
  return {
    id: base + api.body(BODY.id),
    type: oparlType('Body'),
    system: base + api.system(),
    name: BODY.name,
    shortName: BODY.shortName,
    website: `${base}/`,
    organization: base + api.boards(),
    meeting: base + api.meetings(),
    legislativeTerm: [] as string[],
    web: `${base}/`,
  };
}
