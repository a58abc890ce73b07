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

export class FillRecorder {
  constructor(private readonly d: FillRecorderDeps) {}

  onTrade(t: FollowerTradeEvent): void {
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
