// Table `fills`: executed trades of follower orders, one row per venue trade (unique per venue).
// Append-only journal; no foreign keys so write-behind batches never wait on other tables.
import { bigserial, check, doublePrecision, index, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Side, Venue } from '../types';
import { oneOf, SIDES, timestampTz, VENUES } from './columns';

export const fills = pgTable('fills', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  clientOrderId: text('client_order_id').notNull(),
  followerId: text('follower_id').notNull(),
  venue: text('venue').$type<Venue>().notNull(),
  symbol: text('symbol').notNull(),
  side: text('side').$type<Side>().notNull(),
  amount: doublePrecision('amount').notNull(),
  price: doublePrecision('price').notNull(),
  fee: doublePrecision('fee').notNull(),
  feeCurrency: text('fee_currency'),
  venueTradeId: text('venue_trade_id').notNull(),
  ts: timestampTz('ts').notNull(),
}, (t) => [
  uniqueIndex('fills_venue_trade_unique').on(t.venue, t.venueTradeId),
  index('fills_client_order_idx').on(t.clientOrderId),
  index('fills_follower_ts_idx').on(t.followerId, t.ts),
  check('fills_side_check', oneOf(t.side, SIDES)),
  check('fills_venue_check', oneOf(t.venue, VENUES)),
]);
