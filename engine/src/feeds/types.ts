// Engine-side shapes the feeds emit and take: position books, order updates, equity, status, options.
// Types only; no ccxt type may appear here (the feeds map venue data to these at the edge).
import type { Clock } from '../core';
import type { Position, Venue } from '../model';
import type { MarketTables } from './markets';

/** A full position book of one account: symbol -> position, zero positions removed. Never mutated once emitted. */
export type PositionBook = ReadonlyMap<string, Position>;

/** Where a book came from: a pushed stream frame, or a REST snapshot taken after a (re)connect or a reconcile. */
export type BookSource = 'stream' | 'snapshot';

/** A whale's positions changed (emitted only when some symbol's contracts changed). */
export interface WhalePositionsEvent {
  readonly whaleId: string;
  /** Monotonic per whale within a process and upward across restarts (seeded); the "whale event sequence". */
  readonly seq: number;
  /** The whale's full current book (zeros removed). */
  readonly positions: PositionBook;
  /** Symbols whose contracts changed (a closed symbol is listed and absent from `positions`). */
  readonly changed: readonly string[];
  /** Venue event time (epoch ms); the receive time when the venue gives none. */
  readonly venueTs: number;
  /** When the frame or snapshot reached the feed (epoch ms with a microsecond fraction). */
  readonly rxTs: number;
  readonly source: BookSource;
}

/** A follower's own positions changed (same rules as the whale event, without a sequence). */
export interface FollowerPositionsEvent {
  readonly followerId: string;
  readonly positions: PositionBook;
  readonly changed: readonly string[];
  readonly venueTs: number;
  readonly rxTs: number;
  readonly source: BookSource;
}

export type FollowerOrderStatus = 'open' | 'partially_filled' | 'filled' | 'canceled' | 'rejected' | 'expired';

/** An order update from the follower's own venue stream. */
export interface FollowerOrderEvent {
  readonly followerId: string;
  readonly clientOrderId: string;
  readonly venueOrderId: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  readonly status: FollowerOrderStatus;
  /** Cumulative filled contracts, positive. */
  readonly filled: number;
  /** Average fill price; 0 = not known. */
  readonly avgPrice: number;
  readonly venueTs: number;
  readonly rxTs: number;
}

/** One execution (trade) of an engine order on the follower's account, from its own venue stream. */
export interface FollowerTradeEvent {
  readonly followerId: string;
  readonly venue: Venue;
  readonly clientOrderId: string;
  /** The venue's trade id (unique per venue): a trade seen twice is one fill. */
  readonly venueTradeId: string;
  readonly venueOrderId: string;
  readonly symbol: string;
  readonly side: 'buy' | 'sell';
  /** Contracts of this trade, positive. */
  readonly amount: number;
  readonly price: number;
  /** Commission the venue charged for this trade (0 when it reports none). */
  readonly fee: number;
  readonly feeCurrency: string | null;
  readonly venueTs: number;
  readonly rxTs: number;
}

/** Account equity in the venue's quote currency (USDT on binanceusdm, USDC on hyperliquid). */
export interface EquityEvent {
  readonly accountId: string;
  readonly equity: number;
  readonly currency: string;
  readonly source: BookSource;
  readonly rxTs: number;
}

/** Health of one feed, for /health and metrics. Times are epoch ms; 0 = never. */
export interface FeedStatus {
  readonly connected: boolean;
  /** A REST snapshot has been applied since the last (re)connect: the stream is trusted again. */
  readonly synced: boolean;
  readonly lastMessageAt: number;
  readonly lastSnapshotAt: number;
  /** Connections opened after the first one. */
  readonly reconnects: number;
  readonly lastError: string | undefined;
}

/** The venue account a feed reads, with read-only credentials. */
export type FeedAccount =
  | { readonly venue: 'binanceusdm'; readonly apiKey: string; readonly secret: string }
  | { readonly venue: 'hyperliquid'; readonly address: string };

export interface BackoffOptions {
  /** First retry delay. */
  readonly baseMs: number;
  /** Largest delay. */
  readonly maxMs: number;
  /** Part of each delay that is random (0 = none, 1 = full jitter). */
  readonly jitter: number;
  /** A connection healthy this long starts the next failure from baseMs again. */
  readonly resetAfterMs: number;
}

export interface FeedErrorInfo {
  readonly accountId: string;
  readonly venue: Venue;
  readonly error: Error;
}

/** Options every feed takes. */
export interface FeedCommonOptions {
  readonly account: FeedAccount;
  /** Venue base URL (e.g. the simulator's http://127.0.0.1:P); unset = the real venue. */
  readonly baseUrl?: string;
  readonly backoff?: Partial<BackoffOptions>;
  /** REST reconcile while connected, every this many ms (heals silently lost pushes); 0 = off. */
  readonly reconcileEveryMs?: number;
  readonly timeoutMs?: number;
  /** ccxt's per-instance REST throttle (default on; it does not coordinate instances sharing an IP). */
  readonly enableRateLimit?: boolean;
  readonly clock?: Clock;
  /** Shares one loaded market table per venue and base URL between feeds. */
  readonly markets?: MarketTables;
  /** Called once per failure (stream error, failed snapshot), never per frame. */
  readonly onError?: (info: FeedErrorInfo) => void;
  readonly onEquity?: (event: EquityEvent) => void;
}

export interface WhaleFeedOptions extends FeedCommonOptions {
  readonly whaleId: string;
  /** The last sequence already used for this whale (e.g. from storage); events continue above it. Default: now in microseconds. */
  readonly lastSeq?: number;
  readonly onPositions: (event: WhalePositionsEvent) => void;
}

export interface FollowerFeedOptions extends FeedCommonOptions {
  readonly followerId: string;
  readonly onPositions: (event: FollowerPositionsEvent) => void;
  readonly onOrder?: (event: FollowerOrderEvent) => void;
  /** Executions of the engine's orders with their fees (ccxt watchMyTrades); the stream is watched only when set. */
  readonly onTrade?: (event: FollowerTradeEvent) => void;
}
