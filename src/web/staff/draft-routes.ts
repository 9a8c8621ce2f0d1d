/**
 * The live drafting screen, /staff/meetings/:id/draft?item=…, and its forms. With JavaScript the
 * page saves through /staff/api as you type; these form posts are the same screen without it. A
 * form saved over someone else's newer version is not lost: both versions are combined and shown
 * again to check (409), exactly as the script does.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, PreconditionFailed } from '../../core/errors.ts';
import * as actionsService from '../../modules/actions/service.ts';
import * as agendaService from '../../modules/agenda/service.ts';
import * as attendanceService from '../../modules/meetings/attendance-service.ts';
import * as questionsService from '../../modules/questions/service.ts';
import { mergeText } from '../assets/js/draft-merge.js';
import { field, fields, formBody, formErrors, formVersion, serviceFormErrors } from '../forms.ts';
import { signedIn } from './access.ts';
import {
  confidentialityInput,
  confidentialityProblems,
  confidentialityValues,
} from './confidentiality-form.ts';
import { loadDraft, sourceForItem } from './draft-model.ts';
import { type DraftOverrides, draftPageModel, noticeText } from './draft-page.ts';
import { answerLinesToBullets, draftTextToHtml } from './draft-text.ts';
import { staffMeta } from './nav.ts';
import * as presence from './presence.ts';

const meetingParams = z.object({ id: z.uuid() });
const itemParams = meetingParams.extend({ itemId: z.uuid() });
const questionParams = meetingParams.extend({ questionId: z.uuid() });
const ITEM_CHANGED =
  'Someone else changed this item while you were choosing. Check who can read it and save again.';
const CONFLICT =
  'Someone else saved a change while you were editing. Both versions have been combined below: check them and save again.';

/** Renders the drafting screen, counting the page view as a tab open on the meeting. */
async function renderDraft(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  itemId: string | undefined,
  overrides: DraftOverrides = {},
  status = 200,
) {
  const draft = await loadDraft(request, meetingId, itemId);
  // Each page view is a tab of its own; its script keeps it alive with the same id.
  const tab = randomUUID();
  const { userId } = signedIn(request);
  const { db } = request.ctx();
  await presence.seen(db, { tab, userId, meetingId, itemId: draft.item.id }, presence.PAGE_VIEW_TTL_MS);
  const model = await draftPageModel(request, draft, overrides);
  const others = presence.presenceText(await presence.others(db, meetingId, userId));
  return reply.page(
    'staff/draft',
    { ...model, presence: others, data: { ...model.data, tab } },
    {
      ...staffMeta(request, 'boards', {
        title: `${draft.item.number}. ${draft.item.title} – drafting ${draft.meeting.dateText}`,
        breadcrumbs: [
          { href: '/staff', text: 'Boards and meetings' },
          { href: `/staff/boards/${draft.meeting.boardId}`, text: draft.meeting.boardName },
          { href: `/staff/meetings/${draft.meeting.id}`, text: draft.meeting.dateText },
        ],
      }),
      wide: true,
      scripts: ['js/draft.js'],
      status,
    },
  );
}

function back(reply: FastifyReply, meetingId: string, itemId: string, notice: string, anchor: string) {
  return reply.redirect(`/staff/meetings/${meetingId}/draft?item=${itemId}&notice=${notice}#${anchor}`, 303);
}

/** A service refusal shown on the form (400, 404, 409), or rethrown (401, 403, 5xx) for the error page. */
function refusal(err: unknown, fallbackField: string, idPrefix: string) {
  const errors = serviceFormErrors(err, fallbackField, idPrefix);
  if (!errors) throw err;
  return errors;
}

export const draftRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/meetings/:id/draft',
    {
      schema: {
        params: meetingParams,
        querystring: z.object({ item: z.uuid().optional(), notice: z.string().max(40).optional() }),
      },
    },
    async (request, reply) =>
      renderDraft(request, reply, request.params.id, request.query.item, {
        notice: noticeText(request.query.notice),
      }),
  );

  app.post(
    '/meetings/:id/draft/items/:itemId',
    { schema: { params: itemParams } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const body = formBody(request);
      const text = field(body, 'text');
      try {
        await agendaService.updateItem(
          request.ctx(),
          itemId,
          () => formVersion(body),
          { bodyHtml: draftTextToHtml(text) },
          id,
        );
      } catch (err) {
        if (!(err instanceof PreconditionFailed)) throw err;
        const current = await loadDraft(request, id, itemId);
        const merged = mergeText(field(body, 'base'), text, current.state.item.text);
        return renderDraft(request, reply, id, itemId, { itemText: merged, itemConflict: CONFLICT }, 409);
      }
      return back(reply, id, itemId, 'saved', 'item-text');
    },
  );

  app.post(
    '/meetings/:id/draft/items/:itemId/confidentiality',
    { schema: { params: itemParams } },
    async (request, reply) => {
      const { id, itemId } = request.params;
      const body = formBody(request);
      const values = confidentialityValues(body);
      const problems = confidentialityProblems(values);
      let errors = problems.length ? formErrors(problems, 'item-conf-') : null;
      if (!errors) {
        try {
          await agendaService.updateItem(
            request.ctx(),
            itemId,
            () => formVersion(body),
            confidentialityInput(values),
            id,
          );
          return back(reply, id, itemId, 'confidentiality-saved', 'item-heading');
        } catch (err) {
          errors =
            err instanceof PreconditionFailed
              ? formErrors([['confidentiality', ITEM_CHANGED]], 'item-conf-')
              : refusal(err, 'confidentiality', 'item-conf-');
        }
      }
      return renderDraft(request, reply, id, itemId, { confidentiality: { values, errors } }, 400);
    },
  );

  app.post('/meetings/:id/draft/questions', { schema: { params: meetingParams } }, async (request, reply) => {
    const { id } = request.params;
    const body = formBody(request);
    const itemId = field(body, 'itemId');
    const values = {
      askedByPersonId: field(body, 'askedByPersonId'),
      text: field(body, 'text').trim(),
      answer: field(body, 'answer'),
    };
    let errors = values.text ? null : formErrors([['text', 'Enter the question']], 'new-question-');
    if (!errors) {
      try {
        const item = await agendaService.getItem(request.ctx(), itemId);
        await questionsService.createQuestion(request.ctx(), id, {
          source: sourceForItem(item),
          itemId,
          text: values.text,
          askedByPersonId: values.askedByPersonId || null,
          answerBullets: answerLinesToBullets(values.answer),
        });
        return back(reply, id, itemId, 'question-added', 'questions');
      } catch (err) {
        errors = refusal(err, 'text', 'new-question-');
      }
    }
    return renderDraft(request, reply, id, itemId, { newQuestion: { ...values, errors } }, 400);
  });

  app.post(
    '/meetings/:id/draft/questions/:questionId',
    { schema: { params: questionParams } },
    async (request, reply) => {
      const { id, questionId } = request.params;
      const body = formBody(request);
      const itemId = field(body, 'itemId');
      const mine = {
        text: field(body, 'text').trim(),
        answer: field(body, 'answer'),
        askedByPersonId: field(body, 'askedByPersonId') || null,
      };
      try {
        await questionsService.updateQuestion(
          request.ctx(),
          questionId,
          formVersion(body),
          {
            text: mine.text,
            askedByPersonId: mine.askedByPersonId,
            answerBullets: answerLinesToBullets(mine.answer),
          },
          id,
        );
      } catch (err) {
        if (!(err instanceof AppError) || (err.status !== 412 && err.status !== 400)) throw err;
        const current = await loadDraft(request, id, itemId);
        const theirs = current.state.questions.find((q) => q.id === questionId);
        if (!theirs) throw err;
        const conflict = err.status === 412 ? CONFLICT : err.message;
        const merged =
          err.status === 412
            ? {
                text: mergeText(field(body, 'baseText'), mine.text, theirs.text),
                answer: mergeText(field(body, 'baseAnswer'), mine.answer, theirs.answer),
                askedByPersonId: mine.askedByPersonId ?? theirs.askedByPersonId,
              }
            : mine;
        const questionOverrides = new Map([[questionId, { ...merged, conflict }]]);
        return renderDraft(request, reply, id, itemId, { questionOverrides }, err.status === 412 ? 409 : 400);
      }
      return back(reply, id, itemId, 'question-saved', `question-${questionId}`);
    },
  );

  app.post('/meetings/:id/draft/actions', { schema: { params: meetingParams } }, async (request, reply) => {
    const { id } = request.params;
    const body = formBody(request);
    const itemId = field(body, 'itemId');
    const values = {
      raisedUnder: field(body, 'raisedUnder'),
      text: field(body, 'text').trim(),
      ownerOrganisationId: field(body, 'ownerOrganisationId'),
      dueDate: field(body, 'dueDate'),
    };
    const missing: [string, string][] = [];
    if (!values.text) missing.push(['text', 'Enter what the action is']);
    if (!values.ownerOrganisationId)
      missing.push(['ownerOrganisationId', 'Choose the organisation that owns the action']);
    if (values.dueDate && !/^\d{4}-\d{2}-\d{2}$/.test(values.dueDate))
      missing.push(['dueDate', 'Enter a real date']);
    let errors = missing.length ? formErrors(missing, 'new-action-') : null;
    if (!errors) {
      try {
        await actionsService.createAction(request.ctx(), id, {
          text: values.text,
          ownerOrganisationId: values.ownerOrganisationId,
          dueDate: values.dueDate || null,
          ...(values.raisedUnder ? { questionId: values.raisedUnder } : { itemId }),
        });
        return back(reply, id, itemId, 'action-recorded', 'actions');
      } catch (err) {
        errors = refusal(err, 'text', 'new-action-');
      }
    }
    return renderDraft(request, reply, id, itemId, { newAction: { ...values, errors } }, 400);
  });

  app.post(
    '/meetings/:id/draft/attendance',
    { schema: { params: meetingParams } },
    async (request, reply) => {
      const { id } = request.params;
      const body = formBody(request);
      const itemId = field(body, 'itemId');
      const present = new Set(fields(body, 'present'));
      const draft = await loadDraft(request, id, itemId);
      const { attendance } = draft.meeting;
      for (const entry of [...attendance.present, ...attendance.apologies, ...attendance.absent]) {
        const wanted = present.has(entry.id)
          ? 'present'
          : entry.status === 'present'
            ? 'absent'
            : entry.status;
        if (wanted === entry.status) continue;
        await attendanceService.replaceAttendance(request.ctx(), entry.id, {
          status: wanted,
          role: entry.role,
          organisation: entry.organisation,
          forItemId: null,
        });
      }
      return back(reply, id, itemId, 'attendance-saved', 'attendance');
    },
  );
};
