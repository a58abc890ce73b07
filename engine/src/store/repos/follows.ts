// Repository of follows (whale -> follower links with sizing and limits). One follow per
// (whale, follower): a second create raises FollowExistsError.
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { FollowExistsError, StoreNotFoundError } from '../errors';
import { follows } from '../schema';
import type { Follow, FollowRecord, TradingState } from '../types';
import { newId, type RepositoryContext } from './context';
import { isUniqueViolation } from './sql-errors';

export type NewFollow = Omit<Follow, 'id' | 'state' | 'caps' | 'symbols'> &
  Partial<Pick<Follow, 'id' | 'state' | 'caps' | 'symbols'>>;
export type FollowPatch = Partial<Pick<Follow, 'sizing' | 'caps' | 'leverage' | 'symbols' | 'existing'>>;

export interface FollowRepository {
  create(input: NewFollow): Promise<FollowRecord>;
  get(id: string): Promise<FollowRecord | null>;
  list(filter?: { whaleId?: string; followerId?: string; state?: TradingState }): Promise<FollowRecord[]>;
  update(id: string, patch: FollowPatch): Promise<FollowRecord>;
  setState(id: string, state: TradingState): Promise<FollowRecord>;
  delete(id: string): Promise<boolean>;
  /** The whale positions a wait_next_change follow waits out, as the engine registers it (null: unknown again). */
  setWaitingOut(id: string, waitingOut: Readonly<Record<string, number>> | null): Promise<void>;
  /** The whale changed `whaleSymbol`: the follow copies it from now on (one atomic update, no read). */
  endWaiting(id: string, whaleSymbol: string): Promise<void>;
}

type Row = typeof follows.$inferSelect;

const toFollow = (row: Row): FollowRecord => ({
  id: row.id,
  whaleId: row.whaleId,
  followerId: row.followerId,
  sizing: row.sizing,
  caps: row.caps,
  leverage: row.leverage,
  symbols: row.symbols,
  existing: row.existing,
  state: row.state,
  createdAt: row.createdAt,
  waitingOut: row.waitingOut ?? null,
});

export function createFollowRepository(ctx: RepositoryContext): FollowRepository {
  const { db } = ctx;

  async function updateRow(id: string, values: Partial<Row>): Promise<FollowRecord> {
    const [row] = await db.update(follows).set(values).where(eq(follows.id, id)).returning();
    if (row === undefined) throw new StoreNotFoundError('follow', id);
    return toFollow(row);
  }

  return {
    async create(input) {
      try {
        const [row] = await db.insert(follows).values({
          id: input.id ?? newId(),
          whaleId: input.whaleId,
          followerId: input.followerId,
          sizing: input.sizing,
          caps: input.caps ?? {},
          leverage: input.leverage,
          symbols: input.symbols ?? {},
          existing: input.existing,
          state: input.state ?? 'active',
        }).returning();
        return toFollow(row!);
      } catch (cause) {
        if (isUniqueViolation(cause, 'follows_whale_follower_unique')) {
          throw new FollowExistsError(input.whaleId, input.followerId, { cause });
        }
        throw cause;
      }
    },
    async get(id) {
      const [row] = await db.select().from(follows).where(eq(follows.id, id));
      return row === undefined ? null : toFollow(row);
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.whaleId !== undefined) conditions.push(eq(follows.whaleId, filter.whaleId));
      if (filter.followerId !== undefined) conditions.push(eq(follows.followerId, filter.followerId));
      if (filter.state !== undefined) conditions.push(eq(follows.state, filter.state));
      const rows = await db.select().from(follows).where(and(...conditions))
        .orderBy(asc(follows.createdAt), asc(follows.id));
      return rows.map(toFollow);
    },
    async update(id, patch) {
      const values: Partial<Row> = {};
      if (patch.sizing !== undefined) values.sizing = patch.sizing;
      if (patch.caps !== undefined) values.caps = patch.caps;
      if (patch.leverage !== undefined) values.leverage = patch.leverage;
      if (patch.symbols !== undefined) values.symbols = patch.symbols;
      if (patch.existing !== undefined) values.existing = patch.existing;
      if (Object.keys(values).length === 0) {
        const current = await this.get(id);
        if (current === null) throw new StoreNotFoundError('follow', id);
        return current;
      }
      return updateRow(id, values);
    },
    setState: (id, state) => updateRow(id, { state }),
    async delete(id) {
      return (await db.delete(follows).where(eq(follows.id, id)).returning({ id: follows.id })).length > 0;
    },
    async setWaitingOut(id, waitingOut) {
      await db.update(follows).set({ waitingOut: waitingOut === null ? null : { ...waitingOut } }).where(eq(follows.id, id));
    },
    async endWaiting(id, whaleSymbol) {
      await db.update(follows).set({ waitingOut: sql`${follows.waitingOut} - ${whaleSymbol}::text` }).where(eq(follows.id, id));
    },
  };
}
