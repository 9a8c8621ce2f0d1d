/**
 * Browser sessions on top of the foundation's accounts. Signing in through the web runs the same
 * login use case as the API (src/modules/auth/service.ts): it opens a session (a refresh-token
 * family). The cookie holds, encrypted and authenticated (AES-256-GCM), the user, token version and
 * session id, plus the refresh token so that signing out can revoke the family.
 *
 * Every request re-checks the session with loadPrincipal, so it ends at once when the user signs
 * out (family revoked), is disabled, or has their roles, organisation or boards changed (token
 * version bumped and tokens revoked by the users service). The cookie is HttpOnly, SameSite=Lax,
 * and Secure (with the __Host- prefix) in production.
 *
 * A session also ends when it has not been used for SESSION_IDLE_MINUTES (an unattended screen),
 * and in any case SESSION_MAX_HOURS after signing in. The cookie carries when it was last used,
 * sealed like the rest, so an old copy of it cannot be replayed after the idle time; the family is
 * revoked when either limit is met.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../config.ts';
import type { Principal } from '../core/principal.ts';
import type { Database } from '../db/database.ts';
import { type AccessClaims, loadPrincipal } from '../modules/auth/service.ts';

export interface WebSession {
  userId: string;
  tokenVersion: number;
  sessionId: string;
  refreshToken: string;
  /** Seconds since the epoch. */
  issuedAt: number;
  /** When the person last did something (seconds since the epoch); background calls do not count. */
  lastActiveAt: number;
}

/** Why a session stopped standing: unused for too long, or past its absolute lifetime. */
export type SessionEnd = 'idle' | 'expired';

const sealedShape = z.object({
  u: z.uuid(),
  v: z.number().int(),
  s: z.uuid(),
  r: z.string().min(1).max(200),
  t: z.number().int(),
  a: z.number().int().optional(),
});

export interface SessionCodec {
  cookieName: string;
  secure: boolean;
  idleSeconds: number;
  maxAgeSeconds: number;
  seal(session: WebSession): string;
  unseal(value: string | undefined): WebSession | null;
}

/** Separate keys for separate jobs, all derived from the one configured secret. */
export function deriveKey(secret: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, 'boardroom-web', purpose, 32));
}

/** Secure cookies everywhere except where the app is reached over plain HTTP (development and tests). */
export function secureCookies(config: Config): boolean {
  return config.env === 'production';
}

export function createSessionCodec(config: Config): SessionCodec {
  const key = deriveKey(config.jwt.secret, 'session cookie v1');
  const secure = secureCookies(config);
  return {
    // __Host- cookies must be Secure, Path=/ and have no Domain: they cannot be set by a sibling host.
    cookieName: secure ? '__Host-boardroom-session' : 'boardroom-session',
    secure,
    idleSeconds: config.session.idleMinutes * 60,
    maxAgeSeconds: config.session.maxHours * 60 * 60,
    seal(session) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const plain = JSON.stringify({
        u: session.userId,
        v: session.tokenVersion,
        s: session.sessionId,
        r: session.refreshToken,
        t: session.issuedAt,
        a: session.lastActiveAt,
      });
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url');
    },
    unseal(value) {
      if (!value || value.length > 2000) return null;
      try {
        const raw = Buffer.from(value, 'base64url');
        if (raw.length < 29) return null;
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
        decipher.setAuthTag(raw.subarray(12, 28));
        const plain = Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
        const parsed = sealedShape.safeParse(JSON.parse(plain));
        if (!parsed.success) return null;
        const { u, v, s, r, t, a } = parsed.data;
        return {
          userId: u,
          tokenVersion: v,
          sessionId: s,
          refreshToken: r,
          issuedAt: t,
          lastActiveAt: a ?? t,
        };
      } catch {
        return null;
      }
    },
  };
}

/** Whether the session has run out at `now` (seconds since the epoch), and why; null while it stands. */
export function sessionEnd(
  session: WebSession,
  limits: Pick<SessionCodec, 'idleSeconds' | 'maxAgeSeconds'>,
  now: number,
): SessionEnd | null {
  if (session.issuedAt + limits.maxAgeSeconds <= now) return 'expired';
  if (session.lastActiveAt + limits.idleSeconds <= now) return 'idle';
  return null;
}

/**
 * Whether to write the cookie again with a new last-used time: not on every request (at most once
 * a minute, or a tenth of the idle time when that is shorter), so a page's many requests set it once.
 */
export function shouldTouch(
  session: WebSession,
  limits: Pick<SessionCodec, 'idleSeconds'>,
  now: number,
): boolean {
  return now - session.lastActiveAt >= Math.min(60, Math.floor(limits.idleSeconds / 10));
}

/** The principal behind a session, or null when the user, token version or session no longer stand. */
export async function principalOf(db: Database, session: WebSession): Promise<Principal | null> {
  const claims: AccessClaims = { sub: session.userId, tv: session.tokenVersion, sid: session.sessionId };
  return loadPrincipal(db, claims);
}

export function setSessionCookie(reply: FastifyReply, codec: SessionCodec, session: WebSession): void {
  reply.setCookie(codec.cookieName, codec.seal(session), {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: codec.secure,
    // The browser drops it when the session's absolute lifetime is over, whenever it was last written.
    maxAge: Math.max(0, session.issuedAt + codec.maxAgeSeconds - Math.floor(Date.now() / 1000)),
  });
}

export function clearSessionCookie(reply: FastifyReply, codec: SessionCodec): void {
  reply.clearCookie(codec.cookieName, { path: '/', httpOnly: true, sameSite: 'lax', secure: codec.secure });
}

export function readSession(request: FastifyRequest, codec: SessionCodec): WebSession | null {
  return codec.unseal(request.cookies[codec.cookieName]);
}
