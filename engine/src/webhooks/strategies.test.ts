// Tests of StrategyRegistry on a real PGlite store: only TradingView whales load, a verified secret is
// then checked in memory (no store call), wrong secrets are refused, a refresh forgets the proof.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { generateKeySpec, keyringFromSpec, openStore, type Store } from '../store';
import { StrategyRegistry, type StrategyStore } from './strategies';

let store: Store;
let calls = 0;
let counting: StrategyStore;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://', keyring: await keyringFromSpec(generateKeySpec()) });
  await store.whales.create({ id: 'tv1', kind: 'tradingview', name: 'tv', tradingViewSecret: 'first-secret-0123456789', tickerMap: { 'btcusdt.p': 'BTC/USDT:USDT' } });
  await store.whales.create({ id: 'hl1', kind: 'hyperliquid', name: 'hl', address: `0x${'a'.repeat(40)}` });
  counting = {
    list: () => store.whales.list(),
    get: (id) => store.whales.get(id),
    verifyTradingViewSecret: (id, secret) => { calls++; return store.whales.verifyTradingViewSecret(id, secret); },
  };
}, 30_000);
afterAll(async () => { await store.close(); }, 30_000);

test('loads TradingView whales only, with an upper-cased ticker map', async () => {
  const registry = new StrategyRegistry(counting);
  await registry.load();
  expect([...registry.ids()]).toEqual(['tv1']);
  expect([...registry.get('tv1')!.tickers]).toEqual([['BTCUSDT.P', 'BTC/USDT:USDT']]);
});

test('the store is asked until a secret verifies; after that, memory decides', async () => {
  const registry = new StrategyRegistry(counting);
  await registry.load();
  calls = 0;
  expect(await registry.verify('tv1', 'wrong-secret-0000000000')).toBe(false);
  expect(await registry.verify('tv1', 'first-secret-0123456789')).toBe(true);
  expect(calls).toBe(2);
  expect(registry.verify('tv1', 'first-secret-0123456789')).toBe(true);
  expect(registry.verify('tv1', 'wrong-secret-0000000000')).toBe(false);
  expect(registry.verify('tv1', '')).toBe(false);
  expect(calls).toBe(2);
});

test('refresh after a rotation forgets the old proof; remove forgets the strategy', async () => {
  const registry = new StrategyRegistry(counting);
  await registry.load();
  expect(await registry.verify('tv1', 'first-secret-0123456789')).toBe(true);
  await store.whales.setTradingViewSecret('tv1', 'second-secret-0123456789');
  await registry.refresh('tv1');
  expect(await registry.verify('tv1', 'first-secret-0123456789')).toBe(false);
  expect(await registry.verify('tv1', 'second-secret-0123456789')).toBe(true);
  registry.remove('tv1');
  expect(registry.get('tv1')).toBeUndefined();
  await registry.refresh('hl1');
  expect(registry.get('hl1')).toBeUndefined();
});

test('a store check that raced a refresh is not cached', async () => {
  const registry = new StrategyRegistry(counting);
  await registry.load();
  const pending = registry.verify('tv1', 'second-secret-0123456789') as Promise<boolean>;
  await registry.refresh('tv1');
  expect(await pending).toBe(true);
  calls = 0;
  await registry.verify('tv1', 'second-secret-0123456789');
  expect(calls).toBe(1);
});
