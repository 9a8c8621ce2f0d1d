/**
 * Errors on web pages become pages: a signed-out visitor is sent to sign in, 403 and 404 say only
 * that (no data of the thing asked for), and anything unexpected is logged and apologised for. The
 * scripts' JSON endpoints under /staff/api keep the API's problem+json (the parent handler).
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError } from '../core/errors.ts';
import { databaseClientError } from '../http/error-handler.ts';

export const STAFF_API_PREFIX = '/staff/api/';

interface ErrorPage {
  status: number;
  heading: string;
  message: string;
}

export function isScriptRequest(request: FastifyRequest): boolean {
  return request.url.startsWith(STAFF_API_PREFIX);
}

/** Only local paths: an attacker's ?next=https://elsewhere or //elsewhere is ignored. */
export function safeNext(value: unknown, fallback = '/staff'): string {
  if (typeof value !== 'string' || !/^\/(?![/\\])[\x21-\x7e]*$/.test(value) || value.length > 500) {
    return fallback;
  }
  return value;
}

export function loginRedirect(request: FastifyRequest): string {
  const next = request.method === 'GET' ? request.url : '/staff';
  const why = request.sessionEnded ? `&notice=${request.sessionEnded}` : '';
  return `/login?next=${encodeURIComponent(safeNext(next))}${why}`;
}

function describe(error: FastifyError): ErrorPage {
  if (hasZodFastifySchemaValidationErrors(error) && error.validationContext === 'params') {
    return notFound();
  }
  // A value the database refused (a malformed id, a duplicate) is the request's fault, as in the API.
  const database = databaseClientError(error);
  if (database) return { status: database[0], heading: 'There is a problem', message: database[2] };
  const status = error instanceof AppError ? error.status : (error.statusCode ?? 500);
  if (error.code === 'FST_CSRF_INVALID_TOKEN' || error.code === 'FST_CSRF_MISSING_SECRET') {
    return {
      status: 403,
      heading: 'This form has expired',
      message:
        'Your session changed or the page was open for too long. Go back, reload the page and try again.',
    };
  }
  if (status === 403) {
    return {
      status,
      heading: 'You do not have access to this page',
      message: 'Your account cannot see or change this. If you think it should, ask the board’s secretariat.',
    };
  }
  if (status === 404) return notFound();
  if (status === 429) {
    return { status, heading: 'Too many attempts', message: 'Wait a minute, then try again.' };
  }
  if (status >= 400 && status < 500) {
    return { status, heading: 'There is a problem', message: error.message.slice(0, 300) };
  }
  return {
    status: 500,
    heading: 'Sorry, there is a problem with the service',
    message: 'Try again later. What you typed is kept on this device if you were drafting notes.',
  };
}

export function notFound(): ErrorPage {
  return {
    status: 404,
    heading: 'Page not found',
    message: 'If you typed the web address, check it is correct. The page may also have been removed.',
  };
}

export function sendErrorPage(reply: FastifyReply, page: ErrorPage): FastifyReply {
  return reply.page('error', { ...page }, { title: page.heading, status: page.status });
}

export function registerWebErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // The scripts' endpoints answer like the API; throwing hands the error to the app's handler.
    if (isScriptRequest(request)) throw error;
    const status = error instanceof AppError ? error.status : error.statusCode;
    if (status === 401) return reply.redirect(loginRedirect(request), 303);
    const page = describe(error);
    if (page.status >= 500) request.log.error({ err: error }, 'web page failed');
    if (page.status === 429 && error instanceof AppError && 'retryAfterSeconds' in error) {
      reply.header('retry-after', String(error.retryAfterSeconds));
    }
    return sendErrorPage(reply, page);
  });
}
