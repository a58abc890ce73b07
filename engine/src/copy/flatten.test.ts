// Tests of flatten: which positions each scope closes, the reduce-only close amount (closes in flight
// counted, opens in flight not), and CopyEngine.flatten publishing one batch per shard through the bus.
import { describe, expect, test } from 'bun:test';
import { FollowerBook, WhaleBook } from '../book';
import { InProcessBus, decodeSignalBatch, type SignalBatch } from '../bus';
import { ManualClock } from '../core';
import type { Follow, MarketSpec, Venue } from '../model';
import { TradingStates } from '../risk';
import { CopyEngine } from './copy-engine';
import { FLATTEN_WHALE_ID, closeAmount, flattenTargets } from './flatten';

const MARKETS: MarketSpec[] = [
  { symbol: 'BTC/USDT:USDT', venue: 'binanceusdm', venueId: 'BTCUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 100, priceTick: 0.1, maxLeverage: 125 },
  { symbol: 'ETH/USDT:USDT', venue: 'binanceusdm', venueId: 'ETHUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 20, priceTick: 0.01, maxLeverage: 100 },
  { symbol: 'BTC/USDC:USDC', venue: 'hyperliquid', venueId: 'BTC', amountStep: 0.00001, minAmount: 0.00001, minNotional: 10, priceTick: 1, maxLeverage: 40 },
];
const follow = (id: string, whaleId: string, followerId: string): Follow => ({
  id, whaleId, followerId, sizing: { mode: 'proportional', k: 1 }, caps: {}, leverage: { mode: 'copy' }, symbols: {}, existing: 'copy_now', state: 'active',
});

describe('closeAmount', () => {
  test.each([
    ['long, nothing in flight', 0.5, 0, 0.5],
    ['short', -2, 0, -2],
    ['flat', 0, 0, 0],
    ['a close in flight is not sent twice', 0.5, -0.2, 0.3],
    ['a full close in flight: nothing', 0.5, -0.7, 0],
    ['an open in flight is not closed before it fills', 0.5, 0.3, 0.5],
    ['only an open in flight: nothing', 0, 0.3, 0],
    ['float dust rounds toward zero', 0.1 + 0.2, 0, 0.3],
  ] as const)('%s', (_case, actual, inFlight, expected) => expect(closeAmount(actual, inFlight, 0.001)).toBeCloseTo(expected, 12));
});

function setup() {
  const clock = new ManualClock(1_763_000_000_000);
  const bus = new InProcessBus({ keyPrefix: `flat${Math.random().toString(36).slice(2)}` });
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const states = new TradingStates();
  const emitted: string[] = [];
  const copy = new CopyEngine({
    bus, shards: 2, whales, followers, states, clock,
    markets: { market: (venue: Venue, base: string) => MARKETS.find((m) => m.venue === venue && m.symbol.startsWith(`${base}/`)) },
    mark: (_venue, symbol) => (symbol.startsWith('BTC') ? 60000 : 3000),
    observer: { emitted: (whaleId, seq) => emitted.push(`${whaleId}:${seq}`) },
  });
  whales.apply({ whaleId: 'w1', seq: 1, positions: new Map([['BTC/USDT:USDT', { symbol: 'BTC/USDT:USDT', contracts: 1, entryPrice: 60000 }]]) });
  whales.apply({ whaleId: 'w2', seq: 1, positions: new Map([['ETH/USDT:USDT', { symbol: 'ETH/USDT:USDT', contracts: 1, entryPrice: 3000 }]]) });
  copy.follows.upsert(follow('a', 'w1', 'fa'), 'binanceusdm', new Map());
  copy.follows.upsert(follow('b', 'w2', 'fa'), 'binanceusdm', new Map());
  copy.follows.upsert(follow('c', 'w1', 'fh'), 'hyperliquid', new Map());
  followers.setActual('fa', 'BTC/USDT:USDT', 0.25);
  followers.setActual('fa', 'ETH/USDT:USDT', -3);
  followers.setActual('fh', 'BTC/USDC:USDC', 0.12345);
  followers.setActual('fz', 'ETH/USDT:USDT', 1); // runs no follow
  const venues = new Map<string, Venue>([['fa', 'binanceusdm'], ['fh', 'hyperliquid'], ['fz', 'binanceusdm']]);
  const batches = async (): Promise<SignalBatch[]> => {
    const out: SignalBatch[] = [];
    for (const shard of [0, 1]) {
      const c = bus.consumeSignals(shard, { consumer: 'c', blockMs: 5 }, async (e) => { out.push(decodeSignalBatch(e.bytes)); });
      await c.ready;
      await Bun.sleep(20);
      await c.stop();
    }
    return out;
  };
  return { copy, followers, whales, venues, batches, emitted };
}

const summary = (bs: SignalBatch[]) => bs.flatMap((b) => b.signals.map((s) => [s.followerId, s.symbol, s.side, s.amount, s.reduceOnly, s.leg, s.whaleId])).sort();

describe('flattenTargets', () => {
  test('each scope', () => {
    const t = setup();
    expect(flattenTargets('engine', '', t.copy.follows, t.whales, t.venues).map((x) => x.followerId)).toEqual(['fa', 'fh', 'fz']);
    expect(flattenTargets('follower', 'fz', t.copy.follows, t.whales, t.venues)).toEqual([{ followerId: 'fz', venue: 'binanceusdm' }]);
    expect(flattenTargets('follower', 'nobody', t.copy.follows, t.whales, t.venues)).toEqual([]);
    const whale = flattenTargets('whale', 'w1', t.copy.follows, t.whales, t.venues);
    expect(whale.map((x) => [x.followerId, x.venue, [...(x.bases ?? [])]])).toEqual([['fa', 'binanceusdm', ['BTC']], ['fh', 'hyperliquid', ['BTC']]]);
  });
});

describe('CopyEngine.flatten', () => {
  test('follower scope closes all its positions, reduce-only, and marks them in flight', async () => {
    const t = setup();
    expect(await t.copy.flatten('follower', 'fa', t.venues)).toBe(2);
    expect(summary(await t.batches())).toEqual([
      ['fa', 'BTC/USDT:USDT', 'sell', '0.250', true, 0, FLATTEN_WHALE_ID],
      ['fa', 'ETH/USDT:USDT', 'buy', '3.000', true, 0, FLATTEN_WHALE_ID],
    ]);
    expect(t.followers.inFlight('fa', 'BTC/USDT:USDT')).toBeCloseTo(-0.25, 12);
    expect(await t.copy.flatten('follower', 'fa', t.venues)).toBe(0); // the closes in flight are not sent again
    expect(t.emitted.length).toBe(1);
  });

  test('whale scope closes only what the whale covers, on every venue', async () => {
    const t = setup();
    expect(await t.copy.flatten('whale', 'w1', t.venues)).toBe(2);
    expect(summary(await t.batches())).toEqual([
      ['fa', 'BTC/USDT:USDT', 'sell', '0.250', true, 0, 'w1'],
      ['fh', 'BTC/USDC:USDC', 'sell', '0.12345', true, 0, 'w1'],
    ]);
  });

  test('engine scope closes every follower, with or without follows; distinct client order ids', async () => {
    const t = setup();
    expect(await t.copy.flatten('engine', '', t.venues)).toBe(4);
    const signals = (await t.batches()).flatMap((b) => b.signals);
    expect(signals.map((s) => s.followerId).sort()).toEqual(['fa', 'fa', 'fh', 'fz']);
    expect(new Set(signals.map((s) => s.clientOrderId)).size).toBe(4);
    expect(signals.find((s) => s.venue === 'hyperliquid')!.clientOrderId).toMatch(/^0x[0-9a-f]{32}$/);
  });
});
