/** The drafting screen's view model: the loaded draft plus the directory, ready for staff/draft.hbs. */
import type { FastifyRequest } from 'fastify';
import * as peopleService from '../../modules/people/service.ts';
import { type FormErrors, NO_ERRORS } from '../forms.ts';
import { CONFIDENTIALITY_TAGS, type ConfidentialityValues } from './confidentiality-form.ts';
import type { LoadedDraft } from './draft-model.ts';
import { suggestedDueText } from './draft-model.ts';
import { ATTENDANCE_LABELS, MEETING_STATUS_LABELS } from './format.ts';

export interface DraftOverrides {
  /** Text to show instead of the stored notes (a merged version after a conflict). */
  itemText?: string;
  itemConflict?: string;
  questionOverrides?: Map<
    string,
    { text: string; answer: string; askedByPersonId: string | null; conflict: string }
  >;
  newQuestion?: { askedByPersonId: string; text: string; answer: string; errors: FormErrors };
  newAction?: {
    raisedUnder: string;
    text: string;
    ownerOrganisationId: string;
    dueDate: string;
    errors: FormErrors;
  };
  /** The item's "who can read it" form as sent, with what is wrong with it. */
  confidentiality?: { values: ConfidentialityValues; errors: FormErrors };
  notice?: string | null;
}

const NOTICES: Record<string, string> = {
  saved: 'The notes for this item have been saved.',
  'question-added': 'The question has been added.',
  'question-saved': 'The question has been saved.',
  'question-moved-up': 'The question has been moved up and the questions renumbered.',
  'question-moved-down': 'The question has been moved down and the questions renumbered.',
  'question-deleted': 'The question has been deleted.',
  'action-recorded': 'The action has been recorded.',
  'attendance-saved': 'Attendance has been saved.',
  'confidentiality-saved': 'Who can read this item has been changed.',
};

export function noticeText(code: unknown): string | null {
  return typeof code === 'string' ? (NOTICES[code] ?? null) : null;
}

/** "Question 2" for the numbered (pre-submitted) kind; the others by their place under the item. */
export function questionLabel(q: { number: number | null }, index: number): string {
  return q.number !== null ? `Question ${q.number}` : `Question ${index + 1} (raised in discussion)`;
}

export function personLabel(p: {
  name: string;
  jobTitle: string | null;
  organisationShortName: string | null;
}) {
  const detail = [p.jobTitle, p.organisationShortName].filter(Boolean).join(', ');
  return detail ? `${p.name} (${detail})` : p.name;
}

export async function directory(request: FastifyRequest) {
  const ctx = request.ctx();
  const [people, organisations] = await Promise.all([
    peopleService.searchPeople(ctx, { limit: 200 }),
    peopleService.listOrganisations(ctx),
  ]);
  return {
    people: people.map((p) => ({
      id: p.id,
      label: personLabel(p),
      jobTitle: p.jobTitle ?? '',
      organisation: p.organisationShortName ?? '',
    })),
    organisations: organisations.map((o) => ({ id: o.id, shortName: o.shortName, name: o.name })),
  };
}

export async function draftPageModel(
  request: FastifyRequest,
  draft: LoadedDraft,
  overrides: DraftOverrides = {},
) {
  const { meeting, item, state } = draft;
  const base = `/staff/meetings/${meeting.id}`;
  const { people, organisations } = await directory(request);
  const index = meeting.items.findIndex((i) => i.id === item.id);
  const link = (i: (typeof meeting.items)[number] | undefined) =>
    i ? { href: `${base}/draft?item=${i.id}`, title: `${i.number}. ${i.title}` } : null;
  const attendance = [
    ...meeting.attendance.present,
    ...meeting.attendance.apologies,
    ...meeting.attendance.absent,
    ...meeting.attendance.inAttendance,
  ].map((a) => ({
    id: a.id,
    name: a.name,
    detail: [a.role, a.organisation].filter(Boolean).join(', '),
    present: a.status === 'present',
    apologies: a.status === 'apologies',
    inAttendance: a.status === 'in_attendance',
    statusLabel: ATTENDANCE_LABELS[a.status],
  }));
  /** Move up (not the first), Move down (not the last) and Delete, for the question with this id. */
  const controlsFor = (id: string, first: boolean, last: boolean) => ({
    first,
    last,
    move: `${base}/draft/questions/${id}/move`,
    delete: `${base}/draft/questions/${id}/delete?item=${item.id}`,
  });
  const questions = state.questions.map((q, n) => {
    const override = overrides.questionOverrides?.get(q.id);
    return {
      ...q,
      label: questionLabel(q, n),
      baseText: q.text,
      baseAnswer: q.answer,
      text: override?.text ?? q.text,
      answer: override?.answer ?? q.answer,
      askedByPersonId: override ? override.askedByPersonId : q.askedByPersonId,
      conflict: override?.conflict ?? null,
      action: `${base}/draft/questions/${q.id}`,
      controls: draft.locked ? null : controlsFor(q.id, n === 0, n === state.questions.length - 1),
    };
  });
  const dueText = suggestedDueText(draft.suggestedDueDate);
  return {
    meeting: {
      id: meeting.id,
      boardName: meeting.boardName,
      dateText: meeting.dateText,
      statusLabel: MEETING_STATUS_LABELS[meeting.status],
    },
    agenda: meeting.items.map((i) => ({
      number: i.number,
      title: i.title,
      href: `${base}/draft?item=${i.id}`,
      current: i.id === item.id,
    })),
    item: {
      id: item.id,
      number: item.number,
      title: item.title,
      presenters: item.presenters.map((p) => p.printed).join('; ') || null,
      version: state.item.version,
      text: overrides.itemText ?? state.item.text,
      base: state.item.text,
      keepsFormatting: draft.keepsFormatting,
      isAttendance: item.kind === 'attendance',
      conflict: overrides.itemConflict ?? null,
      locked: draft.locked,
    },
    confidentiality: {
      tag: CONFIDENTIALITY_TAGS[item.confidentiality],
      label: CONFIDENTIALITY_TAGS[item.confidentiality]?.text ?? 'Public',
      reason: item.exemptReason,
      values: overrides.confidentiality?.values ?? {
        confidentiality: item.confidentiality,
        exemptReason: item.exemptReason ?? '',
      },
      errors: overrides.confidentiality?.errors ?? NO_ERRORS,
    },
    attendance,
    questions,
    actions: state.actions,
    questionTemplate: {
      id: '__KEY__',
      version: '',
      label: 'New question',
      baseText: '',
      baseAnswer: '',
      text: '',
      answer: '',
      askedByPersonId: null,
      conflict: null,
      actions: [],
    },
    /** Copied by the script for a question it adds: __QID__ becomes the id, __LABEL__ its label. */
    controlsTemplate: draft.locked ? null : controlsFor('__QID__', false, false),
    people,
    organisations,
    suggestedDueDate: draft.suggestedDueDate,
    suggestedDueText: dueText,
    raisedUnder: [
      { value: '', label: 'This item' },
      ...questions.map((q) => ({ value: q.id, label: `${q.label}: ${q.text.slice(0, 80)}` })),
    ],
    newQuestion: overrides.newQuestion ?? { askedByPersonId: '', text: '', answer: '', errors: NO_ERRORS },
    newAction: overrides.newAction ?? {
      raisedUnder: '',
      text: '',
      ownerOrganisationId: '',
      dueDate: draft.suggestedDueDate,
      errors: NO_ERRORS,
    },
    previous: link(meeting.items[index - 1]),
    next: link(meeting.items[index + 1]),
    notice: overrides.notice ?? null,
    urls: {
      setup: base,
      draft: `${base}/draft?item=${item.id}`,
      pdf: `${base}/notes.pdf`,
      preview: `${base}/notes.html`,
      item: `${base}/draft/items/${item.id}`,
      questions: `${base}/draft/questions`,
      actions: `${base}/draft/actions`,
      attendance: `${base}/draft/attendance`,
      confidentiality: `${base}/draft/items/${item.id}/confidentiality`,
    },
    data: {
      meetingId: meeting.id,
      itemId: item.id,
      api: `/staff/api/meetings/${meeting.id}`,
      previewUrl: `${base}/notes.html`,
      locked: draft.locked,
      suggestedDueDate: draft.suggestedDueDate,
      suggestedDueText: dueText,
      item: { id: item.id, version: state.item.version, text: state.item.text },
      questions: state.questions.map((q) => ({
        id: q.id,
        version: q.version,
        text: q.text,
        answer: q.answer,
        askedByPersonId: q.askedByPersonId,
      })),
    },
  };
}
