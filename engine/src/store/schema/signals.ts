// Table `signals`: journal of what the engine emitted per whale event and shard (signals), and what
// it refused (denials) or passed over (skips). Append-only, written behind the hot path.
import { bigint, bigserial, check, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { SignalKind } from '../types';
import { bytea, oneOf, timestampTz } from './columns';

export const signals = pgTable('signals', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind').$type<SignalKind>().notNull(),
  whaleId: text('whale_id').notNull(),
  whaleSeq: bigint('whale_seq', { mode: 'number' }).notNull(),
  shard: integer('shard').notNull(),
  followerCount: integer('follower_count').notNull(),
  payload: bytea('payload'),
  detail: jsonb('detail').$type<Record<string, unknown>>(),
  ts: timestampTz('ts').notNull(),
}, (t) => [
  index('signals_whale_seq_idx').on(t.whaleId, t.whaleSeq),
  index('signals_ts_idx').on(t.ts),
  check('signals_kind_check', oneOf(t.kind, ['signal', 'denial', 'skip'])),
]);
