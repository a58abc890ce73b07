// Repository of fills: one multi-row insert per batch; a venue trade already stored is skipped
// (unique per venue), so a replayed report never double-counts. An order's fills are its venue trades or
// the one row recorded from its report (REPORT_FILL_PREFIX), never both, across batches and restarts too.
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { fills } from '../schema';
import { REPORT_FILL_PREFIX, type FillEntry, type FillRecord } from '../types';
import type { RepositoryContext } from './context';

export interface FillRepository {
  /**
   * Inserts fills, skipping venue trades already stored, a report row for an order with any fill stored,
   * and trades of an order recorded from its report (a venue replaying its recent trades after a restart);
   * within one batch an order's trades win over its report row. Returns how many were new.
   */
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
    async insert(given) {
      if (given.length === 0) return 0;
      const entries = await oneKindPerOrder(ctx, given);
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

const isReportRow = (venueTradeId: string) => venueTradeId.startsWith(REPORT_FILL_PREFIX);

/** The entries an order may still take: see FillRepository.insert. One query for the batch's orders. */
async function oneKindPerOrder({ db }: RepositoryContext, entries: readonly FillEntry[]): Promise<FillEntry[]> {
  const key = (venue: string, cid: string) => `${venue} ${cid}`;
  const stored = await db.select({ venue: fills.venue, clientOrderId: fills.clientOrderId, venueTradeId: fills.venueTradeId }).from(fills)
    .where(inArray(fills.clientOrderId, [...new Set(entries.map((e) => e.clientOrderId))]));
  const kind = new Map<string, 'trades' | 'report'>();
  for (const row of stored) kind.set(key(row.venue, row.clientOrderId), isReportRow(row.venueTradeId) ? 'report' : 'trades');
  const kept: FillEntry[] = [];
  // Trades first: in one batch an order's trades win over its report row.
  for (const e of [...entries.filter((x) => !isReportRow(x.venueTradeId)), ...entries.filter((x) => isReportRow(x.venueTradeId))]) {
    const k = key(e.venue, e.clientOrderId);
    const mine = isReportRow(e.venueTradeId) ? 'report' : 'trades';
    const known = kind.get(k);
    if (known !== undefined && (known !== mine || mine === 'report')) continue;
    kind.set(k, mine);
    kept.push(e);
  }
  return kept;
}
