// A whale's positions from its venue account (Binance USD-M lead key, or a Hyperliquid address), as
// full books stamped with the whale event sequence. One ccxt instance per whale; no ccxt type leaves.
import { InvalidArgumentError, systemClock } from '../core';
import { AccountStream } from './account-stream';
import type { FeedStatus, PositionBook, WhaleFeedOptions } from './types';

/** Default first sequence: now in microseconds, so a restart without a stored sequence still continues upward. */
export function defaultSeqSeed(nowMs: number): number {
  return Math.floor(nowMs * 1000);
}

export class WhaleFeed {
  readonly whaleId: string;
  private seq: number;
  private readonly stream: AccountStream;

  constructor(o: WhaleFeedOptions) {
    const seed = o.lastSeq ?? defaultSeqSeed((o.clock ?? systemClock).nowMs());
    if (!Number.isSafeInteger(seed) || seed < 0) throw new InvalidArgumentError(`lastSeq must be a safe non-negative integer, got ${seed}`, { ids: { whaleId: o.whaleId } });
    this.whaleId = o.whaleId;
    this.seq = seed;
    const onPositions = o.onPositions;
    this.stream = new AccountStream({
      accountId: o.whaleId,
      account: o.account,
      baseUrl: o.baseUrl,
      backoff: o.backoff,
      reconcileEveryMs: o.reconcileEveryMs ?? 60_000,
      timeoutMs: o.timeoutMs,
      enableRateLimit: o.enableRateLimit,
      clock: o.clock,
      markets: o.markets,
      watchOrders: false,
      onEquity: o.onEquity,
      onError: o.onError,
      onBook: (applied, source, venueTs, rxTs) => {
        onPositions({ whaleId: this.whaleId, seq: ++this.seq, positions: applied.book, changed: applied.changed, venueTs, rxTs, source });
      },
    });
  }

  /** The last sequence emitted (or the seed); persist it to continue upward after a restart. */
  get lastSeq(): number {
    return this.seq;
  }

  /** The whale's current full book as the feed knows it. */
  get positions(): PositionBook {
    return this.stream.book;
  }

  get status(): FeedStatus {
    return this.stream.status;
  }

  start(): Promise<void> {
    return this.stream.start();
  }

  /** Resolves once a REST snapshot has been applied since the last (re)connect. */
  whenSynced(): Promise<void> {
    return this.stream.whenSynced();
  }

  stop(): Promise<void> {
    return this.stream.stop();
  }
}
