// Fill rows of follower orders. The follower's own trade stream is the source (one row per venue trade,
// with the venue's fee); an execution report writes a row (fee unknown: 0) only for an order whose trades
// the stream may have missed, because it was down or had just (re)connected since the order was made. The
// store keeps one kind per order (FillRepository.insert), so amounts are never counted twice.
import type { ExecutionReport } from '../bus';
import type { Clock } from '../core';
import type { FollowerTradeEvent } from '../feeds';
import { REPORT_FILL_PREFIX, type FillEntry } from '../store';

export interface FillRecorderDeps {
  appendFill(entry: FillEntry): void;
  /** Mark price when a report carries no average price. */
  mark(venue: ExecutionReport['venue'], symbol: string): number | undefined;
  /** Since when the follower's trade stream has been up without a break (Infinity: down or no feed). */
  liveSince(followerId: string): number;
  clock: Clock;
  /** Told of every row appended (metrics). */
  onFill?(venue: ExecutionReport['venue'], source: 'trade' | 'report'): void;
}

/**
 * The stream counts as live this long after its socket opened: subscriptions (Hyperliquid's userFills, the
 * watch calls ccxt re-arms) take effect a moment after the open, and a trade in between would be missed.
 */
export const STREAM_SETTLE_MS = 2_000;

/**
 * Trades older than this before the newest one seen for the follower (or before the recorder started) are a
 * venue replaying what is recorded already: Hyperliquid re-sends an account's recent fills (up to 2,000) on
 * every subscribe, so each reconnect would journal them all again (the store would drop them, one by one).
 * The slack covers trades delivered out of order and the venue's clock being behind ours.
 */
export const REPLAY_SLACK_MS = 60_000;

export class FillRecorder {
  /** Newest trade time seen per follower (venue clock). */
  private readonly newest = new Map<string, number>();
  private readonly startedAtMs: number;

  constructor(private readonly d: FillRecorderDeps) {
    this.startedAtMs = d.clock.nowMs();
  }

  onTrade(t: FollowerTradeEvent): void {
    const newest = this.newest.get(t.followerId);
    if (t.venueTs < (newest ?? this.startedAtMs) - REPLAY_SLACK_MS) return;
    if (newest === undefined || t.venueTs > newest) this.newest.set(t.followerId, t.venueTs);
    this.d.appendFill({
      clientOrderId: t.clientOrderId, followerId: t.followerId, venue: t.venue, symbol: t.symbol, side: t.side,
      amount: t.amount, price: t.price, fee: t.fee, feeCurrency: t.feeCurrency, venueTradeId: t.venueTradeId, ts: t.venueTs,
    });
    this.d.onFill?.(t.venue, 'trade');
  }

  /** A terminal report with a fill: a row at the average price, unless the trade stream has (or will have) it. */
  onReport(r: ExecutionReport): void {
    const amount = Number(r.filledAmount);
    const terminal = r.status !== 'unknown' && r.status !== 'partially_filled';
    const price = Number(r.avgPrice) || this.d.mark(r.venue, r.symbol);
    if (!terminal || !(amount > 0) || !price || !r.venueOrderId) return;
    // The engine stamped diffDoneMs before the order existed: a stream live since then sees all of its trades.
    const created = r.hops.diffDoneMs > 0 ? r.hops.diffDoneMs : Number.NEGATIVE_INFINITY;
    if (this.d.liveSince(r.followerId) + STREAM_SETTLE_MS <= created) return;
    this.d.appendFill({
      clientOrderId: r.clientOrderId, followerId: r.followerId, venue: r.venue, symbol: r.symbol, side: r.side,
      amount, price, fee: 0, venueTradeId: `${REPORT_FILL_PREFIX}${r.venueOrderId}`, ts: r.hops.venueAckMs || this.d.clock.nowMs(),
    });
    this.d.onFill?.(r.venue, 'report');
  }
}
