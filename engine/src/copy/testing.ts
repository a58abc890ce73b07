// Test support: a CopyEngine over real books copying one whale's ETH onto flat followers with equity, and a
// whale mover. Used by tests only.
import { FollowerBook, WhaleBook } from '../book';
import type { Bus } from '../bus';
import { ManualClock } from '../core';
import type { Follow, MarketSpec } from '../model';
import { TradingStates } from '../risk';
import { CopyEngine, type CopyObserver } from './copy-engine';

export const ETH: MarketSpec = { symbol: 'ETH/USDT:USDT', venue: 'binanceusdm', venueId: 'ETHUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 5, priceTick: 0.01, maxLeverage: 100 };

export const ethFollow = (followerId: string, whaleId = 'w1', over: Partial<Follow> = {}): Follow => ({
  id: `follow-${followerId}-${whaleId}`, whaleId, followerId, sizing: { mode: 'proportional', k: 1 }, caps: {}, leverage: { mode: 'copy' },
  symbols: {}, existing: 'copy_now', state: 'active', ...over,
});

/** A CopyEngine whose only market is Binance ETH (mark 3000), with `follows` of flat followers holding 10,000 USDT. */
export function ethCopyEngine(bus: Pick<Bus, 'publishBatch'>, shards: number, follows: readonly Follow[], observer?: CopyObserver) {
  const clock = new ManualClock(1_763_000_000_000);
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const engine = new CopyEngine({
    bus, shards, whales, followers, states: new TradingStates(), clock, observer,
    markets: { market: (_venue, base) => (base === 'ETH' ? ETH : undefined) },
    mark: () => 3000,
  });
  for (const f of follows) {
    engine.follows.upsert(f, 'binanceusdm', new Map());
    followers.replaceActual(f.followerId, new Map());
    followers.setEquity(f.followerId, 10_000, 0);
  }
  let seq = 0;
  /** The whale moves to `contracts` ETH; with `fillFirst`, every order of the last pass filled and seen in the positions first. */
  const move = (contracts: number, whaleId = 'w1', fillFirst = false) => {
    if (fillFirst) {
      for (const f of follows) for (const o of followers.orders(f.followerId, ETH.symbol)) {
        followers.applyOrderUpdate(o, Math.abs(o.requested), true, clock.nowMs());
        followers.setActual(f.followerId, ETH.symbol, followers.actual(f.followerId, ETH.symbol) + o.requested);
      }
    }
    whales.apply({ whaleId, seq: ++seq, positions: new Map([[ETH.symbol, { symbol: ETH.symbol, contracts, entryPrice: 3000 }]]) });
    clock.advance(1);
    return engine.onWhaleChange({ whaleId, changed: [ETH.symbol], venueTs: clock.nowMs(), rxTs: clock.nowMs() });
  };
  return { engine, whales, followers, clock, move };
}
