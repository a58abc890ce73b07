// Tests of replay protection: idempotency keys (explicit id, else strategy/order/time/ticker), the
// time-bounded key window with its size cap, and stale detection per (strategy, symbol).
import { describe, expect, test } from 'bun:test';
import { AlertClock, ReplayWindow, idempotencyKey } from './replay-guard';

describe('idempotencyKey', () => {
  const base = { strategy: 'w1', orderId: 'Long', timeMs: 1000, ticker: 'BTCUSDT.P', id: undefined };
  test('same inputs, same key; every input matters', () => {
    const key = idempotencyKey(base);
    expect(idempotencyKey({ ...base })).toBe(key);
    for (const over of [{ strategy: 'w2' }, { orderId: 'Short' }, { timeMs: 1001 }, { ticker: 'ETHUSDT.P' }, { orderId: undefined }]) {
      expect(idempotencyKey({ ...base, ...over })).not.toBe(key);
    }
    expect(idempotencyKey({ ...base, ticker: 'btcusdt.p' })).toBe(key);
  });

  test('an explicit id wins and is scoped by strategy', () => {
    expect(idempotencyKey({ ...base, id: 'x1' })).toBe(idempotencyKey({ ...base, id: 'x1', timeMs: 5, orderId: 'other' }));
    expect(idempotencyKey({ ...base, id: 'x1' })).not.toBe(idempotencyKey({ ...base, id: 'x1', strategy: 'w2' }));
  });

  test('length-prefixed: shifting characters between fields changes the key', () => {
    expect(idempotencyKey({ ...base, strategy: 'w1', orderId: 'aLong' })).not.toBe(idempotencyKey({ ...base, strategy: 'w1a', orderId: 'Long' }));
  });
});

describe('ReplayWindow', () => {
  test('remembers for the window, then forgets', () => {
    const w = new ReplayWindow(1000);
    w.remember('a', 0);
    w.remember('b', 500);
    expect([w.has('a', 999), w.has('b', 999)]).toEqual([true, true]);
    expect([w.has('a', 1000), w.has('b', 1000)]).toEqual([false, true]);
    expect(w.has('b', 1500)).toBe(false);
    expect(w.size).toBe(0);
  });

  test('beyond maxKeys the oldest go first', () => {
    const w = new ReplayWindow(10_000, 3);
    for (const [i, k] of ['a', 'b', 'c', 'd'].entries()) w.remember(k, i);
    expect(['a', 'b', 'c', 'd'].map((k) => w.has(k, 10))).toEqual([false, true, true, true]);
  });
});

describe('AlertClock', () => {
  test('strictly older is stale, equal is not; per strategy and symbol; forget clears a strategy', () => {
    const c = new AlertClock();
    c.record('w1', 'BTC', 100);
    expect([c.isStale('w1', 'BTC', 99), c.isStale('w1', 'BTC', 100), c.isStale('w1', 'ETH', 1), c.isStale('w2', 'BTC', 1)]).toEqual([true, false, false, false]);
    c.record('w1', 'BTC', 50);
    expect(c.isStale('w1', 'BTC', 99)).toBe(true);
    c.forget('w1');
    expect(c.isStale('w1', 'BTC', 1)).toBe(false);
  });
});
