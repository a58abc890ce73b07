// Table `whales`: the accounts or strategies that are copied. Secrets are stored only sealed
// (credentials, AES-GCM) or keyed-hashed (TradingView secret); never in clear.
import { sql } from 'drizzle-orm';
import { check, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import type { TickerMap, TradingState, WhaleKind } from '../types';
import { bytea, oneOf, timestampTz, TRADING_STATES, WHALE_KINDS } from './columns';

export const whales = pgTable('whales', {
  id: text('id').primaryKey(),
  kind: text('kind').$type<WhaleKind>().notNull(),
  name: text('name').notNull(),
  address: text('address'),
  /** Sealed read-only API key of a Binance lead account (version byte + IV + AES-GCM ciphertext). */
  credentials: bytea('credentials'),
  /** Keyed hash (HMAC-SHA256, version byte first) of the TradingView webhook secret. */
  secretHash: bytea('secret_hash'),
  tickerMap: jsonb('ticker_map').$type<TickerMap>(),
  state: text('state').$type<TradingState>().notNull().default('active'),
  createdAt: timestampTz('created_at').notNull().defaultNow(),
}, (t) => [
  check('whales_kind_check', oneOf(t.kind, WHALE_KINDS)),
  check('whales_state_check', oneOf(t.state, TRADING_STATES)),
  check('whales_hyperliquid_address_check', sql`${t.kind} <> 'hyperliquid' or ${t.address} is not null`),
]);
