// The copy engine's contract: what it reads (books, markets, marks), what it is told (whale changes) and what
// it reports besides signals (skips, denials, publish failures).
import type { FollowerBook, WhaleBook } from '../book';
import type { Bus, HopStamps, OrderSignal, ShardPayload } from '../bus';
import type { Clock } from '../core';
import type { DiffReason } from '../diff';
import type { MarketSpec, Venue } from '../model';
import type { OrderDenied, TradingStates } from '../risk';

export interface MarketCatalog {
  /** The follower venue's market for a base asset ('BTC'), or undefined if the venue has none. */
  market(venue: Venue, base: string): MarketSpec | undefined;
}

export interface WhaleChange {
  whaleId: string;
  /** Symbols (whale venue's unified symbols) whose contracts changed. */
  changed: readonly string[];
  venueTs: number;
  rxTs: number;
}

/**
 * Skips decided by the copy engine before the diff: no market on the follower's venue, a venue rejection
 * blocks repairs, the follower's positions are not known yet, or another follow of the follower (it copies
 * several whales) has not sized its target in the market yet while its whale holds it.
 */
export type SkipReason = 'no_market' | 'blocked_after_reject' | 'positions_unknown' | 'other_follow_unsized';

/** What the engine reports besides signals: skips and denials are events with reasons, never exceptions. */
export interface CopyObserver {
  /**
   * After the XADD of one pass is acknowledged: the encoded batches, and every signal in them. The batches'
   * buffers are reused by a later pass once this returns: copy the bytes to keep them.
   */
  emitted?(whaleId: string, seq: number, items: readonly ShardPayload[], signals: readonly (readonly OrderSignal[])[], hops: HopStamps): void;
  skipped?(followId: string, followerId: string, symbol: string, reason: DiffReason | SkipReason, carried: number): void;
  denied?(denial: OrderDenied): void;
  publishFailed?(whaleId: string, error: unknown): void;
  /** A wait_next_change follow stopped waiting out the whale's position in `whaleSymbol` (the whale changed it). */
  waitingEnded?(followId: string, whaleSymbol: string): void;
}

export interface CopyEngineOptions {
  bus: Pick<Bus, 'publishBatch'>;
  shards: number;
  whales: WhaleBook;
  followers: FollowerBook;
  states: TradingStates;
  markets: MarketCatalog;
  /** Mark price of a unified symbol on a venue, if known. */
  mark(venue: Venue, symbol: string): number | undefined;
  clock: Clock;
  observer?: CopyObserver;
  /** First whale event sequence; default: the clock in microseconds, so a restart continues upward. */
  seqSeed?: number;
}
