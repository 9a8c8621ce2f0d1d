import { randomUUID } from 'node:crypto';
import { Unauthorized } from '../../core/errors.ts';
import type { Principal } from '../../core/principal.ts';
import { recordAudit } from '../../db/audit-log.ts';
import type { Database } from '../../db/database.ts';
import { verifyPassword } from './passwords.ts';
import { hashRefreshToken, newRefreshToken } from './refresh-tokens.ts';
import * as repo from './repo.ts';

export interface AccessClaims {
  sub: string;
  /** Token version: a mismatch with the user's current one means the token was revoked. */
  tv: number;
  /** Session (refresh-token family): once logged out or revoked, its access tokens stop working too. */
  sid: string;
}

export interface TokenSigner {
  signAccess(claims: AccessClaims): string;
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export interface TokenPair {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

const invalidLogin = 'The email or password is not correct.';

export async function login(
  db: Database,
  signer: TokenSigner,
  email: string,
  password: string,
): Promise<TokenPair> {
  const user = await repo.findUserForLogin(db, email);
  const ok = await verifyPassword(user?.password_hash, password);
  // One answer for unknown email, wrong password and disabled account.
  if (!user || !ok || !user.active) throw new Unauthorized(invalidLogin);
  const pair = await issuePair(db, signer, user.id, user.token_version, randomUUID());
  await recordAudit(db, {
    actorUserId: user.id,
    action: 'auth.login',
    entityType: 'user',
    entityId: user.id,
  });
  return pair;
}

export async function refresh(db: Database, signer: TokenSigner, token: string): Promise<TokenPair> {
  return db
    .transaction()
    .execute(async (trx) => {
      const row = await repo.findRefreshTokenForUpdate(trx, hashRefreshToken(token));
      if (!row) throw new Unauthorized('The refresh token is not valid.');
      if (row.used_at || row.revoked_at) {
        // A used token coming back means it was stolen or replayed: end the whole session family.
        await repo.revokeFamily(trx, row.family_id);
        await recordAudit(trx, {
          actorUserId: row.user_id,
          action: 'auth.refresh_reuse_detected',
          entityType: 'user',
          entityId: row.user_id,
        });
        return null;
      }
      if (row.expires_at.getTime() <= Date.now()) throw new Unauthorized('The refresh token has expired.');
      const user = await repo.findPrincipalRow(trx, row.user_id);
      if (!user?.active) throw new Unauthorized('The refresh token is not valid.');
      await repo.markRefreshTokenUsed(trx, row.id);
      return issuePair(trx, signer, user.id, user.token_version, row.family_id);
    })
    .then((pair) => {
      // Thrown outside the transaction so the family revocation above is committed.
      if (!pair) throw new Unauthorized('The refresh token has already been used; sign in again.');
      return pair;
    });
}

export async function logout(db: Database, token: string): Promise<void> {
  const row = await db
    .selectFrom('refresh_tokens')
    .select(['family_id', 'user_id'])
    .where('token_hash', '=', hashRefreshToken(token))
    .executeTakeFirst();
  if (!row) return;
  await repo.revokeFamily(db, row.family_id);
  await recordAudit(db, {
    actorUserId: row.user_id,
    action: 'auth.logout',
    entityType: 'user',
    entityId: row.user_id,
  });
}

async function issuePair(
  db: Database,
  signer: TokenSigner,
  userId: string,
  tokenVersion: number,
  familyId: string,
): Promise<TokenPair> {
  const refreshToken = newRefreshToken();
  await repo.insertRefreshToken(db, {
    userId,
    familyId,
    hash: refreshToken.hash,
    expiresAt: new Date(Date.now() + signer.refreshTtlSeconds * 1000),
  });
  return {
    accessToken: signer.signAccess({ sub: userId, tv: tokenVersion, sid: familyId }),
    tokenType: 'Bearer',
    expiresIn: signer.accessTtlSeconds,
    refreshToken: refreshToken.token,
    refreshExpiresIn: signer.refreshTtlSeconds,
  };
}

/** The principal for a verified access token, or null when the token no longer stands. */
export async function loadPrincipal(db: Database, claims: AccessClaims): Promise<Principal | null> {
  const row = await repo.findPrincipalRow(db, claims.sub, claims.sid);
  if (!row?.active || row.token_version !== claims.tv || !row.session_active) return null;
  return {
    userId: row.id,
    email: row.email,
    displayName: row.display_name,
    roles: row.roles,
    organisationId: row.organisation_id,
    personId: row.person_id,
    secretariatBoardIds: row.secretariat_board_ids ?? [],
  };
}
