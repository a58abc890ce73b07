// Table `follows`: which follower copies which whale, and how (sizing, caps, leverage, symbols).
// One row per (whale, follower); deleting either side deletes the follow.
import { check, jsonb, pgTable, text, uniqueIndex, index } from 'drizzle-orm/pg-core';
import type { Caps, ExistingPolicy, LeveragePolicy, Sizing, SymbolFilter, TradingState } from '../types';
import { oneOf, timestampTz, TRADING_STATES } from './columns';
import { followers } from './followers';
import { whales } from './whales';

export const follows = pgTable('follows', {
  id: text('id').primaryKey(),
  whaleId: text('whale_id').notNull().references(() => whales.id, { onDelete: 'cascade' }),
  followerId: text('follower_id').notNull().references(() => followers.id, { onDelete: 'cascade' }),
  sizing: jsonb('sizing').$type<Sizing>().notNull(),
  caps: jsonb('caps').$type<Caps>().notNull(),
  leverage: jsonb('leverage').$type<LeveragePolicy>().notNull(),
  symbols: jsonb('symbols').$type<SymbolFilter>().notNull(),
  existing: text('existing').$type<ExistingPolicy>().notNull(),
  state: text('state').$type<TradingState>().notNull().default('active'),
  /**
   * wait_next_change: the whale positions (whale symbol -> contracts) the follow still waits out, fixed when the
   * engine first registered it and shrinking as the whale changes them; null until then. Restarts read it
   * instead of taking whatever the whale holds at that moment for "existing".
   */
  waitingOut: jsonb('waiting_out').$type<Record<string, number>>(),
  createdAt: timestampTz('created_at').notNull().defaultNow(),
}, (t) => [
  uniqueIndex('follows_whale_follower_unique').on(t.whaleId, t.followerId),
  index('follows_follower_idx').on(t.followerId),
  check('follows_existing_check', oneOf(t.existing, ['copy_now', 'wait_next_change'])),
  check('follows_state_check', oneOf(t.state, TRADING_STATES)),
]);
