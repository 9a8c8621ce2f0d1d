import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from '../core/errors.ts';
import { sendProblem } from './problem.ts';

interface PgLikeError {
  code?: string;
  constraint?: string;
  message?: string;
}

/** PostgreSQL SQLSTATE codes that mean "the client sent something wrong", never a 500. */
const pgClientErrors: Record<string, [number, string, string]> = {
  '23505': [409, 'Conflict', 'A record with the same unique value already exists.'],
  '23503': [409, 'Conflict', 'A referenced record does not exist, or this record is still referenced.'],
  '23514': [400, 'Bad Request', 'A value is outside what is allowed.'],
  '23502': [400, 'Bad Request', 'A required value is missing.'],
  '22P02': [400, 'Bad Request', 'A value has the wrong format.'],
  '22007': [400, 'Bad Request', 'A date or time has the wrong format.'],
  '22008': [400, 'Bad Request', 'A date or time is out of range.'],
  '22003': [400, 'Bad Request', 'A number is out of range.'],
  '22001': [400, 'Bad Request', 'A value is too long.'],
  '22021': [400, 'Bad Request', 'Text contains a character that cannot be stored.'],
  '40001': [409, 'Conflict', 'A concurrent change got there first; try again.'],
  '40P01': [409, 'Conflict', 'A concurrent change got there first; try again.'],
};

/** Any other class 22 (data exception: a value out of range, malformed, too long…) is the value's fault too. */
const dataException: [number, string, string] = [400, 'Bad Request', 'A value is not valid.'];

/**
 * For a PostgreSQL error the client caused (a malformed uuid, a duplicate, any data exception):
 * its status, title and message. The one mapping the API and the web pages both use.
 */
export function databaseClientError(error: { code?: unknown }): [number, string, string] | undefined {
  if (typeof error.code !== 'string' || !/^[0-9A-Z]{5}$/.test(error.code)) return undefined;
  return pgClientErrors[error.code] ?? (error.code.startsWith('22') ? dataException : undefined);
}

const unavailableCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
]);

function isDatabaseUnavailable(err: PgLikeError): boolean {
  if (err.code && (unavailableCodes.has(err.code) || err.code.startsWith('08'))) return true;
  const message = err.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(
    message,
  );
}

/**
 * Where unknown addresses of the public website get a page: filled in by the web layer once its
 * page engine exists (http/ cannot import web/). Until then, and for every address below that
 * belongs to the API, open data, feeds, health checks, the docs or the pages' scripts, and for
 * anything but GET and HEAD, a 404 is problem+json.
 */
export interface NotFoundPage {
  render: ((request: FastifyRequest, reply: FastifyReply) => FastifyReply) | null;
}

const MACHINE_PATHS = /^\/(api|public|feeds|health|docs|staff\/api)(\/|$|\?)/;

function wantsPage(request: FastifyRequest): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && !MACHINE_PATHS.test(request.url);
}

export function registerErrorHandling(
  app: FastifyInstance,
  notFoundPage: NotFoundPage = { render: null },
): void {
  app.setErrorHandler((error: FastifyError & PgLikeError, request, reply) => {
    if (error instanceof AppError) {
      if (error.status === 429 && 'retryAfterSeconds' in error) {
        reply.header('retry-after', String(error.retryAfterSeconds));
      }
      return sendProblem(request, reply, error.status, error.title, error.message, error.extra);
    }
    if (hasZodFastifySchemaValidationErrors(error)) {
      const where = error.validationContext ?? 'request';
      const errors: FieldError[] = error.validation.map((v) => ({
        path: `${where}${v.instancePath === '/' ? '' : v.instancePath.replaceAll('/', '.')}`,
        message: v.message ?? 'is not valid',
      }));
      return sendProblem(request, reply, 400, 'Bad Request', `The ${where} is not valid.`, { errors });
    }
    const pgError = databaseClientError(error);
    if (pgError) {
      return sendProblem(request, reply, pgError[0], pgError[1], pgError[2]);
    }
    if (isDatabaseUnavailable(error)) {
      request.log.warn({ err: error }, 'database unavailable');
      reply.header('retry-after', '5');
      return sendProblem(
        request,
        reply,
        503,
        'Service Unavailable',
        'The database is unavailable; try again shortly.',
      );
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      if (status === 429) {
        const retry = reply.getHeader('retry-after');
        return sendProblem(
          request,
          reply,
          429,
          'Too Many Requests',
          `Too many requests; retry in ${retry ?? 60} s.`,
        );
      }
      return sendProblem(request, reply, status, titleFor(status), clientMessage(error));
    }
    request.log.error({ err: error }, 'unhandled error');
    // Never a stack trace or driver message to the client.
    return sendProblem(request, reply, 500, 'Internal Server Error', 'Something went wrong on our side.');
  });

  app.setNotFoundHandler((request, reply) => {
    if (notFoundPage.render && wantsPage(request)) return notFoundPage.render(request, reply);
    return sendProblem(
      request,
      reply,
      404,
      'Not Found',
      `No route ${request.method} ${request.url.split('?')[0]}.`,
    );
  });
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
};

function titleFor(status: number): string {
  return titles[status] ?? 'Bad Request';
}

/** Fastify's own 4xx messages are safe and useful ("Body is not valid JSON…"); keep them short. */
function clientMessage(error: FastifyError): string {
  return (error.message ?? '').slice(0, 300);
}
