/**
 * Board members: /staff/questions (meetings taking questions, your questions, the answers), and
 * putting a question to a meeting, changing or withdrawing it until the meeting's deadline. The
 * questions service enforces the deadline; after it, these forms say so instead of saving.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { Conflict, NotFound } from '../../core/errors.ts';
import * as questionsService from '../../modules/questions/service.ts';
import { type FormErrors, field, formBody, formErrors, NO_ERRORS, serviceFormErrors } from '../forms.ts';
import { meetingForQuestions, memberOverview } from './member-questions.ts';
import { staffMeta } from './nav.ts';

const idParams = z.object({ id: z.uuid() });

const NOTICES: Record<string, string> = {
  submitted: 'Your question has been sent to the secretariat.',
  saved: 'Your question has been changed.',
  withdrawn: 'Your question has been withdrawn.',
};

/** The service's refusal in the member's words: a 409 here means the meeting stopped taking questions. */
function refusal(err: unknown): FormErrors {
  if (err instanceof Conflict) {
    return formErrors([
      ['text', 'The meeting is no longer taking questions: its deadline has passed or it was cancelled.'],
    ]);
  }
  const errors = serviceFormErrors(err, 'text');
  if (!errors) throw err;
  return errors;
}

interface QuestionForm {
  meetingId: string;
  questionId: string | null;
  version: number | null;
  text: string;
  itemId: string;
  errors: FormErrors;
}

/** A question this member submitted; anyone else's is not found, as if it did not exist. */
async function ownQuestion(request: FastifyRequest, id: string) {
  const question = await questionsService.getQuestion(request.ctx(), id);
  if (!question.submittedByMe) throw new NotFound('question');
  return question;
}

async function renderForm(request: FastifyRequest, reply: FastifyReply, form: QuestionForm) {
  const meeting = await meetingForQuestions(request, form.meetingId);
  const editing = form.questionId !== null;
  return reply.page(
    'staff/question-form',
    {
      meeting: {
        text: `${meeting.detail.boardName}, ${meeting.detail.dateText}`,
        deadline: meeting.deadline.toISOString(),
        open: meeting.open,
      },
      editing,
      form,
      // A withheld item (an exempt one listed by title) takes no questions from those who cannot read it.
      items: meeting.detail.items
        .filter((i) => !i.withheld)
        .map((i) => ({
          id: i.id,
          label: `${i.number}. ${i.title}`,
          selected: i.id === form.itemId,
        })),
      action: editing ? `/staff/questions/${form.questionId}` : '/staff/questions',
      withdrawAction: editing ? `/staff/questions/${form.questionId}/withdraw` : null,
    },
    {
      ...staffMeta(request, 'questions', {
        title: `${form.errors.list.length ? 'Error: ' : ''}${editing ? 'Change your question' : 'Ask a question'}`,
      }),
      breadcrumbs: [{ href: '/staff/questions', text: 'My questions' }],
      status: form.errors.list.length ? (meeting.open ? 400 : 409) : 200,
    },
  );
}

export const memberRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/questions',
    { schema: { querystring: z.object({ notice: z.string().max(40).optional() }) } },
    async (request, reply) =>
      reply.page(
        'staff/member-questions',
        { ...(await memberOverview(request)), notice: NOTICES[request.query.notice ?? ''] ?? null },
        staffMeta(request, 'questions', { title: 'My questions' }),
      ),
  );

  app.get(
    '/questions/new',
    {
      schema: {
        querystring: z.object({
          meeting: z.string().max(100).optional(),
          /** Sent by the choice form itself: a choice sent empty is explained. */
          choose: z.string().max(5).optional(),
        }),
      },
    },
    async (request, reply) => {
      const { meeting, choose } = request.query;
      // No meeting chosen (a bookmark, the address typed, the choice sent empty): ask which one.
      if (meeting === undefined || !z.uuid().safeParse(meeting).success) {
        const errors =
          meeting === undefined && choose === undefined
            ? NO_ERRORS
            : formErrors([['meeting', 'Choose the meeting your question is for']], 'choose-');
        const { open } = await memberOverview(request);
        return reply.page(
          'staff/choose-meeting',
          { meetings: open, errors },
          {
            ...staffMeta(request, 'questions', {
              title: `${errors.list.length ? 'Error: ' : ''}Which meeting is your question for?`,
            }),
            breadcrumbs: [{ href: '/staff/questions', text: 'My questions' }],
            status: errors.list.length ? 400 : 200,
          },
        );
      }
      return renderForm(request, reply, {
        meetingId: meeting,
        questionId: null,
        version: null,
        text: '',
        itemId: '',
        errors: NO_ERRORS,
      });
    },
  );

  app.post('/questions', async (request, reply) => {
    const body = formBody(request);
    const form: QuestionForm = {
      meetingId: field(body, 'meetingId'),
      questionId: null,
      version: null,
      text: field(body, 'text').trim(),
      itemId: field(body, 'itemId'),
      errors: NO_ERRORS,
    };
    if (!z.uuid().safeParse(form.meetingId).success) throw new NotFound('meeting');
    if (!form.text)
      return renderForm(request, reply, { ...form, errors: formErrors([['text', 'Enter your question']]) });
    try {
      await questionsService.submitQuestion(request.ctx(), form.meetingId, {
        text: form.text,
        itemId: form.itemId || null,
      });
    } catch (err) {
      return renderForm(request, reply, { ...form, errors: refusal(err) });
    }
    return reply.redirect('/staff/questions?notice=submitted', 303);
  });

  app.get('/questions/:id/edit', { schema: { params: idParams } }, async (request, reply) => {
    const question = await ownQuestion(request, request.params.id);
    return renderForm(request, reply, {
      meetingId: question.meetingId,
      questionId: question.id,
      version: question.version,
      text: question.text,
      itemId: question.itemId ?? '',
      errors: NO_ERRORS,
    });
  });

  app.post('/questions/:id', { schema: { params: idParams } }, async (request, reply) => {
    const question = await ownQuestion(request, request.params.id);
    const body = formBody(request);
    const form: QuestionForm = {
      meetingId: question.meetingId,
      questionId: question.id,
      version: Number(field(body, 'version')),
      text: field(body, 'text').trim(),
      itemId: question.itemId ?? '',
      errors: NO_ERRORS,
    };
    if (!form.text)
      return renderForm(request, reply, { ...form, errors: formErrors([['text', 'Enter your question']]) });
    try {
      await questionsService.updateQuestion(request.ctx(), question.id, form.version ?? -1, {
        text: form.text,
      });
    } catch (err) {
      return renderForm(request, reply, { ...form, errors: refusal(err) });
    }
    return reply.redirect('/staff/questions?notice=saved', 303);
  });

  app.post('/questions/:id/withdraw', { schema: { params: idParams } }, async (request, reply) => {
    const question = await ownQuestion(request, request.params.id);
    try {
      await questionsService.deleteQuestion(request.ctx(), question.id);
    } catch (err) {
      const errors = refusal(err);
      return renderForm(request, reply, {
        meetingId: question.meetingId,
        questionId: question.id,
        version: question.version,
        text: question.text,
        itemId: question.itemId ?? '',
        errors,
      });
    }
    return reply.redirect('/staff/questions?notice=withdrawn', 303);
  });
};
