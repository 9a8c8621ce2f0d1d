import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { idParams, problems } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import {
  meetingIdParams,
  questionCreateBody,
  questionOrderBody,
  questionPatchBody,
  questionSchema,
  questionSubmitBody,
} from './schemas.ts';
import * as service from './service.ts';

const tags = ['questions'];
const list = z.object({ items: z.array(questionSchema) });

export const questionsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/meetings/:id/questions',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'Questions of a meeting that you may see (those under items hidden from you are left out)',
        params: meetingIdParams,
        response: { 200: list, ...problems(400, 401, 404) },
      },
    },
    async (request) => ({ items: await service.listQuestions(request.ctx(), request.params.id) }),
  );

  app.post(
    '/meetings/:id/questions',
    {
      schema: {
        tags,
        summary: 'Record a question (board secretariat, admin)',
        params: meetingIdParams,
        body: questionCreateBody,
        response: { 201: questionSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const question = await idempotent(request, reply, 201, () =>
        service.createQuestion(request.ctx(), request.params.id, request.body),
      );
      setEtag(reply, question.id, question.version);
      return question;
    },
  );

  app.post(
    '/meetings/:id/questions/submit',
    {
      schema: {
        tags,
        summary: 'Submit a question before the meeting’s question deadline (members; 409 after the deadline)',
        params: meetingIdParams,
        body: questionSubmitBody,
        response: { 201: questionSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const question = await idempotent(request, reply, 201, () =>
        service.submitQuestion(request.ctx(), request.params.id, request.body),
      );
      setEtag(reply, question.id, question.version);
      return question;
    },
  );

  app.put(
    '/meetings/:id/questions/order',
    {
      schema: {
        tags,
        summary:
          'Set the order of a meeting’s questions; pre-submitted ones are renumbered 1..n (secretariat)',
        params: meetingIdParams,
        body: questionOrderBody,
        response: { 200: list, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => ({
      items: await service.reorderQuestions(request.ctx(), request.params.id, request.body.questionIds),
    }),
  );

  app.get(
    '/questions/:id',
    {
      config: { readCache: true },
      schema: {
        tags,
        summary: 'One question',
        params: idParams,
        response: { 200: questionSchema, ...problems(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const question = await service.getQuestion(request.ctx(), request.params.id);
      setEtag(reply, question.id, question.version);
      return question;
    },
  );

  app.patch(
    '/questions/:id',
    {
      schema: {
        tags,
        summary:
          'Change a question (secretariat: anything; members: the text of their own, until the deadline). Needs If-Match.',
        params: idParams,
        body: questionPatchBody,
        response: { 200: questionSchema, ...problems(400, 401, 403, 404, 409, 412, 428) },
      },
    },
    async (request, reply) => {
      const version = requireIfMatch(request, request.params.id);
      const question = await service.updateQuestion(request.ctx(), request.params.id, version, request.body);
      setEtag(reply, question.id, question.version);
      return question;
    },
  );

  app.delete(
    '/questions/:id',
    {
      schema: {
        tags,
        summary:
          'Delete a question (secretariat; members their own until the deadline). With If-Match, 412 when it changed since.',
        params: idParams,
        response: { 204: z.null(), ...problems(400, 401, 403, 404, 409, 412) },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      await service.deleteQuestion(request.ctx(), id, () =>
        request.headers['if-match'] === undefined ? undefined : requireIfMatch(request, id),
      );
      return reply.code(204).send(null);
    },
  );
};
