/**
 * CSRF protection for every unsafe request in the web scope (forms and the scripts' JSON calls):
 * a synchroniser token made from a secret in an HttpOnly cookie and bound to the session, so a
 * token from before sign-in (or from another session) is refused. Forms send it as the `_csrf`
 * field; scripts as the `x-csrf-token` header, read from <meta name="csrf-token">.
 */
import fastifyCsrf from '@fastify/csrf-protection';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../config.ts';
import { Unauthorized } from '../core/errors.ts';
import { deriveKey, secureCookies } from './session.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Who a token is for: the session, or nobody yet (the sign-in form). */
function userInfoOf(request: FastifyRequest): string {
  return request.webSession?.sessionId ?? 'anonymous';
}

/** The token from a form field (urlencoded or multipart) or from the header scripts send. */
function tokenOf(request: FastifyRequest): string | undefined {
  const body = request.body as Record<string, unknown> | null | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  // Multipart fields arrive as { value } objects when attached to the body.
  const value =
    field && typeof field === 'object' && 'value' in field ? (field as { value: unknown }).value : field;
  if (typeof value === 'string') return value;
  const header = request.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

export async function registerCsrf(app: FastifyInstance, config: Config): Promise<void> {
  const secure = secureCookies(config);
  await app.register(fastifyCsrf, {
    sessionPlugin: '@fastify/cookie',
    cookieKey: secure ? '__Host-boardroom-csrf' : 'boardroom-csrf',
    cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure },
    getUserInfo: userInfoOf,
    getToken: tokenOf,
    csrfOpts: { hmacKey: deriveKey(config.jwt.secret, 'csrf v1') },
  });
  app.addHook('preHandler', (request, reply, done) => {
    if (!UNSAFE.has(request.method)) return done();
    // A session that has just run out: say so (sign in again), rather than "this form has expired".
    if (request.sessionEnded && request.routeOptions.url !== '/login') return done(new Unauthorized());
    app.csrfProtection(request, reply, done);
  });
}

/** A token for the page being rendered (sets the secret cookie on first use). */
export function csrfToken(request: FastifyRequest, reply: FastifyReply): string {
  return reply.generateCsrf({ userInfo: userInfoOf(request) });
}
