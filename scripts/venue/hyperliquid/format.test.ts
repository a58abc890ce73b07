// Pure formatting: decimals, fill directions, liquidation price, status words, clearinghouseState values.
import { describe, expect, test } from 'bun:test';
import { MatchingCore } from '../core';
import { clearinghouseState, decimal, fillDirection, liquidationPx, orderStatusWord } from './format';

describe('decimal', () => {
  test.each([
    [60000, 6, '60000.0'],
    [0.01, 5, '0.01'],
    [0.1 + 0.2, 5, '0.3'],
    [-0.25, 5, '-0.25'],
    [-0.000001, 5, '0.0'],
    [1e-7, 6, '0.0'],
    [Number.NaN, 2, '0.0'],
    [123.456789, 2, '123.46'],
    [42, 0, '42.0'],
  ])('%p with %p decimals -> %p', (x, d, want) => {
    expect(decimal(x, d)).toBe(want);
  });
});

describe('fillDirection', () => {
  test.each([
    [0, 1, 'Open Long'],
    [0, -1, 'Open Short'],
    [1, 1, 'Open Long'],
    [-1, -2, 'Open Short'],
    [2, -1, 'Close Long'],
    [2, -2, 'Close Long'],
    [1, -3, 'Long > Short'],
    [-2, 2, 'Close Short'],
    [-1, 4, 'Short > Long'],
  ])('start %p, fill %p -> %p', (start, signed, want) => {
    expect(fillDirection(start, signed)).toBe(want);
  });
});

describe('liquidationPx', () => {
  test('long: account value equals maintenance margin at the price returned', () => {
    const c = 1, entry = 100, mmr = 0.05, rest = 20;
    const p = Number(liquidationPx(c, entry, mmr, rest, 0));
    expect(rest + c * (p - entry)).toBeCloseTo(Math.abs(c) * p * mmr, 4);
    expect(p).toBeLessThan(entry);
  });

  test('short liquidates above entry; an over-collateralised long has none', () => {
    expect(Number(liquidationPx(-1, 100, 0.05, 20, 0))).toBeGreaterThan(100);
    expect(liquidationPx(0.01, 60000, 0.0125, 10_000, 0)).toBeNull();
  });
});

test('core statuses map to the venue words ccxt parses', () => {
  expect(['new', 'partially_filled', 'filled', 'canceled', 'expired', 'rejected'].map((s) => orderStatusWord(s as never)))
    .toEqual(['open', 'open', 'filled', 'canceled', 'iocCancelRejected', 'rejected']);
});

describe('clearinghouseState', () => {
  test('unknown user gets the empty state', () => {
    const core = new MatchingCore();
    const s = clearinghouseState(core, undefined, 7);
    expect(s.marginSummary).toEqual({ accountValue: '0.0', totalNtlPos: '0.0', totalRawUsd: '0.0', totalMarginUsed: '0.0' });
    expect(s.assetPositions).toEqual([]);
    expect(s.time).toBe(7);
  });

  test('a short position after a price move: values, leverage, closed positions absent', () => {
    const core = new MatchingCore({ slippageBps: 0, now: () => 1 });
    const a = core.createAccount('hyperliquid', 10_000);
    core.setLeverage(a.id, 'ETH', 10);
    core.placeOrder(a.id, { symbolId: 'ETH', side: 'sell', type: 'limit', tif: 'IOC', price: 2900, amount: 1 });
    core.placeOrder(a.id, { symbolId: 'SOL', side: 'buy', type: 'limit', tif: 'IOC', price: 160, amount: 1 });
    core.placeOrder(a.id, { symbolId: 'SOL', side: 'sell', type: 'limit', tif: 'IOC', price: 140, amount: 1, reduceOnly: true });
    core.setPrice('hyperliquid', 'ETH', 2900);
    const s = clearinghouseState(core, a, 2);
    expect(s.assetPositions).toHaveLength(1);
    const p = s.assetPositions[0]!.position;
    expect(p).toMatchObject({ coin: 'ETH', szi: '-1.0', entryPx: '3000.0', leverage: { type: 'cross', value: 10 }, positionValue: '2900.0', unrealizedPnl: '100.0', marginUsed: '290.0', maxLeverage: 25 });
    expect(Number(p.returnOnEquity)).toBeCloseTo(100 / 300, 6);
    expect(Number(p.liquidationPx)).toBeGreaterThan(3000);
    expect(Number(s.marginSummary.accountValue)).toBeCloseTo(core.equity(a), 5);
    expect(s.marginSummary.totalNtlPos).toBe('2900.0');
  });
});
