import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../config.ts';
import type { ServiceContext } from '../context.ts';
import type { Database } from '../db/database.ts';
import { type AccessClaims, loadPrincipal, type TokenSigner } from '../modules/auth/service.ts';
import { Unauthorized } from './errors.ts';
import type { Actor } from './principal.ts';

declare module 'fastify' {
  interface FastifyInstance {
    tokenSigner: TokenSigner;
  }
  interface FastifyRequest {
    actor: Actor;
    ctx(): ServiceContext;
  }
}

declare module '@fastify/jwt' {
  interface FastifyJWT {
    payload: AccessClaims;
  }
}

export const ALGORITHM = 'HS256';

/**
 * Reads the bearer token of every request. No header: anonymous. A header that does not verify
 * (bad signature, other algorithm, wrong issuer/audience, expired, revoked): 401, never anonymous.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { config: Config; db: Database }) => {
  const { jwt } = opts.config;
  await app.register(fastifyJwt, {
    secret: jwt.secret,
    sign: { algorithm: ALGORITHM, iss: jwt.issuer, aud: jwt.audience, expiresIn: jwt.accessTtlSeconds },
    verify: {
      algorithms: [ALGORITHM],
      allowedIss: jwt.issuer,
      allowedAud: jwt.audience,
      maxAge: jwt.accessTtlSeconds,
      requiredClaims: ['exp', 'iat', 'sub', 'iss', 'aud'],
    },
  });

  app.decorate('tokenSigner', {
    signAccess: (claims: AccessClaims) => app.jwt.sign(claims),
    accessTtlSeconds: jwt.accessTtlSeconds,
    refreshTtlSeconds: jwt.refreshTtlSeconds,
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('ctx', function (this: FastifyRequest): ServiceContext {
    return { db: opts.db, actor: this.actor, requestId: this.id };
  });

  app.addHook('onRequest', async (request) => {
    const header = request.headers.authorization;
    if (!header) return;
    const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header);
    if (!match) throw new Unauthorized('The Authorization header must be "Bearer <token>".');
    let claims: AccessClaims;
    try {
      claims = await request.jwtVerify<AccessClaims>();
    } catch {
      throw new Unauthorized('The access token is not valid or has expired.');
    }
    if (typeof claims.tv !== 'number' || !isUuid(claims.sub) || !isUuid(claims.sid)) {
      throw new Unauthorized('The access token is not valid or has expired.');
    }
    const principal = await loadPrincipal(opts.db, claims);
    if (!principal) throw new Unauthorized('The access token has been revoked.');
    request.actor = principal;
  });
});

function isUuid(value: unknown): value is string {
  return (
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
