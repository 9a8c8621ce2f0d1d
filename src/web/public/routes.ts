/**
 * The public website: no sign-in, server-rendered, works without JavaScript. Boards → meetings →
 * a meeting (agenda, papers, notes and their versions, actions, decisions) → the action tracker →
 * search, plus the register of decisions, open data and the accessibility statement.
 *
 * It runs inside the web plugin's scope (src/web/plugin.ts, option `publicRoutes`) for its page
 * engine (`reply.page`), with its own layout (templates/web/public/layout.hbs) and stylesheet
 * (assets/css/site.css, after the base.css it shares with the staff pages), and its own error
 * pages. What it shows comes only from the public read model, and never depends on who is asking:
 * a signed-in officer sees exactly what the public sees.
 */
import { createHash } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { text } from '../../http/common-schemas.ts';
import { publicCostlyRateLimit } from '../../http/rate-limits.ts';
import * as decisions from '../../modules/decisions/service.ts';
import * as notes from '../../modules/publication/service.ts';
import { paths } from '../../public/paths.ts';
import { registerPublicCaching } from '../../public/routes/caching.ts';
import { pageParam } from '../../public/schemas.ts';
import { searchPublished } from '../../public/search.ts';
import type { PageMeta } from '../page.ts';
import type { Crumb, NavItem } from '../views.ts';
import * as actionPages from './action-pages.ts';
import * as decisionPages from './decision-pages.ts';
import * as pages from './pages.ts';
import * as searchPage from './search-page.ts';

const SERVICE_NAME = 'Police and Crime Commissioner: public meetings';
/** The public layout's stylesheets (src/web/assets/css), in the order it links them. */
const STYLESHEETS = ['css/base.css', 'css/site.css'];

type Section = 'boards' | 'decisions' | 'search' | 'open-data' | null;

function nav(current: Section): NavItem[] {
  return [
    { href: '/', text: 'Boards and meetings', current: current === 'boards' },
    { href: '/decisions', text: 'Decisions', current: current === 'decisions' },
    { href: '/search', text: 'Search', current: current === 'search' },
    { href: '/open-data', text: 'Open data', current: current === 'open-data' },
  ];
}

function meta(title: string, section: Section, breadcrumbs: Crumb[] = [], status = 200): PageMeta {
  return {
    title,
    status,
    nav: nav(section),
    breadcrumbs,
    layout: 'public/layout',
    serviceName: SERVICE_NAME,
    serviceHref: '/',
    cacheControl: status === 200 ? 'public, max-age=60, must-revalidate' : 'no-store',
  };
}

const home: Crumb = { href: '/', text: 'Boards and meetings' };
const boardCrumb = (id: string, name: string): Crumb => ({ href: paths.board(id), text: name });

function errorPage(reply: FastifyReply, status: number, heading: string, message: string) {
  return reply.page('public/error', { heading, message }, meta(heading, null, [], status));
}

const NOT_FOUND = {
  heading: 'Page not found',
  message:
    'If you typed the web address, check it is correct. If you followed a link, the page may have moved.',
};

/** The public 404 page, also for addresses no route matches (the app's not-found handler, via plugin.ts). */
export function publicNotFoundPage(): [string, Record<string, unknown>, PageMeta] {
  return ['public/error', NOT_FOUND, { ...meta(NOT_FOUND.heading, null, [], 404), csrf: false }];
}

/** Errors are pages too, and say nothing about what was asked for. */
function registerPublicErrors(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
    const badParams = hasZodFastifySchemaValidationErrors(error) && error.validationContext === 'params';
    if (status === 404 || badParams) {
      return errorPage(reply, 404, NOT_FOUND.heading, NOT_FOUND.message);
    }
    if (status === 429) {
      if (error instanceof AppError && 'retryAfterSeconds' in error) {
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return errorPage(reply, 429, 'Too many requests', 'Wait a minute, then try again.');
    }
    if (status >= 400 && status < 500) {
      return errorPage(
        reply,
        400,
        'There is a problem with the address',
        'Check the web address and try again.',
      );
    }
    request.log.error({ err: error }, 'public page failed');
    return errorPage(reply, 500, 'Sorry, there is a problem with the service', 'Try again later.');
  });
}

const versionParams = z.object({ id: z.uuid(), version: z.coerce.number().int().min(1).max(100_000) });
const idParams = z.object({ id: z.uuid() });
const changesQuery = z.object({
  from: z.coerce.number().int().min(1).max(100_000),
  to: z.coerce.number().int().min(1).max(100_000),
});
// A filter the site cannot read falls back to none; a page it cannot read is 400, as in the open
// data (one schema): a wrong page would otherwise show another list than the one linked.
const boardQuery = z.object({ page: pageParam, upcomingPage: pageParam });
const trackerQuery = z.object({
  status: z.enum(['all', 'open', 'overdue', 'closed']).catch('all').default('all'),
  owner: z.uuid().optional().catch(undefined),
  page: pageParam,
});
const searchQuery = z.object({ q: text(200).catch('').default('') });
const decisionsQuery = z.object({ board: z.uuid().optional().catch(undefined), page: pageParam });

/** Hidden from the OpenAPI document: these are pages, not the API. */
const page = { hide: true };

export const publicSiteRoutes: FastifyPluginAsyncZod = async (app) => {
  registerPublicErrors(app);
  registerPublicCaching(app);
  // These pages are the same for everyone and have no forms that post, so they need no cookie; the
  // page engine mints a CSRF secret on every page, which would make a shared cache store a cookie
  // (runs after the cookie plugin's own onSend, registered in the parent scope).
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.removeHeader('set-cookie');
    return payload;
  });

  // The stylesheet's address before it moved to /assets/ with a hashed URL, still asked for by pages
  // cached then and by anything that linked it: the layout's own sheets, imported.
  const legacyCss = `${STYLESHEETS.map((name) => `@import url("${app.webAssets.url(name)}");`).join('\n')}\n`;
  const legacyEtag = `"${createHash('sha256').update(legacyCss).digest('hex').slice(0, 16)}"`;
  app.get('/public-assets/site.css', { schema: page }, async (request, reply) => {
    reply.header('etag', legacyEtag).header('cache-control', 'public, max-age=3600');
    if (request.headers['if-none-match'] === legacyEtag) return reply.code(304).send();
    return reply.type('text/css; charset=utf-8').send(legacyCss);
  });

  app.get('/', { schema: page }, async (request, reply) =>
    reply.page('public/home', await pages.homePage(request.ctx().db), meta('Boards and meetings', 'boards')),
  );

  app.get(
    '/boards/:id',
    { schema: { ...page, params: idParams, querystring: boardQuery } },
    async (request, reply) => {
      const view = await pages.boardPage(request.ctx().db, request.params.id, request.query);
      return reply.page('public/board', view, meta(view.board.name, 'boards', [home]));
    },
  );

  app.get(
    '/boards/:id/actions',
    { schema: { ...page, params: idParams, querystring: trackerQuery } },
    async (request, reply) => {
      const view = await actionPages.trackerPage(
        request.ctx().db,
        request.params.id,
        request.query.status,
        request.query.owner,
        request.query.page,
      );
      return reply.page(
        'public/actions',
        view,
        meta(`Action tracker: ${view.board.name}`, 'boards', [
          home,
          boardCrumb(view.board.id, view.board.name),
        ]),
      );
    },
  );

  app.get('/meetings/:id', { schema: { ...page, params: idParams } }, async (request, reply) => {
    const view = await pages.meetingPage(request.ctx().db, request.params.id);
    return reply.page(
      'public/meeting',
      view,
      meta(`${view.meeting.boardName}: ${view.meeting.dateText}`, 'boards', [
        home,
        boardCrumb(view.boardId, view.boardName),
      ]),
    );
  });

  const notesPage = async (
    reply: FastifyReply,
    db: Parameters<typeof pages.notesPage>[0],
    id: string,
    n: number | null,
  ) => {
    const view = await pages.notesPage(db, id, n);
    return reply.page(
      'public/notes',
      view,
      meta(`Notes of the meeting: ${view.boardName}, ${view.dateText}`, 'boards', [
        home,
        boardCrumb(view.boardId, view.boardName),
        { href: view.meetingHref, text: view.dateText },
      ]),
    );
  };
  app.get('/meetings/:id/notes', { schema: { ...page, params: idParams } }, async (request, reply) =>
    notesPage(reply, request.ctx().db, request.params.id, null),
  );
  app.get(
    '/meetings/:id/notes/versions/:version',
    { schema: { ...page, params: versionParams } },
    async (request, reply) => notesPage(reply, request.ctx().db, request.params.id, request.params.version),
  );
  app.get(
    '/meetings/:id/notes/changes',
    {
      config: { rateLimit: publicCostlyRateLimit },
      schema: { ...page, params: idParams, querystring: changesQuery },
    },
    async (request, reply) => {
      const { db } = request.ctx();
      const { id } = request.params;
      const { from, to } = request.query;
      const diff = await notes.notesDiff(db, id, from, to);
      const view = await pages.notesPage(db, id, to);
      return reply.page(
        'public/changes',
        {
          ...diff,
          caption: `Notes of the meeting: ${view.boardName}, ${view.dateText}`,
          fromHref: paths.notesVersion(id, from),
          toHref: paths.notesVersion(id, to),
          backHref: view.meetingHref,
          backText: 'Back to the meeting',
        },
        meta(`What changed in the notes, version ${from} to ${to}`, 'boards', [
          home,
          boardCrumb(view.boardId, view.boardName),
          { href: view.meetingHref, text: view.dateText },
        ]),
      );
    },
  );

  app.get('/actions/:id', { schema: { ...page, params: idParams } }, async (request, reply) => {
    const view = await actionPages.actionPage(request.ctx().db, request.params.id);
    return reply.page(
      'public/action',
      view,
      meta(`Action ${view.action.reference}`, 'boards', [
        home,
        boardCrumb(view.boardId, view.boardName),
        { href: view.trackerHref, text: 'Action tracker' },
      ]),
    );
  });

  app.get('/decisions', { schema: { ...page, querystring: decisionsQuery } }, async (request, reply) =>
    reply.page(
      'public/decisions',
      await decisionPages.decisionsPage(request.ctx().db, request.query.board, request.query.page),
      meta('Register of decisions', 'decisions'),
    ),
  );
  const decisionsCrumb: Crumb = { href: '/decisions', text: 'Register of decisions' };
  const decisionPage = async (
    reply: FastifyReply,
    db: Parameters<typeof decisionPages.decisionPage>[0],
    id: string,
    n: number | null,
  ) => {
    const view = await decisionPages.decisionPage(db, id, n);
    return reply.page(
      'public/decision',
      view,
      meta(`Decision ${view.d.reference}: ${view.d.title}`, 'decisions', [decisionsCrumb]),
    );
  };
  app.get('/decisions/:id', { schema: { ...page, params: idParams } }, async (request, reply) =>
    decisionPage(reply, request.ctx().db, request.params.id, null),
  );
  app.get(
    '/decisions/:id/versions/:version',
    { schema: { ...page, params: versionParams } },
    async (request, reply) =>
      decisionPage(reply, request.ctx().db, request.params.id, request.params.version),
  );
  app.get(
    '/decisions/:id/changes',
    {
      config: { rateLimit: publicCostlyRateLimit },
      schema: { ...page, params: idParams, querystring: changesQuery },
    },
    async (request, reply) => {
      const { db } = request.ctx();
      const { id } = request.params;
      const { from, to } = request.query;
      const diff = await decisions.decisionDiff(db, id, from, to);
      const view = await decisionPages.decisionPage(db, id, to);
      return reply.page(
        'public/changes',
        {
          ...diff,
          caption: `Decision ${view.d.reference}`,
          fromHref: paths.decisionVersion(id, from),
          toHref: paths.decisionVersion(id, to),
          backHref: paths.decision(id),
          backText: 'Back to the decision',
        },
        meta(`What changed in decision ${view.d.reference}, version ${from} to ${to}`, 'decisions', [
          decisionsCrumb,
          { href: paths.decision(id), text: view.d.reference },
        ]),
      );
    },
  );

  app.get(
    '/search',
    {
      config: { rateLimit: publicCostlyRateLimit },
      schema: { ...page, querystring: searchQuery },
    },
    async (request, reply) => {
      const q = request.query.q;
      const hits = q ? await searchPublished(request.ctx().db, q) : [];
      const count = hits.length;
      return reply.page(
        'public/search',
        {
          query: q,
          searched: q !== '',
          resultsHeading: `${count} ${count === 1 ? 'result' : 'results'}`,
          results: searchPage.searchResults(hits),
        },
        meta(q ? `Search: ${q}` : 'Search', 'search'),
      );
    },
  );

  app.get('/accessibility', { schema: page }, async (_request, reply) =>
    reply.page('public/accessibility', {}, meta('Accessibility statement', null)),
  );
  app.get('/open-data', { schema: page }, async (_request, reply) =>
    reply.page('public/open-data', {}, meta('Open data and feeds', 'open-data')),
  );
};
