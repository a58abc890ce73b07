// Repository of API bearer tokens: issue returns the token once, only its SHA-256 is stored;
// verify looks the hash up and stamps last_used_at.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { apiTokens } from '../schema';
import { generateToken, hashToken } from '../secrets';
import type { ApiToken, TokenScope } from '../types';
import { newId, type RepositoryContext } from './context';

export interface ApiTokenRepository {
  /** A new token; `token` is the bearer secret, shown once and never stored. */
  issue(input: { scope: 'operator' } | { scope: 'follower'; followerId: string }): Promise<{ token: string; record: ApiToken }>;
  /** The token's record (and stamps its last use), or null when unknown. */
  verify(token: string): Promise<ApiToken | null>;
  list(filter?: { scope?: TokenScope; followerId?: string }): Promise<ApiToken[]>;
  revoke(id: string): Promise<boolean>;
}

type Row = typeof apiTokens.$inferSelect;

const toToken = (row: Row): ApiToken => ({
  id: row.id,
  scope: row.scope,
  followerId: row.followerId,
  createdAt: row.createdAt,
  lastUsedAt: row.lastUsedAt,
});

export function createApiTokenRepository(ctx: RepositoryContext): ApiTokenRepository {
  const { db } = ctx;
  return {
    async issue(input) {
      const token = generateToken();
      const [row] = await db.insert(apiTokens).values({
        id: newId(),
        tokenHash: hashToken(token),
        scope: input.scope,
        followerId: input.scope === 'follower' ? input.followerId : null,
      }).returning();
      return { token, record: toToken(row!) };
    },
    async verify(token) {
      const [row] = await db.update(apiTokens).set({ lastUsedAt: new Date() })
        .where(eq(apiTokens.tokenHash, hashToken(token))).returning();
      return row === undefined ? null : toToken(row);
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.scope !== undefined) conditions.push(eq(apiTokens.scope, filter.scope));
      if (filter.followerId !== undefined) conditions.push(eq(apiTokens.followerId, filter.followerId));
      const rows = await db.select().from(apiTokens).where(and(...conditions)).orderBy(desc(apiTokens.createdAt));
      return rows.map(toToken);
    },
    async revoke(id) {
      return (await db.delete(apiTokens).where(eq(apiTokens.id, id)).returning({ id: apiTokens.id })).length > 0;
    },
  };
}
