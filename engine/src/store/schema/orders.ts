// Table `orders`: the outbox of order intents and their outcomes, keyed by the deterministic client
// order id. Rows are written by upsert only; status_rank makes status move forward, never back.
import { sql } from 'drizzle-orm';
import { boolean, check, doublePrecision, index, integer, pgTable, smallint, text, bigint } from 'drizzle-orm/pg-core';
import { ORDER_STATUSES, type OrderStatus, type Side, type Venue } from '../types';
import { oneOf, SIDES, timestampTz, VENUES } from './columns';

export const orders = pgTable('orders', {
  clientOrderId: text('client_order_id').primaryKey(),
  followerId: text('follower_id').notNull(),
  whaleId: text('whale_id').notNull(),
  venue: text('venue').$type<Venue>().notNull(),
  symbol: text('symbol').notNull(),
  side: text('side').$type<Side>().notNull(),
  amount: doublePrecision('amount').notNull(),
  reduceOnly: boolean('reduce_only'),
  leg: smallint('leg'),
  whaleSeq: bigint('whale_seq', { mode: 'number' }),
  status: text('status').$type<OrderStatus>().notNull(),
  /** Order of `status` in its lifecycle (see order-status.ts); an upsert only moves it up. */
  statusRank: smallint('status_rank').notNull(),
  filledAmount: doublePrecision('filled_amount').notNull().default(0),
  avgPrice: doublePrecision('avg_price'),
  venueOrderId: text('venue_order_id'),
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestampTz('created_at').notNull(),
  updatedAt: timestampTz('updated_at').notNull(),
}, (t) => [
  index('orders_follower_created_idx').on(t.followerId, t.createdAt),
  index('orders_whale_seq_idx').on(t.whaleId, t.whaleSeq),
  index('orders_open_idx').on(t.followerId).where(sql`${t.statusRank} < 4`),
  check('orders_status_check', oneOf(t.status, ORDER_STATUSES)),
  check('orders_side_check', oneOf(t.side, SIDES)),
  check('orders_venue_check', oneOf(t.venue, VENUES)),
  check('orders_leg_check', sql`${t.leg} is null or ${t.leg} in (0, 1)`),
]);
