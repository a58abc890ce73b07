import { expect, test } from 'bun:test';
import { FollowerBook, WhaleBook } from '../book';
import { InProcessBus } from '../bus';
import { CopyEngine } from '../copy';
import { ManualClock } from '../core';
import type { MarketSpec } from '../model';
import { TradingStates } from '../risk';
import type { FollowRecord } from '../store';
import { FollowRegistry } from './follow-registry';

const BTC: MarketSpec = { symbol: 'BTC/USDT:USDT', venue: 'binanceusdm', venueId: 'BTCUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 100, priceTick: 0.1, maxLeverage: 125 };
const record = (over: Partial<FollowRecord> = {}): FollowRecord => ({
  id: 'a', whaleId: 'w1', followerId: 'f1', sizing: { mode: 'proportional', k: 1 }, caps: {}, leverage: { mode: 'copy' }, symbols: {},
  existing: 'wait_next_change', state: 'active', createdAt: new Date(0), waitingOut: null, ...over,
});

function setup() {
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const copy = new CopyEngine({
    bus: new InProcessBus({ keyPrefix: `r${Math.random()}` }), shards: 1, whales, followers, states: new TradingStates(), clock: new ManualClock(0),
    markets: { market: (venue, base) => (venue === 'binanceusdm' && base === 'BTC' ? BTC : undefined) }, mark: () => 60_000,
  });
  const calls: string[] = [];
  const slow: (() => void)[] = [];
  const follows = {
    setWaitingOut: (_id: string, w: Readonly<Record<string, number>> | null) => {
      calls.push(`set ${JSON.stringify(w)}`);
      return new Promise<void>((resolve) => slow.push(() => (calls.push('set stored'), resolve())));
    },
    endWaiting: async (_id: string, symbol: string) => void calls.push(`end ${symbol}`),
  };
  const registry = new FollowRegistry({ copy, whales, followers, follows, log: () => undefined, hasFeed: () => true, repair: () => undefined });
  return { whales, followers, copy, registry, calls, slow };
}

test('a follow of a whale whose book is not known yet waits; at the first snapshot it starts from what the whale holds, stored', async () => {
  const t = setup();
  t.registry.apply('a', record(), 'binanceusdm');
  expect(t.copy.follows.get('a')).toBeUndefined();
  t.whales.apply({ whaleId: 'w1', seq: 1, positions: new Map([['BTC/USDT:USDT', { symbol: 'BTC/USDT:USDT', contracts: 0.2, entryPrice: 60_000 }]]) });
  t.registry.whaleSynced('w1');
  expect(t.copy.follows.get('a')?.memos.get('BTC/USDT:USDT')).toMatchObject({ waiting: true, whaleContracts: 0.2 });
  await Bun.sleep(1);
  expect(t.calls).toEqual(['set {"BTC/USDT:USDT":0.2}']);
  // The end of the wait is written after the first write has been stored, never before it.
  t.registry.waitingEnded('a', 'BTC/USDT:USDT');
  await Bun.sleep(5);
  expect(t.calls).toEqual(['set {"BTC/USDT:USDT":0.2}']);
  t.slow.shift()!();
  await Bun.sleep(5);
  expect(t.calls).toEqual(['set {"BTC/USDT:USDT":0.2}', 'set stored', 'end BTC/USDT:USDT']);
});

test('a stored waiting_out is used as is (a restart); a removed pending follow is never registered', async () => {
  const t = setup();
  t.whales.apply({ whaleId: 'w1', seq: 1, positions: new Map([['BTC/USDT:USDT', { symbol: 'BTC/USDT:USDT', contracts: 0.4, entryPrice: 60_000 }]]) });
  t.registry.apply('b', record({ id: 'b', whaleId: 'w2' }), 'binanceusdm');
  t.registry.remove('b');
  t.registry.whaleSynced('w2');
  expect(t.copy.follows.get('b')).toBeUndefined();
  t.registry.whaleSynced('w1');
  t.registry.apply('a', record({ waitingOut: {} }), 'binanceusdm'); // it had started to copy BTC before the restart
  expect(t.copy.follows.get('a')?.memos.get('BTC/USDT:USDT')).toBeUndefined();
  await Bun.sleep(1);
  expect(t.calls).toEqual([]);
});

test('a running follow switched from wait_next_change to copy_now copies what it waited out: its waiting memos go, a repair runs', () => {
  const t = setup();
  const repaired: string[] = [];
  const registry = new FollowRegistry({
    copy: t.copy, whales: t.whales, followers: t.followers, follows: { setWaitingOut: async () => undefined, endWaiting: async () => undefined },
    log: () => undefined, hasFeed: () => true, repair: (id) => void repaired.push(id),
  });
  t.followers.replaceActual('f1', new Map());
  t.whales.apply({ whaleId: 'w1', seq: 1, positions: new Map([['BTC/USDT:USDT', { symbol: 'BTC/USDT:USDT', contracts: 0.2, entryPrice: 60_000 }]]) });
  registry.whaleSynced('w1');
  registry.apply('a', record({ waitingOut: { 'BTC/USDT:USDT': 0.2 } }), 'binanceusdm');
  expect(t.copy.follows.get('a')?.memos.get('BTC/USDT:USDT')?.waiting).toBe(true);
  expect(repaired).toEqual([]);
  registry.apply('a', record({ existing: 'copy_now', waitingOut: { 'BTC/USDT:USDT': 0.2 } }), 'binanceusdm');
  expect(t.copy.follows.get('a')?.memos.get('BTC/USDT:USDT')).toBeUndefined();
  expect(repaired).toEqual(['f1']);
});
