// Server-side sessions of the console and the portal: an opaque signed id in the cookie, everything
// else (engine tokens, CSRF token, identity) in memory here, never in the browser. Bounded and expiring.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type SessionRealm = 'console' | 'portal';

export interface SessionIdentity {
  /** Operator email, or the follower account's email. */
  email: string;
  /** Display name (operators: their email). */
  name: string;
  /** The engine bearer token this session acts with (operator- or follower-scoped); never sent to a browser. */
  engineToken: string | null;
  /** Portal only: the engine's account session token (for /api/auth routes). */
  accountToken: string | null;
  /** Portal only: the follower the account manages, once its key is saved. */
  followerId: string | null;
  accountId: string | null;
}

export interface Session {
  readonly id: string;
  readonly realm: SessionRealm;
  /** Sent with every state-changing request (header X-CSRF-Token or form field _csrf). */
  readonly csrf: string;
  /** null: an anonymous session (sign-in and sign-up forms only). */
  identity: SessionIdentity | null;
  readonly createdAt: number;
  expiresAt: number;
}

export interface SessionStoreOptions {
  secret: string;
  /** Lifetime of a signed-in session (ms). */
  ttlMs: number;
  /** Lifetime of an anonymous one (ms). */
  anonymousTtlMs?: number;
  /** Sessions held at most; the oldest is evicted first. */
  maxSessions?: number;
  nowMs?: () => number;
}

const token = () => randomBytes(32).toString('base64url');

export function constantTimeEqualText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly nowMs: () => number;
  private readonly anonymousTtlMs: number;
  private readonly maxSessions: number;

  constructor(private readonly options: SessionStoreOptions) {
    if (options.secret.length < 16) throw new TypeError('the session secret needs at least 16 characters');
    this.nowMs = options.nowMs ?? Date.now;
    this.anonymousTtlMs = options.anonymousTtlMs ?? 30 * 60_000;
    this.maxSessions = options.maxSessions ?? 10_000;
  }

  get size(): number {
    return this.sessions.size;
  }

  /** A new session (anonymous when identity is null) and the cookie value that names it. */
  create(realm: SessionRealm, identity: SessionIdentity | null): { session: Session; cookie: string } {
    this.evict();
    const now = this.nowMs();
    const session: Session = {
      id: token(), realm, csrf: token(), identity, createdAt: now,
      expiresAt: now + (identity === null ? this.anonymousTtlMs : this.options.ttlMs),
    };
    this.sessions.set(session.id, session);
    return { session, cookie: `${session.id}.${this.sign(session.id)}` };
  }

  /** The live session a cookie value names in this realm, or undefined (bad signature, unknown, expired). */
  resolve(realm: SessionRealm, cookie: string | undefined): Session | undefined {
    if (cookie === undefined) return undefined;
    const dot = cookie.lastIndexOf('.');
    if (dot <= 0) return undefined;
    const id = cookie.slice(0, dot);
    if (!constantTimeEqualText(cookie.slice(dot + 1), this.sign(id))) return undefined;
    const session = this.sessions.get(id);
    if (session === undefined || session.realm !== realm) return undefined;
    if (session.expiresAt <= this.nowMs()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  destroy(id: string): Session | undefined {
    const session = this.sessions.get(id);
    this.sessions.delete(id);
    return session;
  }

  /** Removes expired sessions and, past the cap, the oldest ones; returns the removed signed-in sessions. */
  evict(): Session[] {
    const now = this.nowMs();
    const removed: Session[] = [];
    for (const [id, s] of this.sessions) {
      if (s.expiresAt <= now) {
        this.sessions.delete(id);
        if (s.identity !== null) removed.push(s);
      }
    }
    // Map iteration is insertion order: the first entries are the oldest.
    for (const [id, s] of this.sessions) {
      if (this.sessions.size < this.maxSessions) break;
      this.sessions.delete(id);
      if (s.identity !== null) removed.push(s);
    }
    return removed;
  }

  /** Every signed-in session (e.g. to revoke their engine tokens at shutdown). */
  signedIn(): Session[] {
    return [...this.sessions.values()].filter((s) => s.identity !== null);
  }

  private sign(id: string): string {
    return createHmac('sha256', this.options.secret).update(id).digest('base64url');
  }
}
