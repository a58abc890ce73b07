// Fill rows of follower orders. The follower's own trade stream is the source (one row per venue trade,
// with the venue's fee); an execution report writes a row (fee unknown: 0) only for an order whose trades
// the stream may have missed, because it was down at some point since the order was created. Amounts
// are never counted twice: an order filled from one source is skipped by the other.
import type { ExecutionReport } from '../bus';
import type { Clock } from '../core';
import type { FollowerTradeEvent } from '../feeds';
import type { FillEntry } from '../store';

export interface FillRecorderDeps {
  appendFill(entry: FillEntry): void;
  /** Mark price when a report carries no average price. */
  mark(venue: ExecutionReport['venue'], symbol: string): number | undefined;
  /** Since when the follower's trade stream has been up without a break (Infinity: down or no feed). */
  liveSince(followerId: string): number;
  clock: Clock;
}

/**
 * The stream counts as live this long after its socket opened: subscriptions (Hyperliquid's userFills, the
 * watch calls ccxt re-arms) take effect a moment after the open, and a trade in between would be missed.
 */
export const STREAM_SETTLE_MS = 2_000;

/** Orders remembered per source; older ones are forgotten first (a report comes within seconds of its trades). */
const REMEMBERED_ORDERS = 50_000;

class RecentKeys {
  private readonly keys = new Set<string>();
  has(key: string): boolean {
    return this.keys.has(key);
  }
  add(key: string): void {
    if (this.keys.has(key)) return;
    if (this.keys.size >= REMEMBERED_ORDERS) this.keys.delete(this.keys.values().next().value as string);
    this.keys.add(key);
  }
}

export class FillRecorder {
  /** Orders with a trade row (venue:orderId), and orders recorded from a report. */
  private readonly traded = new RecentKeys();
  private readonly fromReport = new RecentKeys();

  constructor(private readonly d: FillRecorderDeps) {}

  onTrade(t: FollowerTradeEvent): void {
    const order = `${t.venue}:${t.venueOrderId}`;
    if (t.venueOrderId !== '' && this.fromReport.has(order)) return; // its fill is already in, from the report
    if (t.venueOrderId !== '') this.traded.add(order);
    this.d.appendFill({
      clientOrderId: t.clientOrderId, followerId: t.followerId, venue: t.venue, symbol: t.symbol, side: t.side,
      amount: t.amount, price: t.price, fee: t.fee, feeCurrency: t.feeCurrency, venueTradeId: t.venueTradeId, ts: t.venueTs,
    });
  }

  /** A terminal report with a fill: a row at the average price, unless the trade stream has (or will have) it. */
  onReport(r: ExecutionReport): void {
    const amount = Number(r.filledAmount);
    const terminal = r.status !== 'unknown' && r.status !== 'partially_filled';
    const price = Number(r.avgPrice) || this.d.mark(r.venue, r.symbol);
    if (!terminal || !(amount > 0) || !price || !r.venueOrderId) return;
    const order = `${r.venue}:${r.venueOrderId}`;
    if (this.traded.has(order)) return;
    // The engine stamped diffDoneMs before the order existed: a stream live since then sees all of its trades.
    const created = r.hops.diffDoneMs > 0 ? r.hops.diffDoneMs : Number.NEGATIVE_INFINITY;
    if (this.d.liveSince(r.followerId) + STREAM_SETTLE_MS <= created) return;
    this.fromReport.add(order);
    this.d.appendFill({
      clientOrderId: r.clientOrderId, followerId: r.followerId, venue: r.venue, symbol: r.symbol, side: r.side,
      amount, price, fee: 0, venueTradeId: `order-${r.venueOrderId}`, ts: r.hops.venueAckMs || this.d.clock.nowMs(),
    });
  }
}
