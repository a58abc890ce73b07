// Repository of the orders outbox. Every write is one multi-row upsert by client order id whose
// SET clause applies order-status.ts's rule in SQL: status never moves back, intent fields never change.
import { and, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { foldOrderUpdates, STATUS_RANK, TERMINAL_RANK } from '../order-status';
import { orders } from '../schema';
import type { OrderRecord, OrderStatus, OrderUpdate, Venue } from '../types';
import type { RepositoryContext } from './context';

export interface OrderFilter {
  followerId?: string;
  whaleId?: string;
  status?: OrderStatus | OrderStatus[];
  /** Newest first; default 100. */
  limit?: number;
}

export interface OrderRepository {
  /** Upserts updates (folded by client order id first); safe to repeat. */
  upsert(updates: readonly OrderUpdate[]): Promise<void>;
  get(clientOrderId: string): Promise<OrderRecord | null>;
  list(filter?: OrderFilter): Promise<OrderRecord[]>;
  /** Orders not yet in a terminal status (pending, sent, unknown, partially_filled). */
  listOpen(filter?: { followerId?: string; venue?: Venue }): Promise<OrderRecord[]>;
}

type Row = typeof orders.$inferSelect;
type Insert = typeof orders.$inferInsert;

const toOrder = (row: Row): OrderRecord => ({
  clientOrderId: row.clientOrderId,
  followerId: row.followerId,
  whaleId: row.whaleId,
  venue: row.venue,
  symbol: row.symbol,
  side: row.side,
  amount: row.amount,
  status: row.status,
  reduceOnly: row.reduceOnly,
  leg: row.leg === 0 || row.leg === 1 ? row.leg : null,
  whaleSeq: row.whaleSeq,
  filledAmount: row.filledAmount,
  avgPrice: row.avgPrice,
  venueOrderId: row.venueOrderId,
  error: row.error,
  attempts: row.attempts,
  createdAt: row.createdAt,
  updatedAt: row.updatedAt,
});

function toInsert(update: OrderUpdate, now: number): Insert {
  const at = new Date(update.at ?? now);
  return {
    clientOrderId: update.clientOrderId,
    followerId: update.followerId,
    whaleId: update.whaleId,
    venue: update.venue,
    symbol: update.symbol,
    side: update.side,
    amount: update.amount,
    reduceOnly: update.reduceOnly ?? null,
    leg: update.leg ?? null,
    whaleSeq: update.whaleSeq ?? null,
    status: update.status,
    statusRank: STATUS_RANK[update.status],
    filledAmount: update.filledAmount ?? 0,
    avgPrice: update.avgPrice ?? null,
    venueOrderId: update.venueOrderId ?? null,
    error: update.error ?? null,
    attempts: update.attempts ?? 0,
    createdAt: at,
    updatedAt: at,
  };
}

const current = (column: PgColumn) => sql.raw(`"orders"."${column.name}"`);
const proposed = (column: PgColumn) => sql.raw(`excluded."${column.name}"`);
/** The SQL twin of order-status.ts `advances`. */
const advance = sql`(${proposed(orders.statusRank)} > ${current(orders.statusRank)} or (${proposed(orders.statusRank)} = ${current(orders.statusRank)} and ${current(orders.statusRank)} > 0 and ${current(orders.statusRank)} < ${sql.raw(String(TERMINAL_RANK))}))`;
const ifAdvance = (column: PgColumn) => sql`case when ${advance} then ${proposed(column)} else ${current(column)} end`;
const preferIfAdvance = (column: PgColumn) =>
  sql`case when ${advance} then coalesce(${proposed(column)}, ${current(column)}) else coalesce(${current(column)}, ${proposed(column)}) end`;
const firstKnown = (column: PgColumn) => sql`coalesce(${current(column)}, ${proposed(column)})`;
const greatest = (column: PgColumn) => sql`greatest(${current(column)}, ${proposed(column)})`;

const upsertSet = {
  status: ifAdvance(orders.status),
  statusRank: ifAdvance(orders.statusRank),
  error: ifAdvance(orders.error),
  avgPrice: preferIfAdvance(orders.avgPrice),
  venueOrderId: preferIfAdvance(orders.venueOrderId),
  reduceOnly: firstKnown(orders.reduceOnly),
  leg: firstKnown(orders.leg),
  whaleSeq: firstKnown(orders.whaleSeq),
  filledAmount: greatest(orders.filledAmount),
  attempts: greatest(orders.attempts),
  updatedAt: greatest(orders.updatedAt),
};

export function createOrderRepository(ctx: RepositoryContext): OrderRepository {
  const { db } = ctx;
  return {
    async upsert(updates) {
      if (updates.length === 0) return;
      const now = Date.now();
      const values = foldOrderUpdates(updates).map((update) => toInsert(update, now));
      await db.insert(orders).values(values).onConflictDoUpdate({ target: orders.clientOrderId, set: upsertSet });
    },
    async get(clientOrderId) {
      const [row] = await db.select().from(orders).where(eq(orders.clientOrderId, clientOrderId));
      return row === undefined ? null : toOrder(row);
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.followerId !== undefined) conditions.push(eq(orders.followerId, filter.followerId));
      if (filter.whaleId !== undefined) conditions.push(eq(orders.whaleId, filter.whaleId));
      if (filter.status !== undefined) {
        conditions.push(inArray(orders.status, Array.isArray(filter.status) ? filter.status : [filter.status]));
      }
      const rows = await db.select().from(orders).where(and(...conditions))
        .orderBy(desc(orders.createdAt), desc(orders.clientOrderId)).limit(filter.limit ?? 100);
      return rows.map(toOrder);
    },
    async listOpen(filter = {}) {
      const conditions: SQL[] = [lt(orders.statusRank, TERMINAL_RANK)];
      if (filter.followerId !== undefined) conditions.push(eq(orders.followerId, filter.followerId));
      if (filter.venue !== undefined) conditions.push(eq(orders.venue, filter.venue));
      const rows = await db.select().from(orders).where(and(...conditions)).orderBy(orders.createdAt);
      return rows.map(toOrder);
    },
  };
}
