// Repository of the signals journal (signals, denials, skips per whale event and shard).
// Append-only; the hot path reaches it only through the write-behind JournalWriter.
import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
import { signals } from '../schema';
import type { SignalEntry, SignalKind, SignalRecord } from '../types';
import type { RepositoryContext } from './context';

export interface SignalJournalRepository {
  append(entries: readonly SignalEntry[]): Promise<void>;
  /** Newest first; `beforeId` pages backwards. */
  list(filter?: { whaleId?: string; kind?: SignalKind; beforeId?: number; limit?: number }): Promise<SignalRecord[]>;
}

type Row = typeof signals.$inferSelect;

const toSignal = (row: Row): SignalRecord => ({
  id: row.id,
  kind: row.kind,
  whaleId: row.whaleId,
  whaleSeq: row.whaleSeq,
  shard: row.shard,
  followerCount: row.followerCount,
  payload: row.payload,
  detail: row.detail,
  ts: row.ts,
});

export function createSignalJournalRepository(ctx: RepositoryContext): SignalJournalRepository {
  const { db } = ctx;
  return {
    async append(entries) {
      if (entries.length === 0) return;
      const now = Date.now();
      await db.insert(signals).values(entries.map((entry) => ({
        kind: entry.kind,
        whaleId: entry.whaleId,
        whaleSeq: entry.whaleSeq,
        shard: entry.shard,
        followerCount: entry.followerCount,
        payload: entry.payload ?? null,
        detail: entry.detail ?? null,
        ts: new Date(entry.ts ?? now),
      })));
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.whaleId !== undefined) conditions.push(eq(signals.whaleId, filter.whaleId));
      if (filter.kind !== undefined) conditions.push(eq(signals.kind, filter.kind));
      if (filter.beforeId !== undefined) conditions.push(lt(signals.id, filter.beforeId));
      const rows = await db.select().from(signals).where(and(...conditions))
        .orderBy(desc(signals.id)).limit(filter.limit ?? 100);
      return rows.map(toSignal);
    },
  };
}
