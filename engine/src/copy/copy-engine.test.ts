import { describe, expect, test } from 'bun:test';
import { FollowerBook, WhaleBook } from '../book';
import { InProcessBus, decodeSignalBatch, type SignalBatch } from '../bus';
import { ManualClock, shardOf } from '../core';
import type { Follow, MarketSpec, Position, Venue } from '../model';
import { TradingStates, type OrderDenied } from '../risk';
import { CopyEngine } from './copy-engine';

const MARKETS: MarketSpec[] = [
  { symbol: 'BTC/USDT:USDT', venue: 'binanceusdm', venueId: 'BTCUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 100, priceTick: 0.1, maxLeverage: 125 },
  { symbol: 'ETH/USDT:USDT', venue: 'binanceusdm', venueId: 'ETHUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 20, priceTick: 0.01, maxLeverage: 100 },
  { symbol: 'BTC/USDC:USDC', venue: 'hyperliquid', venueId: 'BTC', amountStep: 0.00001, minAmount: 0.00001, minNotional: 10, priceTick: 1, maxLeverage: 40 },
];
const marks: Record<string, number> = { 'BTC/USDT:USDT': 60000, 'ETH/USDT:USDT': 3000, 'BTC/USDC:USDC': 60000 };

const follow = (id: string, followerId: string, over: Partial<Follow> = {}): Follow => ({
  id, whaleId: 'w1', followerId, sizing: { mode: 'proportional', k: 1 }, caps: {}, leverage: { mode: 'copy' },
  symbols: {}, existing: 'copy_now', state: 'active', ...over,
});

function setup(shards = 2, bus = new InProcessBus({ keyPrefix: `t${Math.random()}` })) {
  const clock = new ManualClock(1_763_000_000_000);
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const states = new TradingStates();
  const denied: OrderDenied[] = [];
  const skipped: string[] = [];
  const failed: unknown[] = [];
  const waits: string[] = [];
  const engine = new CopyEngine({
    bus, shards, whales, followers, states, clock,
    markets: { market: (venue: Venue, base: string) => MARKETS.find((m) => m.venue === venue && m.symbol.startsWith(`${base}/`)) },
    mark: (_v, symbol) => marks[symbol],
    observer: { denied: (d) => denied.push(d), skipped: (_f, fid, sym, reason) => skipped.push(`${fid} ${sym} ${reason}`), publishFailed: (_w, e) => failed.push(e),
      waitingEnded: (followId, whaleSymbol) => waits.push(`${followId} ${whaleSymbol}`) },
  });
  let seq = 1000;
  for (const f of ['f1', 'f-prop', 'f-eq', 'f-fix', 'f-hl', 'f-halt', 'f-tiny']) {
    followers.replaceActual(f, new Map()); // positions known (flat), as after the follower feed's snapshot
    followers.setEquity(f, 10_000, 0);
  }
  const whaleMoves = async (positions: Record<string, number>, whaleId = 'w1') => {
    const before = whales.positions(whaleId);
    const book = new Map<string, Position>(Object.entries(positions).filter(([, q]) => q !== 0).map(([symbol, contracts]) => [symbol, { symbol, contracts, entryPrice: marks[symbol]! }]));
    const changed = [...new Set([...before.keys(), ...book.keys()])].filter((s) => (before.get(s)?.contracts ?? 0) !== (book.get(s)?.contracts ?? 0));
    whales.apply({ whaleId, seq: ++seq, positions: book });
    clock.advance(1);
    return engine.onWhaleChange({ whaleId, changed, venueTs: clock.nowMs(), rxTs: clock.nowMs() });
  };
  const batches = async (shard: number): Promise<SignalBatch[]> => {
    const out: SignalBatch[] = [];
    const c = bus.consumeSignals(shard, { consumer: 'c', blockMs: 10 }, async (e) => {
      out.push(decodeSignalBatch(e.bytes));
    });
    await c.ready;
    await Bun.sleep(30);
    await c.stop();
    return out;
  };
  return { engine, whales, followers, states, clock, bus, denied, skipped, failed, waits, whaleMoves, batches };
}

describe('CopyEngine', () => {
  test('three sizing modes, one batch per shard per whale event', async () => {
    const t = setup(2);
    t.whales.setEquity('w1', 100_000, 0);
    t.followers.setEquity('f-eq', 10_000, 0);
    t.engine.follows.upsert(follow('a', 'f-prop', { sizing: { mode: 'proportional', k: 0.5 } }), 'binanceusdm', new Map());
    t.engine.follows.upsert(follow('b', 'f-eq', { sizing: { mode: 'equity', k: 1 } }), 'binanceusdm', new Map());
    t.engine.follows.upsert(follow('c', 'f-fix', { sizing: { mode: 'fixed_notional', usd: 1200 } }), 'binanceusdm', new Map());
    expect(await t.whaleMoves({ 'BTC/USDT:USDT': 0.2 })).toBe(3);
    const all = [...(await t.batches(0)), ...(await t.batches(1))];
    const signals = all.flatMap((b) => b.signals);
    const amounts = Object.fromEntries(signals.map((s) => [s.followerId, s.amount]));
    expect(amounts).toEqual({ 'f-prop': '0.100', 'f-eq': '0.020', 'f-fix': '0.020' });
    for (const b of all) {
      expect(new Set(b.signals.map((s) => shardOf(s.followerId, 2)))).toEqual(new Set([b.shard]));
      expect(b.hops.diffDoneMs).toBeGreaterThanOrEqual(b.hops.frameRxMs);
    }
    expect(all.length).toBe(new Set(signals.map((s) => shardOf(s.followerId, 2))).size);
    expect(signals.every((s) => s.side === 'buy' && !s.reduceOnly && s.refPrice === '60000')).toBe(true);
  });

  test('in-flight orders are not sent twice; a report settles them', async () => {
    const t = setup(1);
    t.engine.follows.upsert(follow('a', 'f1'), 'binanceusdm', new Map());
    expect(await t.whaleMoves({ 'ETH/USDT:USDT': 1 })).toBe(1);
    expect(await t.engine.repairFollower('f1')).toBe(0);
    const [batch] = await t.batches(0);
    const s = batch!.signals[0]!;
    t.followers.setActual('f1', 'ETH/USDT:USDT', 1);
    t.engine.onReport({ ...s, status: 'filled', requestedAmount: s.amount, filledAmount: '1', avgPrice: '3000', venueOrderId: '1', errorClass: '', errorMessage: '', attempts: 1, hops: batch!.hops, shard: 0 });
    expect(t.followers.inFlight('f1', 'ETH/USDT:USDT')).toBe(0);
    expect(await t.engine.repairFollower('f1')).toBe(0);
  });

  test('a flip is a reduce-only close then an open; ids differ by leg and pass', async () => {
    const t = setup(1);
    t.engine.follows.upsert(follow('a', 'f1'), 'binanceusdm', new Map());
    t.followers.setActual('f1', 'BTC/USDT:USDT', 0.1);
    t.whales.apply({ whaleId: 'w1', seq: 100, positions: new Map([['BTC/USDT:USDT', { symbol: 'BTC/USDT:USDT', contracts: 0.1, entryPrice: 60000 }]]) });
    expect(await t.whaleMoves({ 'BTC/USDT:USDT': -0.3 })).toBe(2);
    const [b] = await t.batches(0);
    expect(b!.signals.map((s) => [s.side, s.amount, s.reduceOnly, s.leg])).toEqual([['sell', '0.100', true, 0], ['sell', '0.300', false, 1]]);
    expect(new Set(b!.signals.map((s) => s.clientOrderId)).size).toBe(2);
  });

  test('cross-venue: a Binance whale copied onto a Hyperliquid follower', async () => {
    const t = setup(1);
    t.engine.follows.upsert(follow('a', 'f-hl', { sizing: { mode: 'proportional', k: 0.1 } }), 'hyperliquid', new Map());
    expect(await t.whaleMoves({ 'BTC/USDT:USDT': 0.5 })).toBe(1);
    const [b] = await t.batches(0);
    expect(b!.signals[0]).toMatchObject({ symbol: 'BTC/USDC:USDC', venue: 'hyperliquid', amount: '0.05000' });
    expect(b!.signals[0]!.clientOrderId).toMatch(/^0x[0-9a-f]{32}$/);
  });

  test("wait_next_change across venues: a Hyperliquid whale's held BTC is waited out on the Binance follower's BTC market until the whale changes it", async () => {
    const t = setup(1);
    t.whales.apply({ whaleId: 'w1', seq: 1, positions: new Map([['BTC/USDC:USDC', { symbol: 'BTC/USDC:USDC', contracts: 0.2, entryPrice: 60000 }]]) });
    const reset = t.engine.addFollow(follow('a', 'f1', { existing: 'wait_next_change' }), 'binanceusdm', new Map([['BTC/USDC:USDC', 0.2]]));
    expect(reset).toBe(false);
    expect(await t.engine.repairFollower('f1')).toBe(0);
    expect(t.skipped).toEqual(['f1 BTC/USDT:USDT waiting_for_whale_change']);
    expect(t.waits).toEqual([]);
    expect(await t.whaleMoves({ 'BTC/USDC:USDC': 0.3 })).toBe(1);
    expect(t.waits).toEqual(['a BTC/USDC:USDC']);
    expect((await t.batches(0)).flatMap((b) => b.signals).map((s) => [s.symbol, s.side, s.amount])).toEqual([['BTC/USDT:USDT', 'buy', '0.300']]);
    // A new sizing resets the memos: the engine says so (the runtime then stores that nothing is waited out).
    expect(t.engine.addFollow(follow('a', 'f1', { existing: 'wait_next_change', sizing: { mode: 'proportional', k: 2 } }), 'binanceusdm', new Map())).toBe(true);
    expect(t.engine.addFollow(follow('a', 'f1', { existing: 'wait_next_change', sizing: { mode: 'proportional', k: 2 }, state: 'reducing' }), 'binanceusdm', new Map())).toBe(false);
  });

  test('halted follower: a denial event with a reason, no signal; too small: skipped with a reason', async () => {
    const t = setup(1);
    t.engine.follows.upsert(follow('a', 'f-halt'), 'binanceusdm', new Map());
    t.engine.follows.upsert(follow('b', 'f-tiny', { sizing: { mode: 'proportional', k: 0.003 } }), 'binanceusdm', new Map());
    t.states.set('follower', 'f-halt', 'halted');
    expect(await t.whaleMoves({ 'BTC/USDT:USDT': 0.5 })).toBe(0);
    expect(t.denied.map((d) => [d.intent.followerId, d.reason])).toEqual([['f-halt', 'halted']]);
    expect(t.skipped).toContain('f-tiny BTC/USDT:USDT below_minimum');
  });

  test('a follower whose positions are not known yet gets nothing; after its first full book a repair sends the order', async () => {
    const t = setup(1);
    t.followers.setEquity('f-new', 10_000, 0); // equity seen, positions never: its feed has not delivered a book
    t.engine.follows.upsert(follow('a', 'f-new'), 'binanceusdm', new Map());
    expect(await t.whaleMoves({ 'ETH/USDT:USDT': 1 })).toBe(0);
    expect(t.skipped).toContain('f-new ETH/USDT:USDT positions_unknown');
    expect(t.followers.inFlight('f-new', 'ETH/USDT:USDT')).toBe(0);
    t.followers.replaceActual('f-new', new Map([['ETH/USDT:USDT', { contracts: 0.04 }]])); // it already held some
    expect(await t.engine.repairFollower('f-new')).toBe(1);
    expect(t.followers.entry('f-new', 'ETH/USDT:USDT')).toEqual({ actual: 0.04, inFlight: 0.96 });
  });

  test('a follower never in the book is skipped; one removed from the book and seen again is read from its new slot', async () => {
    const t = setup(1);
    t.engine.follows.upsert(follow('a', 'f-gone'), 'binanceusdm', new Map()); // no feed event for it at all
    expect(await t.whaleMoves({ 'ETH/USDT:USDT': 1 })).toBe(0);
    expect(t.skipped).toContain('f-gone ETH/USDT:USDT positions_unknown');
    t.followers.replaceActual('f-gone', new Map());
    t.followers.setEquity('f-gone', 10_000, 0);
    expect(await t.whaleMoves({ 'ETH/USDT:USDT': 2 })).toBe(1); // the copy loop now holds its handle
    t.followers.removeFollower('f-gone');
    t.followers.replaceActual('f-gone', new Map([['ETH/USDT:USDT', { contracts: 2 }]]));
    t.followers.setEquity('f-gone', 10_000, 0);
    expect(await t.whaleMoves({ 'ETH/USDT:USDT': 3 })).toBe(1); // 2 held per the new slot: one order of 1
    expect(t.followers.entry('f-gone', 'ETH/USDT:USDT')).toEqual({ actual: 2, inFlight: 1 });
  });

  test('a dead bus: the publish fails clearly and nothing stays in flight', async () => {
    const bus = new InProcessBus();
    const t = setup(1, bus);
    t.engine.follows.upsert(follow('a', 'f1'), 'binanceusdm', new Map());
    await bus.close();
    await expect(t.whaleMoves({ 'ETH/USDT:USDT': 1 })).rejects.toThrow();
    expect(t.failed.length).toBe(1);
    expect(t.followers.inFlight('f1', 'ETH/USDT:USDT')).toBe(0);
  });

  describe('a follower copying two whales', () => {
    const BTC = 'BTC/USDT:USDT';
    /** Every signal of the shard's new batches filled at once: the follower's position moves, reports settle. */
    const fillAll = async (t: ReturnType<typeof setup>): Promise<Array<[string, string, boolean]>> => {
      const legs: Array<[string, string, boolean]> = [];
      for (const b of await t.batches(0)) {
        for (const s of b.signals) {
          legs.push([s.side, s.amount, s.reduceOnly]);
          t.followers.setActual(s.followerId, s.symbol, t.followers.actual(s.followerId, s.symbol) + (s.side === 'buy' ? 1 : -1) * Number(s.amount));
          t.engine.onReport({ ...s, status: 'filled', requestedAmount: s.amount, filledAmount: s.amount, avgPrice: '60000', venueOrderId: '1', errorClass: '', errorMessage: '', attempts: 1, hops: b.hops, shard: 0 });
        }
      }
      return legs;
    };
    const twoFollows = (t: ReturnType<typeof setup>) => {
      t.engine.follows.upsert(follow('a', 'f1', { sizing: { mode: 'proportional', k: 0.1 } }), 'binanceusdm', new Map());
      t.engine.follows.upsert(follow('b', 'f1', { whaleId: 'w2', sizing: { mode: 'proportional', k: 0.1 } }), 'binanceusdm', new Map());
    };

    test('in one market it holds the sum of both targets, and one whale never undoes the other', async () => {
      const t = setup(1);
      twoFollows(t);
      await t.whaleMoves({ [BTC]: 1 }, 'w1');
      expect(await fillAll(t)).toEqual([['buy', '0.100', false]]);
      await t.whaleMoves({ [BTC]: -2 }, 'w2'); // 0.1 + -0.2: a flip of the whole account, close then open
      expect(await fillAll(t)).toEqual([['sell', '0.100', true], ['sell', '0.100', false]]);
      await t.whaleMoves({}, 'w1'); // w1 closes: w2's short stays and grows to its own -0.2
      expect(await fillAll(t)).toEqual([['sell', '0.100', false]]);
      expect(t.followers.actual('f1', BTC)).toBeCloseTo(-0.2, 12);
      expect(await t.engine.repairFollower('f1')).toBe(0);
      await t.whaleMoves({}, 'w2');
      expect(await fillAll(t)).toEqual([['buy', '0.200', true]]);
      expect(t.followers.actual('f1', BTC)).toBeCloseTo(0, 12);
      expect(t.engine.follows.get('a')!.siblings).toEqual([t.engine.follows.get('b')!]);
      t.engine.follows.remove('b');
      expect(t.engine.follows.get('a')!.siblings).toBeUndefined();
    });

    test("while the other whale is halted its share is frozen: this whale's change moves only its own share", async () => {
      const t = setup(1);
      twoFollows(t);
      await t.whaleMoves({ [BTC]: 1 }, 'w1');
      await t.whaleMoves({ [BTC]: 2 }, 'w2');
      await fillAll(t);
      expect(t.followers.actual('f1', BTC)).toBeCloseTo(0.3, 12);
      t.states.set('whale', 'w1', 'halted');
      t.followers.setActual('f1', BTC, 0.2); // w1's share closed by hand while w1 is halted
      await t.whaleMoves({ [BTC]: 3 }, 'w2'); // +0.1 for w2; the sum of targets (0.4) would reopen w1's 0.1 through w2
      expect(await fillAll(t)).toEqual([['buy', '0.100', false]]);
      await t.whaleMoves({ [BTC]: 0 }, 'w2'); // w2 closes its 0.3 and only that
      expect(await fillAll(t)).toEqual([['sell', '0.300', true]]);
      expect(t.followers.actual('f1', BTC)).toBeCloseTo(0, 12);
      t.states.set('whale', 'w1', 'active');
      expect(await t.engine.repairFollower('f1')).toBe(1); // active again: w1's target is restored, as for a single follow
      expect(await fillAll(t)).toEqual([['buy', '0.100', false]]);
    });

    test("while the other follow's share is unknown (not sized yet, its whale holds the asset) nothing is sent; the repair sends the sum", async () => {
      const t = setup(1);
      t.whales.apply({ whaleId: 'w2', seq: 1, positions: new Map([[BTC, { symbol: BTC, contracts: 1, entryPrice: 60000 }]]) });
      t.followers.setActual('f1', BTC, 0.1); // w2's share, copied before the engine restarted (memos are not kept)
      twoFollows(t);
      expect(await t.whaleMoves({ [BTC]: 1 }, 'w1')).toBe(0);
      expect(t.skipped).toEqual(['f1 BTC/USDT:USDT other_follow_unsized']);
      expect(await t.engine.repairFollower('f1')).toBe(1);
      expect(await fillAll(t)).toEqual([['buy', '0.100', false]]);
      expect(t.followers.actual('f1', BTC)).toBeCloseTo(0.2, 12);
      expect(await t.engine.repairFollower('f1')).toBe(0);
    });
  });
});
