/** GET/POST /login and POST /logout: the browser's way in and out, through the auth service. */
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../core/errors.ts';
import type { Database } from '../db/database.ts';
import * as auth from '../modules/auth/service.ts';
import { pluralise } from '../text/text-format.ts';
import { safeNext } from './errors.ts';
import { clearSessionCookie, type SessionCodec, setSessionCookie } from './session.ts';

const loginForm = z.object({
  email: z.string().trim().max(320),
  password: z.string().max(1024),
  next: z.string().max(500).optional(),
});

export interface AuthRoutesOptions {
  db: Database;
  codec: SessionCodec;
  loginRateLimitPerMinute: number;
}

function signedOutMessages(codec: SessionCodec): Record<string, string> {
  const idle = pluralise(Math.round(codec.idleSeconds / 60), 'minute', 'minutes');
  const lifetime = pluralise(Math.round(codec.maxAgeSeconds / 3600), 'hour', 'hours');
  return {
    'signed-out': 'You have signed out.',
    idle: `You were signed out because Boardroom was not used for ${idle}. Sign in again to carry on: anything you were drafting is kept on this device.`,
    expired: `You were signed out because you signed in more than ${lifetime} ago. Sign in again to carry on: anything you were drafting is kept on this device.`,
  };
}

export const webAuthRoutes: FastifyPluginAsync<AuthRoutesOptions> = async (app, opts) => {
  const { db, codec } = opts;
  const messages = signedOutMessages(codec);

  const loginPage = (
    reply: FastifyReply,
    values: { email: string; next: string; error: string | null; notice: string | null },
    status = 200,
  ) =>
    reply.page('login', values, {
      title: values.error ? 'Error: Sign in' : 'Sign in',
      status,
    });

  app.get('/login', async (request, reply) => {
    const query = request.query as Record<string, unknown>;
    const next = safeNext(query.next);
    if (request.actor) return reply.redirect(next, 303);
    const notice = typeof query.notice === 'string' ? (messages[query.notice] ?? null) : null;
    return loginPage(reply, { email: '', next, error: null, notice });
  });

  app.post(
    '/login',
    { config: { rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' } } },
    async (request, reply) => {
      const parsed = loginForm.safeParse(request.body ?? {});
      const next = safeNext(parsed.success ? parsed.data.next : undefined);
      if (!parsed.success || !parsed.data.email || !parsed.data.password) {
        const email = parsed.success ? parsed.data.email : '';
        return loginPage(
          reply,
          { email, next, error: 'Enter your email address and password.', notice: null },
          400,
        );
      }
      let pair: auth.TokenPair;
      try {
        pair = await auth.login(db, app.tokenSigner, parsed.data.email, parsed.data.password);
      } catch (err) {
        if (!(err instanceof AppError) || err.status !== 401) throw err;
        return loginPage(reply, { email: parsed.data.email, next, error: err.message, notice: null }, 401);
      }
      // We signed this token a moment ago; its claims name the user, token version and session.
      const claims = app.jwt.decode<auth.AccessClaims>(pair.accessToken)!;
      const now = Math.floor(Date.now() / 1000);
      setSessionCookie(reply, codec, {
        userId: claims.sub,
        tokenVersion: claims.tv,
        sessionId: claims.sid,
        refreshToken: pair.refreshToken,
        issuedAt: now,
        lastActiveAt: now,
      });
      return reply.redirect(next, 303);
    },
  );

  app.post('/logout', async (request, reply) => {
    if (request.webSession) await auth.logout(db, request.webSession.refreshToken);
    clearSessionCookie(reply, codec);
    return reply.redirect('/login?notice=signed-out', 303);
  });
};
