// The price a Hyperliquid market order is built around: the signal's ref_price when it carries one,
// else the venue's mark price from one ticker request per venue, cached briefly. No order logic here.
import type { OrderSignal } from '../bus';
import type { Clock } from '../core';
import type { Venue } from '../model';
import { NoReferencePriceError } from './errors';

/** The signal's reference price (ref_price, decimal string); undefined when '' (unknown) or unusable. */
export function refPriceOf(signal: Pick<OrderSignal, 'refPrice'>): number | undefined {
  const raw = signal.refPrice;
  if (typeof raw !== 'string' || raw === '') return undefined;
  const price = Number(raw);
  return Number.isFinite(price) && price > 0 ? price : undefined;
}

export type MarkPriceSource = (venue: Venue) => Promise<Map<string, number>>;

interface Snapshot {
  readonly atMs: number;
  readonly prices: Map<string, number>;
}

export class ReferencePrices {
  private readonly snapshots = new Map<Venue, Snapshot>();
  private readonly inflight = new Map<Venue, Promise<Snapshot>>();

  constructor(
    private readonly source: MarkPriceSource,
    private readonly clock: Clock,
    private readonly ttlMs: number,
  ) {}

  /** The signal's ref_price, or the cached mark price of its market. */
  async forSignal(signal: OrderSignal): Promise<number> {
    return refPriceOf(signal) ?? this.mark(signal.venue, signal.symbol);
  }

  async mark(venue: Venue, symbol: string): Promise<number> {
    let snapshot = this.snapshots.get(venue);
    if (snapshot === undefined || this.clock.nowMs() - snapshot.atMs > this.ttlMs) snapshot = await this.refresh(venue);
    const price = snapshot.prices.get(symbol);
    if (price === undefined) throw new NoReferencePriceError(`no mark price for ${symbol} on ${venue}`, { ids: { venue, symbol } });
    return price;
  }

  private refresh(venue: Venue): Promise<Snapshot> {
    let pending = this.inflight.get(venue);
    if (pending === undefined) {
      pending = this.source(venue)
        .then((prices) => {
          const snapshot = { atMs: this.clock.nowMs(), prices };
          this.snapshots.set(venue, snapshot);
          return snapshot;
        })
        .catch((cause: unknown) => {
          throw new NoReferencePriceError(`mark prices of ${venue} unavailable`, { cause, ids: { venue } });
        })
        .finally(() => this.inflight.delete(venue));
      this.inflight.set(venue, pending);
    }
    return pending;
  }
}
