/**
 * View models of the secretariat's decision screens (issue 15): a board's decisions, the form a
 * decision is drafted, edited or corrected in, and one decision with its published versions. The
 * meetings and agenda items offered as links are the ones the services let this user see.
 */
import type { FastifyRequest } from 'fastify';
import * as agendaService from '../../modules/agenda/service.ts';
import type { Board } from '../../modules/boards/schemas.ts';
import type { Decision } from '../../modules/decisions/schemas.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import { api, paths } from '../../public/paths.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { formatFileSize } from '../../text/text-format.ts';
import type { FormErrors } from '../forms.ts';

/** What the form holds: as typed, so a refused form shows it again. */
export interface DecisionForm {
  title: string;
  decisionDate: string;
  decisionMaker: string;
  summary: string;
  meetingId: string;
  itemId: string;
  reason: string;
}

export const EMPTY_FORM: DecisionForm = {
  title: '',
  decisionDate: '',
  decisionMaker: '',
  summary: '',
  meetingId: '',
  itemId: '',
  reason: '',
};

export const FORM_MESSAGES: Record<string, string> = {
  title: 'Enter the title of the decision (up to 300 characters)',
  decisionDate: 'Enter the date of the decision',
  decisionMaker: 'Enter who made the decision, as it should be printed',
  summary: 'Enter a summary of the decision',
  meetingId: 'Choose a meeting from the list, or none',
  itemId: 'Choose an agenda item from the list, or none',
  reason: 'Enter the reason for the correction (up to 1000 characters)',
};

export function formOf(d: Decision): DecisionForm {
  return {
    title: d.title,
    decisionDate: d.decisionDate,
    decisionMaker: d.decisionMaker,
    summary: d.summary,
    meetingId: d.meetingId ?? '',
    itemId: d.itemId ?? '',
    reason: '',
  };
}

/** How many of the board's latest meetings offer their agenda items (each is a read of its agenda). */
const MEETINGS_WITH_ITEMS = 24;

/**
 * The board's meetings and, per meeting, its public agenda items (only those can be linked to a
 * published decision); the item already linked stays listed, marked, whatever it has become.
 */
export async function linkChoices(request: FastifyRequest, boardId: string, form: DecisionForm) {
  const ctx = request.ctx();
  const meetings = [...(await meetingsService.listMeetings(ctx, { boardId, limit: 200 })).items].reverse();
  const withItems = meetings.filter((m, i) => i < MEETINGS_WITH_ITEMS || m.id === form.meetingId);
  const groups = [];
  for (const m of withItems) {
    const items = (await agendaService.listAgenda(ctx, m.id))
      .filter((it) => it.confidentiality === 'public' || it.id === form.itemId)
      .map((it) => ({
        value: it.id,
        label: `${it.number}. ${it.title}${it.confidentiality === 'public' ? '' : ' (not public)'}`,
        selected: it.id === form.itemId,
      }));
    if (items.length) groups.push({ label: `Meeting of ${m.dateText}`, items });
  }
  return {
    meetings: meetings.map((m) => ({ value: m.id, label: m.dateText, selected: m.id === form.meetingId })),
    itemGroups: groups,
  };
}

const STATUS = {
  draft: { label: 'Draft', colour: 'grey' },
  published: { label: 'Published', colour: 'turquoise' },
} as const;

export function decisionRow(d: Decision) {
  const latest = d.versions.at(-1);
  return {
    href: `/staff/decisions/${d.id}`,
    reference: d.reference ?? 'Not yet given',
    title: d.title,
    dateText: formatLongDate(d.decisionDate),
    status: STATUS[d.status],
    draft: d.status === 'draft',
    versionText: latest ? `Version ${latest.versionNo}` : 'Not published',
    pdfHref: latest ? api.decisionPdf(d.id, latest.versionNo) : null,
  };
}

/** The decision's own page: what it says, its links, its versions, and what can be done next. */
export async function decisionView(
  request: FastifyRequest,
  board: Board,
  d: Decision,
  form: DecisionForm,
  errors: FormErrors,
) {
  const choices = await linkChoices(request, board.id, form);
  const meeting = choices.meetings.find((m) => m.value === d.meetingId);
  const item = choices.itemGroups.flatMap((g) => g.items).find((i) => i.value === d.itemId);
  const published = d.status === 'published';
  return {
    board: { id: board.id, name: board.name, href: `/staff/boards/${board.id}/decisions` },
    d: {
      ...decisionRow(d),
      id: d.id,
      version: d.version,
      decisionMaker: d.decisionMaker,
      summary: d.summary.split(/\n\s*\n/).filter((p) => p.trim()),
      meetingText: d.meetingId ? (meeting?.label ?? 'A meeting of the board') : null,
      meetingHref: d.meetingId ? `/staff/meetings/${d.meetingId}` : null,
      itemText: d.itemId ? (item?.label ?? 'An agenda item') : null,
      published,
      publicHref: published ? paths.decision(d.id) : null,
      publishHref: `/staff/decisions/${d.id}/publish`,
      nextVersion: (d.versions.at(-1)?.versionNo ?? 0) + 1,
      versions: [...d.versions].reverse().map((v) => ({
        versionNo: v.versionNo,
        publishedAt: v.publishedAt,
        publishedBy: v.publishedBy,
        reason: v.reason,
        superseded: v.superseded,
        pdfHref: api.decisionPdf(d.id, v.versionNo),
        pdfSize: formatFileSize(v.pdfSize),
      })),
    },
    form,
    errors,
    choices,
    action: published ? `/staff/decisions/${d.id}/corrections` : `/staff/decisions/${d.id}`,
  };
}
