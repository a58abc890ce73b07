// Table `webhook_journal`: every TradingView webhook received, accepted or not. An idempotency key
// is unique among accepted rows only, so a replay is journaled as rejected instead of failing.
import { sql } from 'drizzle-orm';
import { bigserial, boolean, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { timestampTz } from './columns';

export const webhookJournal = pgTable('webhook_journal', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  strategy: text('strategy').notNull(),
  idempotencyKey: text('idempotency_key').notNull(),
  accepted: boolean('accepted').notNull(),
  reason: text('reason'),
  sourceIp: text('source_ip'),
  body: text('body').notNull(),
  ts: timestampTz('ts').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('webhook_journal_accepted_key_unique').on(t.idempotencyKey).where(sql`${t.accepted}`),
  index('webhook_journal_strategy_ts_idx').on(t.strategy, t.ts),
]);
