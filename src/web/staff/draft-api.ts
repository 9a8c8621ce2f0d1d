/**
 * The drafting screen's JSON endpoints (/staff/api/...), for its scripts: the same services as the
 * API, reached with the session cookie and a CSRF header instead of a bearer token. Long-text
 * updates and deleting a question need If-Match (428/412 as in the API); creates take an
 * Idempotency-Key so a retry after a dropped connection never records a question or action twice.
 * Errors are problem+json.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFound } from '../../core/errors.ts';
import { requiredText } from '../../http/common-schemas.ts';
import { requireIfMatch, setEtag } from '../../http/etag.ts';
import { idempotent } from '../../http/idempotency.ts';
import * as actionsService from '../../modules/actions/service.ts';
import { getItemForRead, requireItemOfMeeting } from '../../modules/agenda/item-access.ts';
import * as agendaService from '../../modules/agenda/service.ts';
import * as attendanceService from '../../modules/meetings/attendance-service.ts';
import * as meetingsService from '../../modules/meetings/service.ts';
import * as questionsService from '../../modules/questions/service.ts';
import { csrfToken } from '../csrf.ts';
import { requireBoardAdmin, secretariatOnly, signedIn } from './access.ts';
import { loadDraft, sourceForItem, toDraftAction, toDraftQuestion } from './draft-model.ts';
import { answerLinesToBullets, draftTextToHtml, htmlToDraftText } from './draft-text.ts';
import * as presence from './presence.ts';

const meetingParams = z.object({ meetingId: z.uuid() });
const itemParams = meetingParams.extend({ itemId: z.uuid() });
const questionParams = meetingParams.extend({ questionId: z.uuid() });
const entryParams = meetingParams.extend({ entryId: z.uuid() });

const draftAction = z.object({
  id: z.uuid(),
  reference: z.string(),
  text: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  dueText: z.string(),
  questionId: z.uuid().nullable(),
});
const draftQuestion = z.object({
  id: z.uuid(),
  version: z.number().int(),
  number: z.number().int().nullable(),
  source: z.string(),
  askedByPersonId: z.uuid().nullable(),
  askedByPrinted: z.string(),
  text: z.string(),
  answer: z.string(),
  actions: z.array(draftAction),
});
const draftItem = z.object({ id: z.uuid(), version: z.number().int(), text: z.string() });
const draftState = z.object({
  item: draftItem,
  questions: z.array(draftQuestion),
  actions: z.array(draftAction),
});

/** The answer box's text: bounded like the API's answerBullets (100 points of 4000 characters). */
const answerText = z.string().max(100 * 4000);

const questionCreate = z.strictObject({
  askedByPersonId: z.uuid().nullable().optional(),
  text: requiredText(4000),
  answer: answerText.default(''),
});
const questionPatch = z.strictObject({
  askedByPersonId: z.uuid().nullable().optional(),
  text: requiredText(4000).optional(),
  answer: answerText.optional(),
});
const actionCreate = z.strictObject({
  text: requiredText(4000),
  ownerOrganisationId: z.uuid(),
  dueDate: z.iso.date().nullable().optional(),
  questionId: z.uuid().nullable().optional(),
});

function bullets(answer: string | undefined): string[] | undefined {
  if (answer === undefined) return undefined;
  return answerLinesToBullets(answer).map((b) => b.slice(0, 4000));
}

const presenceReply = z.object({
  others: z.array(z.object({ name: z.string(), itemTitle: z.string() })),
  /** As the page prints it: "Also editing: …", or '' when no one else is. */
  text: z.string(),
});

export const draftApiRoutes: FastifyPluginAsyncZod = async (app) => {
  app.addHook('preHandler', secretariatOnly);

  // The drafting screen's heartbeat: this tab is still open on this item; who else is on the meeting?
  app.post(
    '/meetings/:meetingId/presence',
    {
      schema: {
        params: meetingParams,
        body: z.strictObject({ tab: z.uuid(), itemId: z.uuid() }),
        response: { 200: presenceReply },
      },
    },
    async (request, reply) => {
      const { meetingId } = request.params;
      const item = await getItemForRead(request.ctx(), request.body.itemId);
      if (item.meeting_id !== meetingId) throw new NotFound('agenda item');
      const { userId } = requireBoardAdmin(request, item.board_id);
      const { db } = request.ctx();
      const { tab, itemId } = request.body;
      await presence.seen(db, { tab, userId, meetingId, itemId }, presence.HEARTBEAT_TTL_MS);
      const others = await presence.others(db, meetingId, userId);
      reply.header('cache-control', 'no-store');
      return {
        others: others.map(({ name, itemTitle }) => ({ name, itemTitle })),
        text: presence.presenceText(others),
      };
    },
  );

  app.delete(
    '/meetings/:meetingId/presence/:tab',
    { schema: { params: meetingParams.extend({ tab: z.uuid() }) } },
    async (request, reply) => {
      const { meetingId, tab } = request.params;
      await presence.left(request.ctx().db, meetingId, tab, signedIn(request).userId);
      return reply.code(204).send();
    },
  );

  // The token for the current session, when a script's token went stale (the session was renewed).
  app.get(
    '/csrf',
    { schema: { response: { 200: z.object({ csrfToken: z.string() }) } } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { csrfToken: csrfToken(request, reply) };
    },
  );

  app.get(
    '/meetings/:meetingId/items/:itemId/draft',
    { schema: { params: itemParams, response: { 200: draftState } } },
    async (request) => (await loadDraft(request, request.params.meetingId, request.params.itemId)).state,
  );

  app.patch(
    '/meetings/:meetingId/items/:itemId',
    {
      schema: {
        params: itemParams,
        body: z.strictObject({ text: z.string().max(200_000) }),
        response: { 200: draftItem },
      },
    },
    async (request, reply) => {
      const { meetingId, itemId } = request.params;
      const item = await agendaService.updateItem(
        request.ctx(),
        itemId,
        () => requireIfMatch(request, itemId),
        { bodyHtml: draftTextToHtml(request.body.text) },
        meetingId,
      );
      setEtag(reply, item.id, item.version);
      return { id: item.id, version: item.version, text: htmlToDraftText(item.bodyHtml) };
    },
  );

  app.post(
    '/meetings/:meetingId/items/:itemId/questions',
    { schema: { params: itemParams, body: questionCreate, response: { 201: draftQuestion } } },
    async (request, reply) => {
      const { meetingId, itemId } = request.params;
      const item = await agendaService.getItem(request.ctx(), itemId);
      if (item.meetingId !== meetingId) throw new NotFound('agenda item');
      const question = await idempotent(request, reply, 201, () =>
        questionsService.createQuestion(request.ctx(), meetingId, {
          source: sourceForItem(item),
          itemId,
          text: request.body.text,
          askedByPersonId: request.body.askedByPersonId ?? null,
          answerBullets: bullets(request.body.answer) ?? [],
        }),
      );
      setEtag(reply, question.id, question.version);
      return toDraftQuestion(question, []);
    },
  );

  app.patch(
    '/meetings/:meetingId/questions/:questionId',
    { schema: { params: questionParams, body: questionPatch, response: { 200: draftQuestion } } },
    async (request, reply) => {
      const { meetingId, questionId } = request.params;
      const version = requireIfMatch(request, questionId);
      const { askedByPersonId, text: questionText, answer } = request.body;
      const question = await questionsService.updateQuestion(
        request.ctx(),
        questionId,
        version,
        {
          ...(askedByPersonId !== undefined ? { askedByPersonId } : {}),
          ...(questionText !== undefined ? { text: questionText } : {}),
          ...(answer !== undefined ? { answerBullets: bullets(answer) } : {}),
        },
        meetingId,
      );
      setEtag(reply, question.id, question.version);
      return toDraftQuestion(question, []);
    },
  );

  app.delete(
    '/meetings/:meetingId/questions/:questionId',
    { schema: { params: questionParams } },
    async (request, reply) => {
      const { meetingId, questionId } = request.params;
      // Only the version the script read (428 without If-Match, 412 when it changed since).
      await questionsService.deleteQuestion(
        request.ctx(),
        questionId,
        () => requireIfMatch(request, questionId),
        meetingId,
      );
      return reply.code(204).send();
    },
  );

  app.post(
    '/meetings/:meetingId/items/:itemId/actions',
    { schema: { params: itemParams, body: actionCreate, response: { 201: draftAction } } },
    async (request, reply) => {
      const { meetingId, itemId } = request.params;
      const { questionId, ...rest } = request.body;
      // The item is the URL's, not a body reference: another meeting's is 404 (the service would say 400).
      await requireItemOfMeeting(request.ctx().db, meetingId, itemId);
      const action = await idempotent(request, reply, 201, () =>
        actionsService.createAction(request.ctx(), meetingId, {
          ...rest,
          ...(questionId ? { questionId } : { itemId }),
        }),
      );
      return toDraftAction(action);
    },
  );

  app.put(
    '/meetings/:meetingId/attendance/:entryId',
    {
      schema: {
        params: entryParams,
        body: z.strictObject({ status: z.enum(['present', 'apologies', 'absent']) }),
        response: { 200: z.object({ id: z.uuid(), status: z.string() }) },
      },
    },
    async (request) => {
      const { meetingId, entryId } = request.params;
      const ctx = request.ctx();
      const meeting = await meetingsService.getMeeting(ctx, meetingId);
      // The pair first: another meeting's entry is 404 whoever asks, not 403 for this meeting.
      const entry = Object.values(meeting.attendance)
        .flat()
        .find((e) => e.id === entryId);
      if (!entry) throw new NotFound('attendance entry');
      requireBoardAdmin(request, meeting.boardId);
      // Keep the printed role and organisation: replacing without them would reset them to the directory's.
      const saved = await attendanceService.replaceAttendance(ctx, entryId, {
        status: request.body.status,
        role: entry.role,
        organisation: entry.organisation,
        forItemId: null,
      });
      return { id: saved.id, status: saved.status };
    },
  );
};
