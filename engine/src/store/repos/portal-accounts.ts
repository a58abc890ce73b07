// Repository of follower portal accounts: email, name, password hash (computed by the caller), lockout
// counters and the follower the account manages once its venue key is saved. Never sees a password.
import { eq, sql } from 'drizzle-orm';
import { StoreNotFoundError } from '../errors';
import { followerAccounts } from '../schema';
import { newId, type RepositoryContext } from './context';
import { isUniqueViolation } from './sql-errors';

export interface FollowerAccount {
  id: string;
  /** Lower-cased. */
  email: string;
  name: string;
  passwordHash: string;
  /** The follower this account manages; null until a venue key is saved (or after the follower is deleted). */
  followerId: string | null;
  failedAttempts: number;
  lockedUntil: Date | null;
  createdAt: Date;
}

/** Another account already uses this email. */
export class AccountEmailTakenError extends Error {
  readonly code = 'ACCOUNT_EMAIL_TAKEN' as const;
  constructor(readonly email: string, options: { cause?: unknown } = {}) {
    super('an account with this email already exists', options);
    this.name = 'AccountEmailTakenError';
  }
}

export interface FollowerAccountRepository {
  /** Throws AccountEmailTakenError when the (lower-cased) email is taken. */
  create(input: { id?: string; email: string; name: string; passwordHash: string }): Promise<FollowerAccount>;
  get(id: string): Promise<FollowerAccount | null>;
  getByEmail(email: string): Promise<FollowerAccount | null>;
  linkFollower(id: string, followerId: string): Promise<FollowerAccount>;
  /** Counts a failed login; locks until now + lockMs once `lockAfter` failures are reached. */
  recordFailedLogin(id: string, policy: { lockAfter: number; lockMs: number }): Promise<FollowerAccount>;
  recordSuccessfulLogin(id: string): Promise<void>;
}

type Row = typeof followerAccounts.$inferSelect;
const toAccount = (row: Row): FollowerAccount => ({ ...row });
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

export function createFollowerAccountRepository(ctx: RepositoryContext): FollowerAccountRepository {
  const { db } = ctx;

  async function updateRow(id: string, values: Partial<Row> | Record<string, unknown>): Promise<FollowerAccount> {
    const [row] = await db.update(followerAccounts).set(values).where(eq(followerAccounts.id, id)).returning();
    if (row === undefined) throw new StoreNotFoundError('follower_account', id);
    return toAccount(row);
  }

  return {
    async create(input) {
      const email = normalizeEmail(input.email);
      try {
        const [row] = await db.insert(followerAccounts).values({
          id: input.id ?? newId(), email, name: input.name, passwordHash: input.passwordHash,
        }).returning();
        return toAccount(row!);
      } catch (cause) {
        if (isUniqueViolation(cause, 'follower_accounts_email_unique')) throw new AccountEmailTakenError(email, { cause });
        throw cause;
      }
    },
    async get(id) {
      const [row] = await db.select().from(followerAccounts).where(eq(followerAccounts.id, id));
      return row === undefined ? null : toAccount(row);
    },
    async getByEmail(email) {
      const [row] = await db.select().from(followerAccounts).where(eq(followerAccounts.email, normalizeEmail(email)));
      return row === undefined ? null : toAccount(row);
    },
    linkFollower: (id, followerId) => updateRow(id, { followerId }),
    recordFailedLogin(id, policy) {
      const lockUntil = new Date(Date.now() + policy.lockMs);
      return updateRow(id, {
        failedAttempts: sql`${followerAccounts.failedAttempts} + 1`,
        lockedUntil: sql`case when ${followerAccounts.failedAttempts} + 1 >= ${policy.lockAfter} then ${lockUntil.toISOString()}::timestamptz else ${followerAccounts.lockedUntil} end`,
      });
    },
    async recordSuccessfulLogin(id) {
      await updateRow(id, { failedAttempts: 0, lockedUntil: null });
    },
  };
}
