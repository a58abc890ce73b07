import { describe, expect, test } from 'bun:test';
import { MatchingCore, SimRejectError, applyFill, type CoreEvent } from './index';

const reject = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof SimRejectError) return e.code;
    throw e;
  }
  throw new Error('expected a reject');
};

describe('applyFill', () => {
  test.each([
    ['open long', { contracts: 0, entryPrice: 0 }, 0.01, 100, { contracts: 0.01, entryPrice: 100, realizedPnl: 0 }],
    ['add long averages', { contracts: 1, entryPrice: 100 }, 1, 200, { contracts: 2, entryPrice: 150, realizedPnl: 0 }],
    ['reduce long realizes', { contracts: 2, entryPrice: 100 }, -1, 110, { contracts: 1, entryPrice: 100, realizedPnl: 10 }],
    ['close short realizes', { contracts: -2, entryPrice: 100 }, 2, 90, { contracts: 0, entryPrice: 0, realizedPnl: 20 }],
    ['flip long to short', { contracts: 1, entryPrice: 100 }, -3, 120, { contracts: -2, entryPrice: 120, realizedPnl: 20 }],
    ['float noise snaps', { contracts: 0.1, entryPrice: 100 }, 0.2, 100, { contracts: 0.3, entryPrice: 100, realizedPnl: 0 }],
  ])('%s', (_name, pos, qty, price, want) => {
    const got = applyFill(pos, qty, price, 0.001);
    expect(got.contracts).toBe(want.contracts);
    expect(got.entryPrice).toBeCloseTo(want.entryPrice, 9);
    expect(got.realizedPnl).toBeCloseTo(want.realizedPnl, 9);
  });
});

describe('MatchingCore', () => {
  const setup = () => {
    const core = new MatchingCore({ slippageBps: 0, now: () => 1_700_000_000_000 });
    const a = core.createAccount('binanceusdm', 10_000);
    const events: CoreEvent[] = [];
    core.on((e) => events.push(e));
    return { core, a, events };
  };

  test('market order fills at mark and emits order then account events', () => {
    const { core, a, events } = setup();
    const o = core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'market', amount: 0.01, clientOrderId: 'abc' });
    expect(o.status).toBe('filled');
    expect(o.avgPrice).toBe(60000);
    expect(core.position(a, 'BTCUSDT').contracts).toBe(0.01);
    expect(a.balance).toBeCloseTo(10_000 - 0.01 * 60000 * 0.0004, 9);
    expect(events.map((e) => e.type)).toEqual(['order', 'account']);
  });

  test('venue rules reject with their codes', () => {
    const { core, a } = setup();
    const mk = (over: object) => () => core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'market', amount: 0.01, ...over });
    expect(reject(mk({ symbolId: 'DOGEUSDT' }))).toBe('unknown_symbol');
    expect(reject(mk({ amount: 0.0105 }))).toBe('bad_step');
    expect(reject(mk({ amount: 0.001 }))).toBe('below_min_notional');
    expect(reject(mk({ amount: 0 }))).toBe('bad_amount');
    expect(reject(mk({ amount: 121 }))).toBe('above_max_qty');
    expect(reject(mk({ clientOrderId: 'bad id!' }))).toBe('bad_client_id');
    expect(reject(mk({ reduceOnly: true }))).toBe('reduce_only_rejected');
    expect(reject(mk({ amount: 5 }))).toBe('insufficient_margin');
    expect(reject(mk({ type: 'limit', price: 70000 }))).toBe('price_band');
    expect(reject(mk({ type: 'limit', price: 60000.05 }))).toBe('bad_price');
  });

  test('reduce-only never increases a position and clips to its size', () => {
    const { core, a } = setup();
    core.placeOrder(a.id, { symbolId: 'ETHUSDT', side: 'buy', type: 'market', amount: 0.5 });
    const o = core.placeOrder(a.id, { symbolId: 'ETHUSDT', side: 'sell', type: 'market', amount: 2, reduceOnly: true });
    expect(o.filled).toBe(0.5);
    expect(core.position(a, 'ETHUSDT').contracts).toBe(0);
    expect(reject(() => core.placeOrder(a.id, { symbolId: 'ETHUSDT', side: 'sell', type: 'market', amount: 0.1, reduceOnly: true }))).toBe('reduce_only_rejected');
  });

  test('duplicate client id only among open orders; filled ids can be reused on Binance', () => {
    const { core, a } = setup();
    core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'limit', price: 59000, amount: 0.01, clientOrderId: 'x1' });
    expect(reject(() => core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'market', amount: 0.01, clientOrderId: 'x1' }))).toBe('duplicate_client_id');
    core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'market', amount: 0.01, clientOrderId: 'x2' });
    expect(core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'market', amount: 0.01, clientOrderId: 'x2' }).status).toBe('filled');
  });

  test('resting limit fills when the mark crosses it', () => {
    const { core, a } = setup();
    const o = core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'limit', price: 59000, amount: 0.01 });
    expect(o.status).toBe('new');
    core.setPrice('binanceusdm', 'BTCUSDT', 59500);
    expect(o.status).toBe('new');
    core.setPrice('binanceusdm', 'BTCUSDT', 58900);
    expect(o.status).toBe('filled');
    expect(o.avgPrice).toBe(59000);
    expect(core.position(a, 'BTCUSDT').contracts).toBe(0.01);
  });

  test('IOC limit that cannot match expires; cancel removes a resting order', () => {
    const { core, a } = setup();
    expect(core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'buy', type: 'limit', tif: 'IOC', price: 59000, amount: 0.01 }).status).toBe('expired');
    const o = core.placeOrder(a.id, { symbolId: 'BTCUSDT', side: 'sell', type: 'limit', price: 61000, amount: 0.01 });
    expect(core.cancelOrder(a.id, { orderId: o.id }).status).toBe('canceled');
    expect(reject(() => core.cancelOrder(a.id, { orderId: o.id }))).toBe('order_not_found');
    expect(core.openOrders(a.id)).toHaveLength(0);
  });
});

test('a taker fee override of 0 leaves the balance untouched by fills', () => {
  const core = new MatchingCore({ slippageBps: 0, takerFee: 0 });
  const a = core.createAccount('hyperliquid', 1000);
  core.placeOrder(a.id, { symbolId: 'ETH', side: 'buy', type: 'market', amount: 0.1 });
  core.placeOrder(a.id, { symbolId: 'ETH', side: 'sell', type: 'market', amount: 0.1, reduceOnly: true });
  expect(a.balance).toBe(1000);
});
