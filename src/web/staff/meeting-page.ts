/** The meeting set-up page's view model: details, next step, attendance, agenda, and its forms. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { itemKinds } from '../../modules/boards/schemas.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import { allowedNext } from '../../modules/meetings/status.ts';
import * as publicationService from '../../modules/publication/service.ts';
import { formatLongDate } from '../../text/date-format.ts';
import { type FormErrors, NO_ERRORS } from '../forms.ts';
import { requireBoardAdmin } from './access.ts';
import { CONFIDENTIALITY_TAGS } from './confidentiality-form.ts';
import { directory } from './draft-page.ts';
import {
  ATTENDANCE_LABELS,
  KIND_LABELS,
  MEETING_STATUS_LABELS,
  MEETING_STEPS,
  NOTES_STATE_LABELS,
  NOTES_STEPS,
} from './format.ts';
import { staffMeta } from './nav.ts';

export interface FormState<T> {
  values: T;
  errors: FormErrors;
}

export interface MeetingForms {
  invite: FormState<{ personId: string; status: string; role: string; organisation: string }>;
  person: FormState<{ name: string; jobTitle: string; organisationId: string }>;
  item: FormState<{
    title: string;
    kind: string;
    presenter: string;
    confidentiality: string;
    exemptReason: string;
  }>;
}

export const EMPTY_FORMS: MeetingForms = {
  invite: { values: { personId: '', status: 'present', role: '', organisation: '' }, errors: NO_ERRORS },
  person: { values: { name: '', jobTitle: '', organisationId: '' }, errors: NO_ERRORS },
  item: {
    values: { title: '', kind: 'report', presenter: '', confidentiality: 'public', exemptReason: '' },
    errors: NO_ERRORS,
  },
};

const NOTICES: Record<string, string> = {
  created: 'The meeting has been created with the board’s standing items.',
  invited: 'The attendee has been added.',
  'attendance-saved': 'Attendance has been updated.',
  removed: 'The attendee has been removed.',
  'person-added': 'The person has been added to the directory. You can now invite them.',
  'item-added': 'The item has been added to the agenda.',
  'item-moved': 'The agenda has been reordered.',
  'item-removed': 'The item has been removed from the agenda.',
  status: 'The meeting’s status has been changed.',
  'notes-submitted': 'The notes have been submitted for approval.',
  'notes-returned': 'The notes have been returned to draft.',
  'notes-approved': 'The approval of the notes has been recorded.',
  'notes-published': 'The notes have been published.',
  'correction-opened': 'A correction is open: change the notes, then publish again.',
  'correction-cancelled': 'The correction has been closed.',
  'agenda-published': 'The agenda has been published.',
};

export async function renderMeeting(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  opts: { forms?: Partial<MeetingForms>; notice?: unknown; error?: string | null } = {},
) {
  const ctx = request.ctx();
  const meeting = await meetingsService.getMeeting(ctx, meetingId);
  requireBoardAdmin(request, meeting.boardId);
  const [{ people, organisations }, publication, later] = await Promise.all([
    directory(request),
    publicationService.getPublication(ctx, meetingId),
    meetingsService.listMeetings(ctx, { boardId: meeting.boardId, from: meeting.date, limit: 20 }),
  ]);
  const approvingMeetings = later.items
    .filter(
      (m) => m.startsAt > meeting.startsAt && m.startsAt.getTime() <= Date.now() && m.status !== 'cancelled',
    )
    .map((m) => ({ id: m.id, label: m.dateText }));
  const forms = { ...EMPTY_FORMS, ...opts.forms };
  const base = `/staff/meetings/${meeting.id}`;
  const attendance = [
    ...meeting.attendance.present,
    ...meeting.attendance.apologies,
    ...meeting.attendance.absent,
    ...meeting.attendance.inAttendance,
  ].map((a) => ({
    ...a,
    statusLabel: ATTENDANCE_LABELS[a.status],
    statuses: (['present', 'apologies', 'absent'] as const).map((s) => ({
      value: s,
      label: ATTENDANCE_LABELS[s],
      selected: s === a.status,
    })),
    editable: a.status !== 'in_attendance',
    action: `${base}/attendance/${a.id}`,
  }));
  const invited = new Set(attendance.map((a) => a.personId));
  const hasErrors = Object.values(forms).some((f) => f.errors.list.length);
  return reply.page(
    'staff/meeting',
    {
      meeting: {
        id: meeting.id,
        boardName: meeting.boardName,
        dateText: meeting.dateText,
        startTime: meeting.startTime,
        location: meeting.online
          ? [meeting.location, 'online'].filter(Boolean).join(' and ')
          : meeting.location,
        status: meeting.status,
        statusLabel: MEETING_STATUS_LABELS[meeting.status],
        version: meeting.version,
        questionDeadline: meeting.questionDeadline,
        nextMeetingText: meeting.nextMeeting ? formatLongDate(meeting.nextMeeting.date) : null,
      },
      steps: allowedNext(meeting.status)
        .filter((s) => MEETING_STEPS[s])
        .map((s) => ({ value: s, ...MEETING_STEPS[s]!, danger: s === 'cancelled' })),
      notes: {
        stateLabel: NOTES_STATE_LABELS[publication.notesState],
        steps: publication.allowedSteps.map((step) => ({
          ...NOTES_STEPS[step]!,
          action: `${base}/notes/${NOTES_STEPS[step]!.path}`,
          needsMeeting: step === 'approve',
          needsReason: step === 'correct',
        })),
        approvingMeetings,
        agendaPublished: publication.agendaPublishedAt !== null,
        versions: publication.versions.map((v) => ({
          versionNo: v.versionNo,
          publishedAt: v.publishedAt.toISOString(),
          publishedBy: v.publishedBy,
          reason: v.reason,
          href: `/public/v1/meetings/${meeting.id}/notes/versions/${v.versionNo}/pdf`,
        })),
        publishAgendaAction: `${base}/notes/publish-agenda`,
      },
      attendance,
      invitable: people.filter((p) => !invited.has(p.id)),
      organisations,
      items: meeting.items.map((item, index) => ({
        id: item.id,
        number: item.number,
        title: item.title,
        kindLabel: KIND_LABELS[item.kind] ?? item.kind,
        presenters: item.presenters.map((p) => p.printed).join('; '),
        tag: CONFIDENTIALITY_TAGS[item.confidentiality],
        first: index === 0,
        last: index === meeting.items.length - 1,
        moveAction: `${base}/agenda/${item.id}/move`,
        removeHref: `${base}/agenda/${item.id}/remove`,
        draftHref: `${base}/draft?item=${item.id}`,
      })),
      kinds: itemKinds.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k })),
      forms,
      notice: typeof opts.notice === 'string' ? (NOTICES[opts.notice] ?? null) : null,
      error: opts.error ?? null,
      urls: {
        base,
        draft: `${base}/draft`,
        preview: `${base}/notes.html`,
        pdf: `${base}/notes.pdf`,
        actions: `/staff/boards/${meeting.boardId}/actions`,
      },
    },
    {
      ...staffMeta(request, 'boards', {
        title: `${hasErrors || opts.error ? 'Error: ' : ''}${meeting.boardName}, ${meeting.dateText}`,
      }),
      breadcrumbs: [
        { href: '/staff', text: 'Boards and meetings' },
        { href: `/staff/boards/${meeting.boardId}`, text: meeting.boardName },
      ],
      status: hasErrors || opts.error ? 400 : 200,
    },
  );
}
