/**
 * The secretariat's decisions (issue 15): a board's register with its drafts, a decision drafted,
 * edited, published (after a confirmation) and corrected with a reason, all through the decisions
 * service the API uses, so its rules (a linked item must be public, a published decision is only
 * corrected) hold here too; its refusals come back as an error summary keeping what was typed.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { canAdministerBoard } from '../../access/index.ts';
import { AppError, PreconditionFailed } from '../../core/errors.ts';
import * as boardsService from '../../modules/boards/service.ts';
import { decisionBody, decisionCorrectionBody, decisionPatch } from '../../modules/decisions/schemas.ts';
import * as decisionsService from '../../modules/decisions/service.ts';
import {
  type FormBody,
  type FormErrors,
  field,
  formBody,
  formErrors,
  formVersion,
  NO_ERRORS,
  serviceFormErrors,
  zodFormErrors,
} from '../forms.ts';
import { requireBoardAdmin, signedIn } from './access.ts';
import {
  type DecisionForm,
  decisionRow,
  decisionView,
  EMPTY_FORM,
  FORM_MESSAGES,
  formOf,
  linkChoices,
} from './decision-page.ts';
import { staffMeta } from './nav.ts';

const params = z.object({ id: z.uuid() });
const noticeQuery = z.object({ notice: z.string().max(40).optional() });
const PREFIX = 'decision-';

const NOTICES: Record<string, string> = {
  created: 'The decision has been saved as a draft.',
  saved: 'Your changes to the draft have been saved.',
  published: 'The decision has been published in the register.',
  corrected: 'The correction has been published as a new version.',
};

const STALE =
  'Someone else changed this draft after you opened it. Your changes are below, not yet saved: check them and save again to replace theirs.';

function typed(body: FormBody): DecisionForm {
  return {
    title: field(body, 'title').trim(),
    decisionDate: field(body, 'decisionDate').trim(),
    decisionMaker: field(body, 'decisionMaker').trim(),
    summary: field(body, 'summary').trim(),
    meetingId: field(body, 'meetingId'),
    itemId: field(body, 'itemId'),
    reason: field(body, 'reason').trim(),
  };
}

/** The form's fields as the service takes them; an unset link is null. */
function values(form: DecisionForm) {
  return {
    title: form.title,
    decisionDate: form.decisionDate,
    decisionMaker: form.decisionMaker,
    summary: form.summary,
    meetingId: form.meetingId || null,
    itemId: form.itemId || null,
  };
}

function statusOf(err: unknown): number {
  return err instanceof AppError ? err.status : 400;
}

/** The decision and its board, for the board's secretariat (or an admin) only. */
async function loadDecision(request: FastifyRequest, id: string) {
  const ctx = request.ctx();
  const d = await decisionsService.getDecision(ctx, id);
  requireBoardAdmin(request, d.boardId);
  return { d, board: await boardsService.getBoard(ctx, d.boardId) };
}

async function renderDecision(
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
  typedForm?: DecisionForm,
  errors: FormErrors = NO_ERRORS,
  status = 200,
  notice: string | null = null,
) {
  const { d, board } = await loadDecision(request, id);
  const view = await decisionView(request, board, d, typedForm ?? formOf(d), errors);
  const title = `${d.reference ? `Decision ${d.reference}` : 'Draft decision'}: ${d.title}`;
  return reply.page(
    'staff/decision',
    { ...view, notice },
    {
      ...staffMeta(request, 'decisions', { title: errors.list.length ? `Error: ${title}` : title }),
      breadcrumbs: [
        { href: '/staff', text: 'Boards and meetings' },
        { href: `/staff/boards/${board.id}`, text: board.name },
        { href: `/staff/boards/${board.id}/decisions`, text: 'Decisions' },
      ],
      status,
    },
  );
}

async function renderNew(
  request: FastifyRequest,
  reply: FastifyReply,
  boardId: string,
  form: DecisionForm,
  errors: FormErrors = NO_ERRORS,
  status = 200,
) {
  requireBoardAdmin(request, boardId);
  const board = await boardsService.getBoard(request.ctx(), boardId);
  const title = 'Record a decision';
  return reply.page(
    'staff/decision-new',
    {
      board: { id: board.id, name: board.name },
      form,
      errors,
      choices: await linkChoices(request, boardId, form),
      action: `/staff/boards/${board.id}/decisions`,
    },
    {
      ...staffMeta(request, 'decisions', { title: errors.list.length ? `Error: ${title}` : title }),
      breadcrumbs: [
        { href: '/staff', text: 'Boards and meetings' },
        { href: `/staff/boards/${board.id}`, text: board.name },
        { href: `/staff/boards/${board.id}/decisions`, text: 'Decisions' },
      ],
      status,
    },
  );
}

export const decisionRoutes: FastifyPluginAsyncZod = async (app) => {
  // The nav's entry: the boards this user keeps the register of.
  app.get('/decisions', async (request, reply) => {
    const actor = signedIn(request);
    const boards = (await boardsService.listBoards(request.ctx())).filter((b) =>
      canAdministerBoard(actor, b.id),
    );
    if (boards.length === 1) return reply.redirect(`/staff/boards/${boards[0]!.id}/decisions`, 303);
    return reply.page(
      'staff/decision-boards',
      { boards: boards.map((b) => ({ name: b.name, href: `/staff/boards/${b.id}/decisions` })) },
      staffMeta(request, 'decisions', { title: 'Decisions' }),
    );
  });

  app.get('/boards/:id/decisions', { schema: { params } }, async (request, reply) => {
    const boardId = request.params.id;
    requireBoardAdmin(request, boardId);
    const ctx = request.ctx();
    const [board, list] = await Promise.all([
      boardsService.getBoard(ctx, boardId),
      decisionsService.listDecisions(ctx, { boardId }),
    ]);
    const rows = list.map(decisionRow);
    return reply.page(
      'staff/decisions',
      {
        board: { id: board.id, name: board.name, code: board.code },
        drafts: rows.filter((r) => r.draft),
        published: rows.filter((r) => !r.draft),
        newHref: `/staff/boards/${board.id}/decisions/new`,
        publicHref: `/decisions?board=${board.id}`,
      },
      {
        ...staffMeta(request, 'decisions', { title: `Decisions: ${board.name}` }),
        breadcrumbs: [
          { href: '/staff', text: 'Boards and meetings' },
          { href: `/staff/boards/${board.id}`, text: board.name },
        ],
      },
    );
  });

  app.get('/boards/:id/decisions/new', { schema: { params } }, async (request, reply) =>
    renderNew(request, reply, request.params.id, EMPTY_FORM),
  );

  app.post('/boards/:id/decisions', { schema: { params } }, async (request, reply) => {
    const boardId = request.params.id;
    requireBoardAdmin(request, boardId);
    const form = typed(formBody(request));
    const parsed = decisionBody.safeParse({ boardId, ...values(form) });
    if (!parsed.success) {
      const errors = zodFormErrors(parsed.error, FORM_MESSAGES, PREFIX);
      return renderNew(request, reply, boardId, form, errors, 400);
    }
    try {
      const d = await decisionsService.createDecision(request.ctx(), parsed.data);
      return reply.redirect(`/staff/decisions/${d.id}?notice=created`, 303);
    } catch (err) {
      const errors = serviceFormErrors(err, 'title', PREFIX);
      if (!errors) throw err;
      return renderNew(request, reply, boardId, form, errors, statusOf(err));
    }
  });

  app.get('/decisions/:id', { schema: { params, querystring: noticeQuery } }, async (request, reply) =>
    renderDecision(
      request,
      reply,
      request.params.id,
      undefined,
      NO_ERRORS,
      200,
      NOTICES[request.query.notice ?? ''] ?? null,
    ),
  );

  // A draft's changes (the version it was opened at guards against overwriting someone else's).
  app.post('/decisions/:id', { schema: { params } }, async (request, reply) => {
    const { id } = request.params;
    await loadDecision(request, id);
    const body = formBody(request);
    const form = typed(body);
    const parsed = decisionPatch.safeParse(values(form));
    if (!parsed.success) {
      const errors = zodFormErrors(parsed.error, FORM_MESSAGES, PREFIX);
      return renderDecision(request, reply, id, form, errors, 400);
    }
    try {
      await decisionsService.updateDecision(request.ctx(), id, () => formVersion(body), parsed.data);
      return reply.redirect(`/staff/decisions/${id}?notice=saved`, 303);
    } catch (err) {
      // Someone saved first: the page shows their version's number, so saving again replaces theirs on purpose.
      const errors =
        err instanceof PreconditionFailed
          ? formErrors([['title', STALE]], PREFIX)
          : serviceFormErrors(err, 'title', PREFIX);
      if (!errors) throw err;
      return renderDecision(request, reply, id, form, errors, statusOf(err));
    }
  });

  app.get('/decisions/:id/publish', { schema: { params } }, async (request, reply) => {
    const { d } = await loadDecision(request, request.params.id);
    if (d.status === 'published') return reply.redirect(`/staff/decisions/${d.id}`, 303);
    return reply.page(
      'staff/confirm-publish-decision',
      {
        d: decisionRow(d),
        action: `/staff/decisions/${d.id}/publish`,
        cancel: `/staff/decisions/${d.id}`,
      },
      staffMeta(request, 'decisions', { title: `Publish “${d.title}”?` }),
    );
  });

  app.post(
    '/decisions/:id/publish',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { params } },
    async (request, reply) => {
      const { id } = request.params;
      await loadDecision(request, id);
      try {
        await decisionsService.publishDecision(request.ctx(), { pool: app.documents.pool }, id);
        return reply.redirect(`/staff/decisions/${id}?notice=published`, 303);
      } catch (err) {
        const errors = serviceFormErrors(err, 'publish', PREFIX);
        if (!errors) throw err;
        return renderDecision(request, reply, id, undefined, errors, statusOf(err));
      }
    },
  );

  app.post(
    '/decisions/:id/corrections',
    { config: { rateLimit: { max: 30, timeWindow: '1 minute' } }, schema: { params } },
    async (request, reply) => {
      const { id } = request.params;
      await loadDecision(request, id);
      const form = typed(formBody(request));
      const parsed = decisionCorrectionBody.safeParse({ ...values(form), reason: form.reason });
      if (!parsed.success) {
        const errors = zodFormErrors(parsed.error, FORM_MESSAGES, PREFIX);
        return renderDecision(request, reply, id, form, errors, 400);
      }
      try {
        await decisionsService.correctDecision(request.ctx(), { pool: app.documents.pool }, id, parsed.data);
        return reply.redirect(`/staff/decisions/${id}?notice=corrected`, 303);
      } catch (err) {
        const errors = serviceFormErrors(err, 'reason', PREFIX);
        if (!errors) throw err;
        return renderDecision(request, reply, id, form, errors, statusOf(err));
      }
    },
  );
};
