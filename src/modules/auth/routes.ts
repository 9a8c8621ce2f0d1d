import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { requireUser } from '../../core/principal.ts';
import { problems } from '../../http/common-schemas.ts';
import { loginBody, me, refreshBody, tokenPair } from './schemas.ts';
import * as service from './service.ts';

export const authRoutes: FastifyPluginAsyncZod<{ loginRateLimitPerMinute: number }> = async (app, opts) => {
  app.post(
    '/auth/login',
    {
      config: { rateLimit: { max: opts.loginRateLimitPerMinute, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with email and password',
        body: loginBody,
        response: { 200: tokenPair, ...problems(400, 401, 429) },
      },
    },
    async (request) =>
      service.login(request.ctx().db, app.tokenSigner, request.body.email, request.body.password),
  );

  app.post(
    '/auth/refresh',
    {
      config: { rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a refresh token for a new pair (the old one stops working)',
        body: refreshBody,
        response: { 200: tokenPair, ...problems(400, 401, 429) },
      },
    },
    async (request) => service.refresh(request.ctx().db, app.tokenSigner, request.body.refreshToken),
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke a refresh token and every token rotated from it',
        body: refreshBody,
        response: { 204: z.null(), ...problems(400) },
      },
    },
    async (request, reply) => {
      await service.logout(request.ctx().db, request.body.refreshToken);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: me, ...problems(401) } },
    },
    async (request) => {
      const user = requireUser(request.actor);
      return {
        id: user.userId,
        email: user.email,
        displayName: user.displayName,
        roles: user.roles,
        organisationId: user.organisationId,
        personId: user.personId,
        secretariatBoardIds: user.secretariatBoardIds,
      };
    },
  );
};
