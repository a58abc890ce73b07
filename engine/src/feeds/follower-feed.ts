// A follower's own account: actual positions (full books) and order updates, so the engine knows what
// is held and what is in flight. One ccxt instance per follower account; no ccxt type leaves.
import { AccountStream } from './account-stream';
import { toFollowerOrderEvent } from './order-frame';
import { toFollowerTradeEvent } from './trade-frame';
import type { FeedStatus, FollowerFeedOptions, PositionBook } from './types';

export class FollowerFeed {
  readonly followerId: string;
  private readonly stream: AccountStream;

  constructor(o: FollowerFeedOptions) {
    this.followerId = o.followerId;
    const { onPositions, onOrder, onTrade } = o;
    const venue = o.account.venue;
    this.stream = new AccountStream({
      accountId: o.followerId,
      account: o.account,
      baseUrl: o.baseUrl,
      backoff: o.backoff,
      // Off by default: thousands of followers reconciling would spend the venue's per-IP REST weight.
      reconcileEveryMs: o.reconcileEveryMs ?? 0,
      timeoutMs: o.timeoutMs,
      enableRateLimit: o.enableRateLimit,
      clock: o.clock,
      markets: o.markets,
      watchOrders: onOrder !== undefined,
      onEquity: o.onEquity,
      onError: o.onError,
      onBook: (applied, source, venueTs, rxTs) => {
        onPositions({ followerId: this.followerId, positions: applied.book, changed: applied.changed, venueTs, rxTs, source });
      },
      onOrders: (orders, rxTs) => {
        if (onOrder === undefined) return;
        for (let i = 0; i < orders.length; i++) {
          const event = toFollowerOrderEvent(this.followerId, orders[i]!, rxTs);
          if (event !== undefined) onOrder(event);
        }
      },
      onTrades: onTrade === undefined ? undefined : (trades, rxTs) => {
        for (let i = 0; i < trades.length; i++) {
          const event = toFollowerTradeEvent(this.followerId, venue, trades[i]!, rxTs);
          if (event !== undefined) onTrade(event);
        }
      },
    });
  }

  get positions(): PositionBook {
    return this.stream.book;
  }

  get status(): FeedStatus {
    return this.stream.status;
  }

  /** See AccountStream.liveSince: executions after this time reach onTrade. */
  get liveSince(): number {
    return this.stream.liveSince;
  }

  start(): Promise<void> {
    return this.stream.start();
  }

  whenSynced(): Promise<void> {
    return this.stream.whenSynced();
  }

  stop(): Promise<void> {
    return this.stream.stop();
  }
}
