/**
 * Moving and deleting questions on the drafting screen. Plain forms, so they work without
 * JavaScript (the script saves what is typed first, then lets the form go). Moving sets the
 * meeting's order through the questions service, which renumbers the pre-submitted questions 1..n;
 * deleting asks first, and deletes only the version the person saw (a question changed since is
 * shown again to confirm).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, NotFound } from '../../core/errors.ts';
import { getItemForRead } from '../../modules/agenda/item-access.ts';
import * as questionsService from '../../modules/questions/service.ts';
import { field, formBody, formVersion, idField } from '../forms.ts';
import { requireBoardAdmin } from './access.ts';
import { loadDraft, questionsOfItem } from './draft-model.ts';
import { questionLabel } from './draft-page.ts';
import { staffMeta } from './nav.ts';

const questionParams = z.object({ id: z.uuid(), questionId: z.uuid() });
const CHANGED =
  'Someone else changed this question after you opened this page. Check it is still the one to delete.';

function draftUrl(meetingId: string, itemId: string, notice: string, anchor = '') {
  return `/staff/meetings/${meetingId}/draft?item=${itemId}&notice=${notice}${anchor}`;
}

async function confirmDelete(
  request: FastifyRequest,
  reply: FastifyReply,
  meetingId: string,
  questionId: string,
  itemId: string | undefined,
  changed: string | null = null,
) {
  // The pair first: another meeting's question is 404 whoever asks, not 403 for this meeting.
  await questionsService.requireQuestionOfMeeting(request.ctx().db, meetingId, questionId);
  const draft = await loadDraft(request, meetingId, itemId);
  const index = draft.state.questions.findIndex((q) => q.id === questionId);
  const question = draft.state.questions[index];
  if (!question) throw new NotFound('question');
  const label = questionLabel(question, index);
  const base = `/staff/meetings/${meetingId}`;
  return reply.page(
    'staff/confirm-delete-question',
    {
      label,
      question: { text: question.text, answer: question.answer, askedBy: question.askedByPrinted || null },
      item: { id: draft.item.id, title: `${draft.item.number}. ${draft.item.title}` },
      actions: question.actions.length,
      version: question.version,
      changed,
      action: `${base}/draft/questions/${questionId}/delete`,
      cancel: `${base}/draft?item=${draft.item.id}#question-${questionId}`,
    },
    {
      ...staffMeta(request, 'boards', { title: `${changed ? 'Error: ' : ''}Delete ${label}?` }),
      breadcrumbs: [
        { href: '/staff', text: 'Boards and meetings' },
        { href: `/staff/boards/${draft.meeting.boardId}`, text: draft.meeting.boardName },
        { href: `${base}/draft?item=${draft.item.id}`, text: `${draft.item.number}. ${draft.item.title}` },
      ],
      status: changed ? 409 : 200,
    },
  );
}

export const draftQuestionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/meetings/:id/draft/questions/:questionId/move',
    { schema: { params: questionParams } },
    async (request, reply) => {
      const { id, questionId } = request.params;
      const body = formBody(request);
      const up = field(body, 'direction') === 'up';
      const ctx = request.ctx();
      // An item of another meeting is 404 (getItemForRead with the meeting), with its board; so is no item.
      const itemId = idField(body, 'itemId');
      if (!itemId) throw new NotFound('item');
      const item = await getItemForRead(ctx, itemId, id);
      const all = await questionsService.listQuestions(ctx, id);
      const siblings = questionsOfItem(item, all);
      const at = siblings.findIndex((q) => q.id === questionId);
      if (at === -1) throw new NotFound('question');
      // Authorised before anything else is decided: a question already at the top is "moved up" by
      // doing nothing, and that answer is for the board's secretariat too, not for anyone who can read.
      requireBoardAdmin(request, item.board_id);
      const neighbour = siblings[up ? at - 1 : at + 1];
      if (neighbour) {
        // Swap the two in the meeting's whole order; everything else keeps its place.
        const ids = all.map((q) => q.id);
        const i = ids.indexOf(questionId);
        const j = ids.indexOf(neighbour.id);
        [ids[i], ids[j]] = [ids[j]!, ids[i]!];
        await questionsService.reorderQuestions(ctx, id, ids);
      }
      const notice = up ? 'question-moved-up' : 'question-moved-down';
      return reply.redirect(draftUrl(id, item.id, notice, `#question-${questionId}`), 303);
    },
  );

  app.get(
    '/meetings/:id/draft/questions/:questionId/delete',
    { schema: { params: questionParams, querystring: z.object({ item: z.uuid().optional() }) } },
    async (request, reply) =>
      confirmDelete(request, reply, request.params.id, request.params.questionId, request.query.item),
  );

  app.post(
    '/meetings/:id/draft/questions/:questionId/delete',
    { schema: { params: questionParams } },
    async (request, reply) => {
      const { id, questionId } = request.params;
      const body = formBody(request);
      const itemId = field(body, 'itemId');
      try {
        await questionsService.deleteQuestion(request.ctx(), questionId, () => formVersion(body), id);
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 412) throw err;
        return confirmDelete(request, reply, id, questionId, itemId, CHANGED);
      }
      return reply.redirect(draftUrl(id, itemId, 'question-deleted', '#questions'), 303);
    },
  );
};
