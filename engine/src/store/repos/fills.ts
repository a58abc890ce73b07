// Repository of fills: one multi-row insert per batch; a venue trade already stored is skipped
// (unique per venue), so a replayed report never double-counts.
import { and, desc, eq, type SQL } from 'drizzle-orm';
import { fills } from '../schema';
import type { FillEntry, FillRecord } from '../types';
import type { RepositoryContext } from './context';

export interface FillRepository {
  /** Inserts fills, skipping venue trades already stored; returns how many were new. */
  insert(entries: readonly FillEntry[]): Promise<number>;
  list(filter?: { followerId?: string; clientOrderId?: string; limit?: number }): Promise<FillRecord[]>;
}

type Row = typeof fills.$inferSelect;

const toFill = (row: Row): FillRecord => ({
  id: row.id,
  clientOrderId: row.clientOrderId,
  followerId: row.followerId,
  venue: row.venue,
  symbol: row.symbol,
  side: row.side,
  amount: row.amount,
  price: row.price,
  fee: row.fee,
  feeCurrency: row.feeCurrency,
  venueTradeId: row.venueTradeId,
  ts: row.ts,
});

export function createFillRepository(ctx: RepositoryContext): FillRepository {
  const { db } = ctx;
  return {
    async insert(entries) {
      if (entries.length === 0) return 0;
      const inserted = await db.insert(fills).values(entries.map((entry) => ({
        clientOrderId: entry.clientOrderId,
        followerId: entry.followerId,
        venue: entry.venue,
        symbol: entry.symbol,
        side: entry.side,
        amount: entry.amount,
        price: entry.price,
        fee: entry.fee,
        feeCurrency: entry.feeCurrency ?? null,
        venueTradeId: entry.venueTradeId,
        ts: new Date(entry.ts),
      }))).onConflictDoNothing({ target: [fills.venue, fills.venueTradeId] }).returning({ id: fills.id });
      return inserted.length;
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.followerId !== undefined) conditions.push(eq(fills.followerId, filter.followerId));
      if (filter.clientOrderId !== undefined) conditions.push(eq(fills.clientOrderId, filter.clientOrderId));
      const rows = await db.select().from(fills).where(and(...conditions))
        .orderBy(desc(fills.ts), desc(fills.id)).limit(filter.limit ?? 100);
      return rows.map(toFill);
    },
  };
}
