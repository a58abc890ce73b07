// Repository of the webhook journal. An accepted entry whose idempotency key was already accepted
// is not stored as accepted: record() and recordMany() report it as a duplicate and journal it as rejected.
import { and, desc, eq, lt, sql, type SQL } from 'drizzle-orm';
import { webhookJournal } from '../schema';
import type { WebhookEntry, WebhookRecord } from '../types';
import type { RepositoryContext } from './context';
import { batchInsertStatement, decodeRow, normalizeEntries, resultRows, type BatchInsertRow } from './webhook-batch-insert';

export const DUPLICATE_REASON = 'duplicate idempotency key';

export interface WebhookJournalRepository {
  /** Journals a webhook; `duplicate` is true when an accepted one had the same key before. */
  record(entry: WebhookEntry): Promise<{ record: WebhookRecord; duplicate: boolean }>;
  /**
   * Journals many webhooks in one statement (all or nothing), each as record() would in this order:
   * an accepted entry whose key is already accepted, in the table or earlier in `entries`, is a duplicate.
   * Results are in input order; ids increase in input order.
   */
  recordMany(entries: readonly WebhookEntry[]): Promise<Array<{ record: WebhookRecord; duplicate: boolean }>>;
  list(filter?: { strategy?: string; accepted?: boolean; beforeId?: number; limit?: number }): Promise<WebhookRecord[]>;
}

type Row = typeof webhookJournal.$inferSelect;
const toWebhook = (row: Row): WebhookRecord => ({ ...row });

export function createWebhookJournalRepository(ctx: RepositoryContext): WebhookJournalRepository {
  const { db } = ctx;
  const insert = (entry: WebhookEntry, accepted: boolean, reason: string | null) => db.insert(webhookJournal).values({
    strategy: entry.strategy, idempotencyKey: entry.idempotencyKey, accepted, reason,
    sourceIp: entry.sourceIp ?? null, body: entry.body,
  });
  return {
    async record(entry) {
      if (entry.accepted) {
        const [row] = await insert(entry, true, entry.reason ?? null)
          .onConflictDoNothing({ target: webhookJournal.idempotencyKey, where: sql`${webhookJournal.accepted}` })
          .returning();
        if (row !== undefined) return { record: toWebhook(row), duplicate: false };
        const [rejected] = await insert(entry, false, DUPLICATE_REASON).returning();
        return { record: toWebhook(rejected!), duplicate: true };
      }
      const [row] = await insert(entry, false, entry.reason ?? null).returning();
      return { record: toWebhook(row!), duplicate: false };
    },
    async recordMany(entries) {
      if (entries.length === 0) return [];
      const normalized = normalizeEntries(entries);
      const rows = resultRows<BatchInsertRow>(await db.execute(batchInsertStatement(JSON.stringify(normalized), DUPLICATE_REASON)));
      return rows.map((row) => decodeRow(normalized[Number(row.ord)]!, row, DUPLICATE_REASON));
    },
    async list(filter = {}) {
      const conditions: SQL[] = [];
      if (filter.strategy !== undefined) conditions.push(eq(webhookJournal.strategy, filter.strategy));
      if (filter.accepted !== undefined) conditions.push(eq(webhookJournal.accepted, filter.accepted));
      if (filter.beforeId !== undefined) conditions.push(lt(webhookJournal.id, filter.beforeId));
      const rows = await db.select().from(webhookJournal).where(and(...conditions))
        .orderBy(desc(webhookJournal.id)).limit(filter.limit ?? 100);
      return rows.map(toWebhook);
    },
  };
}
