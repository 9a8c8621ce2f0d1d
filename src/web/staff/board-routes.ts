/** /staff/boards/:id: a board's meetings, and a new meeting made from its standing items. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PreconditionFailed } from '../../core/errors.ts';
import type { StandingItem } from '../../db/schema.ts';
import { itemKinds, standingItemSchema } from '../../modules/boards/schemas.ts';
import * as boardsService from '../../modules/boards/service.ts';
import { meetingBody } from '../../modules/meetings/schemas.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import { toLondon } from '../../time/london.ts';
import {
  type FormErrors,
  field,
  fields,
  formBody,
  formErrors,
  NO_ERRORS,
  serviceFormErrors,
  zodFormErrors,
} from '../forms.ts';
import { requireBoardAdmin } from './access.ts';
import { KIND_LABELS, MEETING_STATUS_LABELS } from './format.ts';
import { staffMeta } from './nav.ts';

const params = z.object({ id: z.uuid() });

const MESSAGES = {
  date: 'Enter the date of the meeting',
  startTime: 'Enter the start time, for example 10:00',
  location: 'Enter where the meeting is held, or tick “Held online”',
  nextMeetingDate: 'Enter a real date for the next meeting, or leave it blank',
};

interface MeetingForm {
  date: string;
  startTime: string;
  location: string;
  online: boolean;
  nextMeetingDate: string;
}

interface SettingsState {
  errors: FormErrors;
  notice: string | null;
  /** What was typed, shown again when it could not be saved (someone else saved first). */
  typed?: { items: StandingItem[]; questionDeadlineDays: number };
}

async function renderBoard(
  request: FastifyRequest,
  reply: FastifyReply,
  boardId: string,
  form: MeetingForm = { date: '', startTime: '10:00', location: '', online: false, nextMeetingDate: '' },
  errors: FormErrors = NO_ERRORS,
  settings: SettingsState = { errors: NO_ERRORS, notice: null },
) {
  requireBoardAdmin(request, boardId);
  const ctx = request.ctx();
  const board = await boardsService.getBoard(ctx, boardId);
  const all = await meetingsService.listMeetings(ctx, { boardId, limit: 200 });
  const today = toLondon(new Date()).date;
  const entry = (m: (typeof all.items)[number]) => ({
    href: `/staff/meetings/${m.id}`,
    draftHref: `/staff/meetings/${m.id}/draft`,
    dateText: m.dateText,
    startTime: m.startTime,
    location: m.online ? (m.location ? `${m.location} and online` : 'Online') : m.location,
    statusLabel: MEETING_STATUS_LABELS[m.status],
  });
  return reply.page(
    'staff/board',
    {
      board: {
        id: board.id,
        name: board.name,
        code: board.code,
        description: board.description,
        standingItems: board.standingItems.map((s) => s.title),
        // Each standing item, and two empty rows to add more.
        version: board.version,
        rows: [
          ...(settings.typed?.items ?? board.standingItems),
          { title: '', kind: 'other' },
          { title: '', kind: 'other' },
        ].map((s, i) => ({
          n: i + 1,
          title: s.title,
          kinds: itemKinds.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k, selected: k === s.kind })),
        })),
        questionDeadlineDays: settings.typed?.questionDeadlineDays ?? board.questionDeadlineDays,
        actionsHref: `/staff/boards/${board.id}/actions`,
        complianceHref: `/staff/boards/${board.id}/compliance`,
        decisionsHref: `/staff/boards/${board.id}/decisions`,
      },
      upcoming: all.items.filter((m) => m.date >= today).map(entry),
      past: all.items
        .filter((m) => m.date < today)
        .reverse()
        .map(entry),
      form,
      errors,
      settings,
    },
    {
      ...staffMeta(request, 'boards', {
        title: errors.list.length || settings.errors.list.length ? `Error: ${board.name}` : board.name,
      }),
      breadcrumbs: [{ href: '/staff', text: 'Boards and meetings' }],
      status: settings.typed ? 409 : errors.list.length || settings.errors.list.length ? 400 : 200,
    },
  );
}

export const boardRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/boards/:id',
    { schema: { params, querystring: z.object({ notice: z.string().max(40).optional() }) } },
    async (request, reply) =>
      renderBoard(request, reply, request.params.id, undefined, undefined, {
        errors: NO_ERRORS,
        notice:
          request.query.notice === 'settings-saved' ? 'The board’s standing items have been saved.' : null,
      }),
  );

  // The standing items every new meeting starts with, and how long before a meeting questions close.
  app.post('/boards/:id/settings', { schema: { params } }, async (request, reply) => {
    const boardId = request.params.id;
    requireBoardAdmin(request, boardId);
    const body = formBody(request);
    const kinds = fields(body, 'kind');
    const items = fields(body, 'title')
      .map((title, i) => ({ title: title.trim(), kind: kinds[i] ?? 'other' }))
      .filter((item) => item.title !== '');
    const parsed = z.array(standingItemSchema).max(50).safeParse(items);
    const days = Number(field(body, 'questionDeadlineDays'));
    const problem = !parsed.success
      ? 'Each standing item needs a title of up to 300 characters and a kind'
      : !Number.isInteger(days) || days < 0 || days > 90
        ? 'Enter the number of days before a meeting that questions close, from 0 to 90'
        : null;
    if (problem || !parsed.success) {
      const errors = formErrors([['title-1', problem ?? 'Check the standing items']]);
      return renderBoard(request, reply, boardId, undefined, undefined, { errors, notice: null });
    }
    const input = { standingItems: parsed.data, questionDeadlineDays: days };
    try {
      await boardsService.updateBoard(request.ctx(), boardId, input, () => Number(field(body, 'version')));
    } catch (err) {
      if (!(err instanceof PreconditionFailed)) throw err;
      // Someone saved first: nothing of theirs is overwritten and nothing typed here is lost.
      const errors = formErrors([
        [
          'title-1',
          'Someone else changed the standing items after you opened this page. Your changes are below, not yet saved: check them and save again to replace theirs.',
        ],
      ]);
      return renderBoard(request, reply, boardId, undefined, undefined, {
        errors,
        notice: null,
        typed: { items: parsed.data, questionDeadlineDays: days },
      });
    }
    return reply.redirect(`/staff/boards/${boardId}?notice=settings-saved#settings`, 303);
  });

  app.post('/boards/:id/meetings', { schema: { params } }, async (request, reply) => {
    const boardId = request.params.id;
    requireBoardAdmin(request, boardId);
    const body = formBody(request);
    const form: MeetingForm = {
      date: field(body, 'date'),
      startTime: field(body, 'startTime'),
      location: field(body, 'location'),
      online: field(body, 'online') === 'yes',
      nextMeetingDate: field(body, 'nextMeetingDate'),
    };
    const parsed = meetingBody.safeParse({ ...form, boardId, nextMeetingDate: form.nextMeetingDate || null });
    if (!parsed.success) {
      return renderBoard(request, reply, boardId, form, zodFormErrors(parsed.error, MESSAGES, 'meeting-'));
    }
    try {
      const meeting = await meetingsService.createMeeting(request.ctx(), parsed.data);
      return reply.redirect(`/staff/meetings/${meeting.id}?notice=created`, 303);
    } catch (err) {
      const errors = serviceFormErrors(err, 'date', 'meeting-');
      if (!errors) throw err;
      return renderBoard(request, reply, boardId, form, errors);
    }
  });
};
