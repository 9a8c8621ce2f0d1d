/**
 * Meeting set-up, /staff/meetings/:id: invite attendees from the directory (role and organisation
 * filled in from it), record apologies, shape the agenda, and move the meeting along its life
 * (held → notes submitted → approved → published). Every change goes through the services.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFound } from '../../core/errors.ts';
import { requireItemOfMeeting } from '../../modules/agenda/item-access.ts';
import * as agendaService from '../../modules/agenda/service.ts';
import { itemKindSchema } from '../../modules/boards/schemas.ts';
import { attendanceStatusSchema } from '../../modules/meetings/attendance-schemas.ts';
import * as attendanceService from '../../modules/meetings/attendance-service.ts';
import { meetingStatusSchema } from '../../modules/meetings/schemas.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import * as peopleService from '../../modules/people/service.ts';
import { field, formBody, formErrors, NO_ERRORS, serviceFormErrors } from '../forms.ts';
import { requireBoardAdmin } from './access.ts';
import {
  confidentialityInput,
  confidentialityProblems,
  confidentialityValues,
} from './confidentiality-form.ts';
import { EMPTY_FORMS, renderMeeting } from './meeting-page.ts';
import { staffMeta } from './nav.ts';

const params = z.object({ id: z.uuid() });
const entryParams = params.extend({ entryId: z.uuid() });
const itemParams = params.extend({ itemId: z.uuid() });

export const meetingRoutes: FastifyPluginAsyncZod = async (app) => {
  const back = (id: string, notice: string, anchor = '') => `/staff/meetings/${id}?notice=${notice}${anchor}`;

  app.get(
    '/meetings/:id',
    { schema: { params, querystring: z.object({ notice: z.string().max(40).optional() }) } },
    async (request, reply) =>
      renderMeeting(request, reply, request.params.id, { notice: request.query.notice }),
  );

  app.post('/meetings/:id/status', { schema: { params } }, async (request, reply) => {
    const { id } = request.params;
    const body = formBody(request);
    const status = meetingStatusSchema.safeParse(field(body, 'status'));
    const version = Number(field(body, 'version'));
    try {
      if (!status.success) throw new NotFound('status');
      await meetingsService.changeStatus(request.ctx(), id, status.data, () =>
        Number.isInteger(version) ? version : undefined,
      );
    } catch (err) {
      if (!(err instanceof AppError) || ![404, 409, 412].includes(err.status)) throw err;
      const message =
        err.status === 412
          ? 'Someone else changed this meeting a moment ago. Check it and try again.'
          : err.message;
      return renderMeeting(request, reply, id, { error: message });
    }
    return reply.redirect(back(id, 'status'), 303);
  });

  app.post('/meetings/:id/attendance', { schema: { params } }, async (request, reply) => {
    const { id } = request.params;
    const body = formBody(request);
    const values = {
      personId: field(body, 'personId'),
      status: field(body, 'status') || 'present',
      role: field(body, 'role').trim(),
      organisation: field(body, 'organisation').trim(),
    };
    const status = attendanceStatusSchema.safeParse(values.status);
    let errors = !values.personId
      ? formErrors([['personId', 'Choose a person from the directory']], 'invite-')
      : !status.success
        ? formErrors([['status', 'Choose whether they are attending']], 'invite-')
        : null;
    if (!errors && status.success) {
      try {
        await attendanceService.addAttendance(request.ctx(), id, {
          personId: values.personId,
          status: status.data,
          ...(field(body, 'filled') === 'yes'
            ? // The page filled them in from the directory: print exactly what they say now.
              { role: values.role, organisation: values.organisation || null }
            : // Blank: the service fills in the directory's job title and organisation.
              {
                ...(values.role ? { role: values.role } : {}),
                ...(values.organisation ? { organisation: values.organisation } : {}),
              }),
          forItemId: null,
        });
        return reply.redirect(back(id, 'invited', '#attendance'), 303);
      } catch (err) {
        errors = serviceFormErrors(err, 'personId', 'invite-');
        if (!errors) throw err;
      }
    }
    return renderMeeting(request, reply, id, { forms: { invite: { values, errors: errors ?? NO_ERRORS } } });
  });

  app.post(
    '/meetings/:id/attendance/:entryId',
    { schema: { params: entryParams } },
    async (request, reply) => {
      const { id, entryId } = request.params;
      const status = attendanceStatusSchema.safeParse(field(formBody(request), 'status'));
      const meeting = await meetingsService.getMeeting(request.ctx(), id);
      // The pair first: another meeting's entry is 404 whoever asks, not 403 for this meeting.
      const entry = Object.values(meeting.attendance)
        .flat()
        .find((e) => e.id === entryId);
      if (!entry || !status.success) throw new NotFound('attendance entry');
      requireBoardAdmin(request, meeting.boardId);
      await attendanceService.replaceAttendance(request.ctx(), entryId, {
        status: status.data,
        role: entry.role,
        organisation: entry.organisation,
        forItemId: status.data === 'in_attendance' ? entry.forItemId : null,
      });
      return reply.redirect(back(id, 'attendance-saved', '#attendance'), 303);
    },
  );

  app.post(
    '/meetings/:id/attendance/:entryId/remove',
    { schema: { params: entryParams } },
    async (request, reply) => {
      const { id, entryId } = request.params;
      await attendanceService.removeAttendance(request.ctx(), entryId, id);
      return reply.redirect(back(id, 'removed', '#attendance'), 303);
    },
  );

  app.post('/meetings/:id/people', { schema: { params } }, async (request, reply) => {
    const { id } = request.params;
    // The directory is shared, but this form is the meeting's: only its board's secretariat may use it.
    requireBoardAdmin(request, (await meetingsService.getMeeting(request.ctx(), id)).boardId);
    const body = formBody(request);
    const values = {
      name: field(body, 'name').trim(),
      jobTitle: field(body, 'jobTitle').trim(),
      organisationId: field(body, 'organisationId'),
    };
    let errors = values.name ? null : formErrors([['name', 'Enter the person’s name']], 'person-');
    if (!errors) {
      try {
        await peopleService.createPerson(request.ctx(), {
          name: values.name,
          jobTitle: values.jobTitle || null,
          organisationId: values.organisationId || null,
        });
        return reply.redirect(back(id, 'person-added', '#invite'), 303);
      } catch (err) {
        errors = serviceFormErrors(err, 'name', 'person-');
        if (!errors) throw err;
      }
    }
    return renderMeeting(request, reply, id, { forms: { person: { values, errors } } });
  });

  app.post('/meetings/:id/agenda', { schema: { params } }, async (request, reply) => {
    const { id } = request.params;
    const body = formBody(request);
    const values = {
      title: field(body, 'title').trim(),
      kind: field(body, 'kind') || 'other',
      presenter: field(body, 'presenter').trim(),
      ...confidentialityValues(body),
    };
    const kind = itemKindSchema.safeParse(values.kind);
    const problems: [string, string][] = values.title ? [] : [['title', 'Enter the title of the item']];
    problems.push(...confidentialityProblems(values));
    let errors = problems.length ? formErrors(problems, 'item-') : null;
    if (!errors) {
      try {
        await agendaService.createItem(request.ctx(), id, {
          title: values.title,
          kind: kind.success ? kind.data : 'other',
          presenters: values.presenter ? [{ personId: null, printed: values.presenter }] : [],
          bodyHtml: '',
          ...confidentialityInput(values),
        });
        return reply.redirect(back(id, 'item-added', '#agenda'), 303);
      } catch (err) {
        errors = serviceFormErrors(err, 'title', 'item-');
        if (!errors) throw err;
      }
    }
    return renderMeeting(request, reply, id, { forms: { ...EMPTY_FORMS, item: { values, errors } } });
  });

  app.post(
    '/meetings/:id/agenda/:itemId/move',
    { schema: { params: itemParams } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const up = field(formBody(request), 'direction') === 'up';
      const ids = (await agendaService.listAgenda(request.ctx(), id)).map((i) => i.id);
      const at = ids.indexOf(itemId);
      const to = up ? at - 1 : at + 1;
      if (at === -1) throw new NotFound('agenda item');
      if (to >= 0 && to < ids.length) {
        [ids[at], ids[to]] = [ids[to]!, ids[at]!];
        await agendaService.reorderAgenda(request.ctx(), id, ids);
      }
      return reply.redirect(back(id, 'item-moved', '#agenda'), 303);
    },
  );

  app.get(
    '/meetings/:id/agenda/:itemId/remove',
    { schema: { params: itemParams } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const ctx = request.ctx();
      // The pair first: another meeting's item is 404 whoever asks, not 403 for this meeting.
      await requireItemOfMeeting(ctx.db, id, itemId);
      const meeting = await meetingsService.getMeeting(ctx, id);
      requireBoardAdmin(request, meeting.boardId);
      const item = meeting.items.find((i) => i.id === itemId);
      if (!item) throw new NotFound('agenda item');
      return reply.page(
        'staff/confirm-remove-item',
        {
          item: { number: item.number, title: item.title },
          action: `/staff/meetings/${id}/agenda/${itemId}/remove`,
          cancel: `/staff/meetings/${id}#agenda`,
        },
        staffMeta(request, 'boards', { title: `Remove item ${item.number}?` }),
      );
    },
  );

  app.post(
    '/meetings/:id/agenda/:itemId/remove',
    { schema: { params: itemParams } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      await agendaService.deleteItem(request.ctx(), itemId, id);
      return reply.redirect(back(id, 'item-removed', '#agenda'), 303);
    },
  );
};
