// Domain shapes the store reads and writes: plain objects, no drizzle types. Engine-wide types
// (Venue, TradingState, Sizing, Follow, ...) come from engine/src/model and are re-exported here.
import type { ExistingPositionPolicy, Follow, OrderLeg, OrderSide, TradingState, Venue, WhaleKind } from '../model';

export type {
  Caps, ExistingPositionPolicy, Follow, LeveragePolicy, OrderLeg, OrderSide, Sizing, SymbolFilter, TradingState, Venue,
  WhaleKind,
} from '../model';
export type Side = OrderSide;
export type ExistingPolicy = ExistingPositionPolicy;

/** Ticker map of a TradingView strategy: alert ticker (e.g. 'BTCUSDT.P') -> ccxt unified symbol. */
export type TickerMap = Record<string, string>;

export interface Whale {
  id: string;
  kind: WhaleKind;
  name: string;
  /** Hyperliquid account address that is followed; null for other kinds. */
  address: string | null;
  tickerMap: TickerMap | null;
  state: TradingState;
  /** True when read-only lead-account credentials are stored (binanceusdm). */
  hasCredentials: boolean;
  /** True when a TradingView webhook secret hash is stored. */
  hasSecret: boolean;
  createdAt: Date;
}

export interface Follower {
  id: string;
  name: string;
  venue: Venue;
  /** Public account address (hyperliquid wallet credentials); null for api-key credentials. */
  address: string | null;
  state: TradingState;
  lastError: string | null;
  createdAt: Date;
}

export interface FollowRecord extends Follow {
  createdAt: Date;
  /** wait_next_change: whale symbol -> contracts still waited out; null until the engine first registered the follow. */
  waitingOut: Readonly<Record<string, number>> | null;
}

export const ORDER_STATUSES = [
  'pending', 'sent', 'unknown', 'partially_filled', 'filled', 'rejected', 'canceled', 'skipped',
] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** One write to the orders outbox: an intent (pending) or a later report about it. */
export interface OrderUpdate {
  clientOrderId: string;
  followerId: string;
  whaleId: string;
  venue: Venue;
  symbol: string;
  side: Side;
  /** Requested amount in contracts/base units. */
  amount: number;
  status: OrderStatus;
  reduceOnly?: boolean | null;
  leg?: OrderLeg | null;
  whaleSeq?: number | null;
  filledAmount?: number;
  avgPrice?: number | null;
  venueOrderId?: string | null;
  error?: string | null;
  attempts?: number;
  /** Epoch milliseconds of this update; defaults to the time it is written. */
  at?: number;
}

export interface OrderRecord {
  clientOrderId: string;
  followerId: string;
  whaleId: string;
  venue: Venue;
  symbol: string;
  side: Side;
  amount: number;
  status: OrderStatus;
  reduceOnly: boolean | null;
  leg: OrderLeg | null;
  whaleSeq: number | null;
  filledAmount: number;
  avgPrice: number | null;
  venueOrderId: string | null;
  error: string | null;
  attempts: number;
  createdAt: Date;
  updatedAt: Date;
}

/**
 * venueTradeId of a fill recorded from an order's execution report (`order-<venue order id>`) when the venue's
 * own trades of it were missed. An order's fills are either its trades or that one row, never both.
 */
export const REPORT_FILL_PREFIX = 'order-';

export interface FillEntry {
  clientOrderId: string;
  followerId: string;
  venue: Venue;
  symbol: string;
  side: Side;
  amount: number;
  price: number;
  fee: number;
  feeCurrency?: string | null;
  venueTradeId: string;
  /** Epoch milliseconds of the trade. */
  ts: number;
}
export interface FillRecord extends Omit<FillEntry, 'ts' | 'feeCurrency'> {
  id: number;
  feeCurrency: string | null;
  ts: Date;
}

export type SignalKind = 'signal' | 'denial' | 'skip';
export interface SignalEntry {
  kind: SignalKind;
  whaleId: string;
  whaleSeq: number;
  shard: number;
  followerCount: number;
  /** Encoded wire message (e.g. a SignalBatch), stored as is. */
  payload?: Uint8Array | null;
  /** Structured reason for denials and skips. */
  detail?: Record<string, unknown> | null;
  /** Epoch milliseconds; defaults to the time of append. */
  ts?: number;
}
export interface SignalRecord {
  id: number;
  kind: SignalKind;
  whaleId: string;
  whaleSeq: number;
  shard: number;
  followerCount: number;
  payload: Uint8Array | null;
  detail: Record<string, unknown> | null;
  ts: Date;
}

export type TokenScope = 'operator' | 'follower';
export interface ApiToken {
  id: string;
  scope: TokenScope;
  followerId: string | null;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface Operator {
  id: string;
  email: string;
  passwordHash: string;
  failedAttempts: number;
  lockedUntil: Date | null;
}

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  detail?: Record<string, unknown> | null;
}
export interface AuditRecord extends Required<AuditEntry> { id: number; ts: Date }

export interface WebhookEntry {
  strategy: string;
  idempotencyKey: string;
  accepted: boolean;
  reason?: string | null;
  sourceIp?: string | null;
  body: string;
}
export interface WebhookRecord extends Required<WebhookEntry> { id: number; ts: Date }
