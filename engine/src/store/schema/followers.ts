// Table `followers`: accounts that copy whales. Venue credentials are stored only sealed
// (AES-GCM, additional data `${id}|${venue}`); the address column holds the public wallet address only.
import { check, pgTable, text } from 'drizzle-orm/pg-core';
import type { TradingState, Venue } from '../types';
import { bytea, oneOf, timestampTz, TRADING_STATES, VENUES } from './columns';

export const followers = pgTable('followers', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  venue: text('venue').$type<Venue>().notNull(),
  address: text('address'),
  credentials: bytea('credentials').notNull(),
  state: text('state').$type<TradingState>().notNull().default('active'),
  createdAt: timestampTz('created_at').notNull().defaultNow(),
  lastError: text('last_error'),
}, (t) => [
  check('followers_venue_check', oneOf(t.venue, VENUES)),
  check('followers_state_check', oneOf(t.state, TRADING_STATES)),
]);
