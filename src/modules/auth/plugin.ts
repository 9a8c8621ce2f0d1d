import fastifyJwt from '@fastify/jwt';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.ts';
import type { ServiceContext } from '../../context.ts';
import { Unauthorized } from '../../core/errors.ts';
import type { Actor, Principal } from '../../core/principal.ts';
import type { ChangeFeed } from '../../db/change-feed.ts';
import type { Database } from '../../db/database.ts';
import { GenerationCache } from '../../db/generation-cache.ts';
import { type AccessClaims, loadPrincipal, type TokenSigner } from './service.ts';

declare module 'fastify' {
  interface FastifyInstance {
    tokenSigner: TokenSigner;
  }
  interface FastifyRequest {
    actor: Actor;
    /** Set while a request's work runs inside one transaction (see idempotency.ts). */
    transaction: Database | null;
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
export const authPlugin = fp(
  async (app: FastifyInstance, opts: { config: Config; db: Database; changes?: ChangeFeed | undefined }) => {
    const { jwt } = opts.config;
    const principals = principalCache(opts.config, opts.changes);
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
    app.decorateRequest('transaction', null);
    app.decorateRequest('ctx', function (this: FastifyRequest): ServiceContext {
      return { db: this.transaction ?? opts.db, actor: this.actor, requestId: this.id };
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
      const principal = principals
        ? await principals.load(claims, () => loadPrincipal(opts.db, claims))
        : await loadPrincipal(opts.db, claims);
      if (!principal) throw new Unauthorized('The access token has been revoked.');
      request.actor = principal;
    });
  },
);

/**
 * The caller behind a token, kept per session and token version until anything changes in the
 * database (sign-out, a role change, deactivation, or any other write moves the change feed), so
 * a revoked token is refused on the very next request, while repeated reads skip the lookup.
 */
function principalCache(config: Config, changes: ChangeFeed | undefined) {
  if (!changes || config.readCache.maxBytes <= 0) return null;
  const cache = new GenerationCache<Principal>(changes, { max: 10_000, ttlMs: config.readCache.ttlMs });
  return {
    async load(claims: AccessClaims, fetch: () => Promise<Principal | null>): Promise<Principal | null> {
      const key = `${claims.sub} ${claims.sid} ${claims.tv}`;
      const cached = cache.get(key);
      if (cached) return cached;
      const generation = changes.generation;
      const principal = await fetch();
      if (principal) cache.set(key, generation, freezePrincipal(principal));
      return principal;
    },
  };
}

function freezePrincipal(principal: Principal): Principal {
  Object.freeze(principal.roles);
  Object.freeze(principal.secretariatBoardIds);
  return Object.freeze(principal);
}

function isUuid(value: unknown): value is string {
  return (
    typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)
  );
}
