// Rolling market statistics behind Binance's 24hr tickers and book tickers: open/high/low since the
// handlers started, traded volume from fills, and a synthetic top of book around the mark.
import { roundPrice, type MatchingCore, type SimFill, type SimMarket } from '../core';

export interface MarketStat {
  m: SimMarket;
  open: number;
  high: number;
  low: number;
  lastQty: number;
  volume: number;
  quoteVolume: number;
  count: number;
  firstId: number;
  lastId: number;
  openTime: number;
  /** Book update id: bumps on every price change. */
  updateId: number;
}

export class MarketStats {
  private readonly byId = new Map<string, MarketStat>();

  constructor(private readonly core: MatchingCore, readonly markets: readonly SimMarket[]) {
    const now = core.now();
    for (const m of markets) {
      const p = core.mark(m.venue, m.id);
      this.byId.set(m.id, {
        m, open: p, high: p, low: p, lastQty: 0, volume: 0, quoteVolume: 0, count: 0, firstId: -1, lastId: -1,
        openTime: now, updateId: 1,
      });
    }
  }

  get(symbolId: string): MarketStat | undefined {
    return this.byId.get(symbolId);
  }

  all(): IterableIterator<MarketStat> {
    return this.byId.values();
  }

  mark(s: MarketStat): number {
    return this.core.mark(s.m.venue, s.m.id);
  }

  onPrice(symbolId: string, price: number): MarketStat | undefined {
    const s = this.byId.get(symbolId);
    if (!s) return undefined;
    if (price > s.high) s.high = price;
    if (price < s.low) s.low = price;
    s.updateId++;
    return s;
  }

  onFill(f: SimFill): void {
    const s = this.byId.get(f.symbolId);
    if (!s) return;
    s.lastQty = f.amount;
    s.volume += f.amount;
    s.quoteVolume += f.amount * f.price;
    s.count++;
    if (s.firstId < 0) s.firstId = f.tradeId;
    s.lastId = f.tradeId;
  }

  /** Best bid / ask: the prices a market sell / buy would fill at (mark -+ the core's slippage), at least one tick apart from the mark. */
  bidAsk(s: MarketStat): [bid: number, ask: number] {
    const mark = this.mark(s);
    const slip = this.core.slippageBps / 10_000;
    let bid = roundPrice(s.m, mark * (1 - slip));
    let ask = roundPrice(s.m, mark * (1 + slip));
    if (bid >= mark) bid = roundPrice(s.m, mark - s.m.tickSize);
    if (ask <= mark) ask = roundPrice(s.m, mark + s.m.tickSize);
    return [bid, ask];
  }
}
