// Repository of expiring sign-ins (operators and follower portal accounts): opens, verifies and ends
// sessions, and hands back the API tokens a session issued so the caller can revoke them.
import { and, eq, gt, lte } from 'drizzle-orm';
import { StoreNotFoundError } from '../errors';
import { loginSessions } from '../schema';
import { generateToken, hashToken } from '../secrets';
import { newId, type RepositoryContext } from './context';

export type LoginSubject = { kind: 'operator'; operatorId: string } | { kind: 'follower'; accountId: string };

export interface LoginSession {
  id: string;
  subject: LoginSubject;
  /** The API token this sign-in issued (null until one is attached). */
  apiTokenId: string | null;
  createdAt: Date;
  expiresAt: Date;
}

export interface LoginSessionRepository {
  /**
   * A new session until now + ttlMs. Follower sessions get a session token (returned once, stored as
   * SHA-256); operator sessions are keyed by their API token and get none.
   */
  open(input: { subject: LoginSubject; ttlMs: number; apiTokenId?: string | null }): Promise<{ session: LoginSession; token: string | null }>;
  /** The unexpired session of a session token, or null. */
  verify(token: string): Promise<LoginSession | null>;
  /** The unexpired session that issued this API token, or null. */
  byApiToken(apiTokenId: string): Promise<LoginSession | null>;
  attachApiToken(sessionId: string, apiTokenId: string): Promise<LoginSession>;
  /** Ends the session; returns its API token id (to revoke), or null. */
  end(sessionId: string): Promise<string | null>;
  /** Deletes every session expired at `now`; returns the API token ids they issued (to revoke). */
  sweepExpired(now?: Date): Promise<string[]>;
}

type Row = typeof loginSessions.$inferSelect;

function toSession(row: Row): LoginSession {
  const subject: LoginSubject = row.kind === 'operator'
    ? { kind: 'operator', operatorId: row.operatorId! }
    : { kind: 'follower', accountId: row.accountId! };
  return { id: row.id, subject, apiTokenId: row.apiTokenId, createdAt: row.createdAt, expiresAt: row.expiresAt };
}

export function createLoginSessionRepository(ctx: RepositoryContext): LoginSessionRepository {
  const { db } = ctx;
  const live = () => gt(loginSessions.expiresAt, new Date());
  return {
    async open(input) {
      const token = input.subject.kind === 'follower' ? generateToken() : null;
      const [row] = await db.insert(loginSessions).values({
        id: newId(),
        tokenHash: token === null ? null : hashToken(token),
        kind: input.subject.kind,
        operatorId: input.subject.kind === 'operator' ? input.subject.operatorId : null,
        accountId: input.subject.kind === 'follower' ? input.subject.accountId : null,
        apiTokenId: input.apiTokenId ?? null,
        expiresAt: new Date(Date.now() + input.ttlMs),
      }).returning();
      return { session: toSession(row!), token };
    },
    async verify(token) {
      const [row] = await db.select().from(loginSessions).where(and(eq(loginSessions.tokenHash, hashToken(token)), live()));
      return row === undefined ? null : toSession(row);
    },
    async byApiToken(apiTokenId) {
      const [row] = await db.select().from(loginSessions).where(and(eq(loginSessions.apiTokenId, apiTokenId), live()));
      return row === undefined ? null : toSession(row);
    },
    async attachApiToken(sessionId, apiTokenId) {
      const [row] = await db.update(loginSessions).set({ apiTokenId }).where(eq(loginSessions.id, sessionId)).returning();
      if (row === undefined) throw new StoreNotFoundError('login_session', sessionId);
      return toSession(row);
    },
    async end(sessionId) {
      const [row] = await db.delete(loginSessions).where(eq(loginSessions.id, sessionId)).returning({ apiTokenId: loginSessions.apiTokenId });
      return row?.apiTokenId ?? null;
    },
    async sweepExpired(now = new Date()) {
      const rows = await db.delete(loginSessions).where(lte(loginSessions.expiresAt, now)).returning({ apiTokenId: loginSessions.apiTokenId });
      return rows.flatMap((row) => (row.apiTokenId === null ? [] : [row.apiTokenId]));
    },
  };
}
