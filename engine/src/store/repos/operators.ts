// Repository of operator accounts and their login lockout counters. Stores the password hash the
// caller computed; never sees or checks a password itself.
import { asc, eq, sql } from 'drizzle-orm';
import { StoreNotFoundError } from '../errors';
import { operators } from '../schema';
import type { Operator } from '../types';
import { newId, type RepositoryContext } from './context';

export interface OperatorRepository {
  create(input: { id?: string; email: string; passwordHash: string }): Promise<Operator>;
  get(id: string): Promise<Operator | null>;
  /** Lookup by email, case-insensitively (emails are stored lower-cased). */
  getByEmail(email: string): Promise<Operator | null>;
  list(): Promise<Operator[]>;
  setPasswordHash(id: string, passwordHash: string): Promise<void>;
  /**
   * Counts a failed login; once `lockAfter` failures are reached the account is locked until
   * now + lockMs. Returns the updated operator.
   */
  recordFailedLogin(id: string, policy: { lockAfter: number; lockMs: number }): Promise<Operator>;
  /** Resets the failure counter and lock after a successful login. */
  recordSuccessfulLogin(id: string): Promise<void>;
}

type Row = typeof operators.$inferSelect;
const toOperator = (row: Row): Operator => ({ ...row });

export function createOperatorRepository(ctx: RepositoryContext): OperatorRepository {
  const { db } = ctx;

  async function updateRow(id: string, values: Partial<Row> | Record<string, unknown>): Promise<Operator> {
    const [row] = await db.update(operators).set(values).where(eq(operators.id, id)).returning();
    if (row === undefined) throw new StoreNotFoundError('operator', id);
    return toOperator(row);
  }

  return {
    async create(input) {
      const [row] = await db.insert(operators).values({
        id: input.id ?? newId(), email: input.email.trim().toLowerCase(), passwordHash: input.passwordHash,
      }).returning();
      return toOperator(row!);
    },
    async get(id) {
      const [row] = await db.select().from(operators).where(eq(operators.id, id));
      return row === undefined ? null : toOperator(row);
    },
    async getByEmail(email) {
      const [row] = await db.select().from(operators).where(eq(operators.email, email.trim().toLowerCase()));
      return row === undefined ? null : toOperator(row);
    },
    async list() {
      return (await db.select().from(operators).orderBy(asc(operators.email))).map(toOperator);
    },
    async setPasswordHash(id, passwordHash) {
      await updateRow(id, { passwordHash });
    },
    recordFailedLogin(id, policy) {
      const lockUntil = new Date(Date.now() + policy.lockMs);
      return updateRow(id, {
        failedAttempts: sql`${operators.failedAttempts} + 1`,
        lockedUntil: sql`case when ${operators.failedAttempts} + 1 >= ${policy.lockAfter} then ${lockUntil.toISOString()}::timestamptz else ${operators.lockedUntil} end`,
      });
    },
    async recordSuccessfulLogin(id) {
      await updateRow(id, { failedAttempts: 0, lockedUntil: null });
    },
  };
}
