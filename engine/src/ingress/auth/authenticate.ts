// Resolves an Authorization header to a Principal: the bootstrap admin token (constant-time compare)
// or a token issued by the store. Never logs or echoes the presented token.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ApiTokenRepository } from '../../store';
import { UnauthorizedError } from '../http/errors';
import type { Principal } from './principal';

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;
/** Audit actor of requests made with the bootstrap admin token. */
export const ADMIN_ACTOR = 'admin';
/** Shortest bootstrap admin token accepted (same rule as ENGINE_ADMIN_TOKEN in config). */
export const MIN_ADMIN_TOKEN_LENGTH = 16;

export type Authenticate = (authorization: string | undefined | null) => Promise<Principal>;

/** The token of `Authorization: Bearer <token>`, or undefined when absent or malformed. */
export function bearerTokenOf(authorization: string | undefined | null): string | undefined {
  if (typeof authorization !== 'string') return undefined;
  return BEARER.exec(authorization)?.[1];
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Equal strings, in time independent of where they differ (both are hashed to 32 bytes first). */
export function constantTimeEqual(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

export function createAuthenticator(deps: { adminToken: string; tokens: Pick<ApiTokenRepository, 'verify'> }): Authenticate {
  const { adminToken, tokens } = deps;
  if (adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new TypeError(`adminToken must have at least ${MIN_ADMIN_TOKEN_LENGTH} characters`);
  }
  return async (authorization) => {
    const token = bearerTokenOf(authorization);
    if (token === undefined) throw new UnauthorizedError('missing bearer token (Authorization: Bearer <token>)');
    if (constantTimeEqual(token, adminToken)) return { scope: 'operator', actor: ADMIN_ACTOR };
    const record = await tokens.verify(token);
    if (record === null) throw new UnauthorizedError('unknown or revoked token');
    const actor = `token:${record.id}`;
    if (record.scope === 'operator') return { scope: 'operator', actor };
    if (record.followerId === null) throw new UnauthorizedError('follower token without a follower');
    return { scope: 'follower', actor, followerId: record.followerId };
  };
}
