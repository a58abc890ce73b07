// Table `audit_log`: who did what to which target, append-only.
import { bigserial, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { timestampTz } from './columns';

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  actor: text('actor').notNull(),
  action: text('action').notNull(),
  target: text('target').notNull(),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  ts: timestampTz('ts').notNull().defaultNow(),
}, (t) => [
  index('audit_log_ts_idx').on(t.ts),
  index('audit_log_target_idx').on(t.target),
]);
