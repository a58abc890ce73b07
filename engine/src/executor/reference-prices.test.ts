// ref_price parsing and the briefly cached mark price fallback for Hyperliquid market orders.
import { describe, expect, test } from 'bun:test';
import type { OrderSignal } from '../bus';
import { ManualClock } from '../core';
import { NoReferencePriceError } from './errors';
import { ReferencePrices, refPriceOf } from './reference-prices';

const signal = (extra: Record<string, unknown> = {}): OrderSignal => ({
  clientOrderId: '0x' + '0'.repeat(32), followerId: 'f', whaleId: 'w', venue: 'hyperliquid', symbol: 'BTC/USDC:USDC',
  side: 'buy', amount: '0.01', reduceOnly: false, leg: 1, whaleSeq: 1, leverage: 0, refPrice: '', ...extra,
}) as OrderSignal;

describe('refPriceOf', () => {
  test.each([
    [{}, undefined],
    [{ refPrice: undefined }, undefined],
    [{ refPrice: '' }, undefined],
    [{ refPrice: '60000.5' }, 60000.5],
    [{ refPrice: '0' }, undefined],
    [{ refPrice: '-1' }, undefined],
    [{ refPrice: 'abc' }, undefined],
    [{ refPrice: 'Infinity' }, undefined],
  ])('%o -> %p', (extra, price) => {
    expect(refPriceOf(signal(extra))).toBe(price);
  });
});

describe('ReferencePrices', () => {
  test('uses the signal price without asking the venue', async () => {
    let calls = 0;
    const prices = new ReferencePrices(async () => {
      calls++;
      return new Map();
    }, new ManualClock(0), 1000);
    expect(await prices.forSignal(signal({ refPrice: '3000' }))).toBe(3000);
    expect(calls).toBe(0);
  });

  test('one ticker request serves concurrent callers and is reused within the ttl', async () => {
    const clock = new ManualClock(0);
    let calls = 0;
    const prices = new ReferencePrices(async () => {
      calls++;
      return new Map([['BTC/USDC:USDC', 60000 + calls]]);
    }, clock, 1000);
    const got = await Promise.all([prices.forSignal(signal()), prices.forSignal(signal()), prices.mark('hyperliquid', 'BTC/USDC:USDC')]);
    expect(got).toEqual([60001, 60001, 60001]);
    clock.advance(999);
    expect(await prices.mark('hyperliquid', 'BTC/USDC:USDC')).toBe(60001);
    clock.advance(2);
    expect(await prices.mark('hyperliquid', 'BTC/USDC:USDC')).toBe(60002);
    expect(calls).toBe(2);
  });

  test('unknown symbol and failing source are NoReferencePriceError; a failure is not cached', async () => {
    let fail = true;
    const prices = new ReferencePrices(async () => {
      if (fail) throw new Error('down');
      return new Map([['BTC/USDC:USDC', 1]]);
    }, new ManualClock(0), 1000);
    await expect(prices.mark('hyperliquid', 'BTC/USDC:USDC')).rejects.toBeInstanceOf(NoReferencePriceError);
    fail = false;
    expect(await prices.mark('hyperliquid', 'BTC/USDC:USDC')).toBe(1);
    await expect(prices.mark('hyperliquid', 'DOGE/USDC:USDC')).rejects.toBeInstanceOf(NoReferencePriceError);
  });
});
