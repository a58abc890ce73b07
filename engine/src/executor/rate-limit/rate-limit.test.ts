// Token buckets and per-account / per-IP limiters: waits instead of refusals, never above the venue limit.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError, ManualClock } from '../../core';
import { RateLimiters } from './rate-limiters';
import { TokenBucket, bucketForWindow, type RateWindow } from './token-bucket';
import { VENUE_LIMITS, type VenueLimits } from './venue-limits';

describe('bucketForWindow', () => {
  test.each([
    [{ limit: 300, windowMs: 10_000 }, { capacity: 150, refillPerSec: 15 }],
    [{ limit: 1200, windowMs: 60_000 }, { capacity: 600, refillPerSec: 10 }],
    [{ limit: 1, windowMs: 1000 }, { capacity: 0.5, refillPerSec: 0.5 }],
  ] as const)('%o -> %o', (window, spec) => {
    expect(bucketForWindow(window)).toEqual(spec);
  });

  test.each([
    { limit: 0, windowMs: 1000 },
    { limit: 10, windowMs: 0 },
    { limit: NaN, windowMs: 1000 },
    { limit: Infinity, windowMs: 1000 },
  ])('rejects %o', (window) => {
    expect(() => bucketForWindow(window)).toThrow(InvalidArgumentError);
  });
});

describe('TokenBucket', () => {
  test('a full bucket grants its capacity at once, then queues callers in order', () => {
    const bucket = new TokenBucket({ capacity: 2, refillPerSec: 1 }, 0);
    expect(bucket.reserve(1, 0)).toBe(0);
    expect(bucket.reserve(1, 0)).toBe(0);
    expect(bucket.reserve(1, 0)).toBe(1000);
    expect(bucket.reserve(1, 0)).toBe(2000);
    expect(bucket.available(0)).toBe(-2);
  });

  test('refills with time and never above capacity', () => {
    const bucket = new TokenBucket({ capacity: 3, refillPerSec: 2 }, 0);
    bucket.reserve(3, 0);
    expect(bucket.available(500)).toBe(1);
    expect(bucket.available(100_000)).toBe(3);
  });

  test('a clock going backwards does not mint tokens', () => {
    const bucket = new TokenBucket({ capacity: 1, refillPerSec: 1 }, 1000);
    bucket.reserve(1, 1000);
    expect(bucket.available(0)).toBe(0);
    expect(bucket.reserve(1, 500)).toBe(1000);
  });

  test.each([-1, NaN, Infinity])('rejects cost %p', (cost) => {
    expect(() => new TokenBucket({ capacity: 1, refillPerSec: 1 }, 0).reserve(cost, 0)).toThrow(InvalidArgumentError);
  });

  test('sends scheduled by the reservations never exceed the window limit in any window', () => {
    const windows: RateWindow[] = [{ limit: 300, windowMs: 10_000 }, { limit: 10, windowMs: 1000 }, { limit: 7, windowMs: 3000 }];
    for (const window of windows) {
      const bucket = new TokenBucket(bucketForWindow(window), 0);
      // Callers arrive in bursts; each goes out at arrival + its wait.
      const sendTimes: number[] = [];
      for (let i = 0; i < window.limit * 6; i++) {
        const arrival = Math.floor(i / (window.limit / 2)) * (window.windowMs / 4);
        sendTimes.push(arrival + bucket.reserve(1, arrival));
      }
      sendTimes.sort((a, b) => a - b);
      let maxInWindow = 0;
      let lo = 0;
      for (let hi = 0; hi < sendTimes.length; hi++) {
        while ((sendTimes[hi] ?? 0) - (sendTimes[lo] ?? 0) >= window.windowMs) lo++;
        maxInWindow = Math.max(maxInWindow, hi - lo + 1);
      }
      expect(maxInWindow).toBeLessThanOrEqual(window.limit);
      expect(maxInWindow).toBeGreaterThanOrEqual(window.limit / 2);
    }
  });
});

describe('RateLimiters', () => {
  const tiny: VenueLimits = {
    account: [{ limit: 4, windowMs: 1000 }],
    egressIp: [{ limit: 10, windowMs: 1000 }],
    cost: {
      order: { account: 1, egressIp: 1 },
      lookup: { account: 0, egressIp: 2 },
      leverage: { account: 1, egressIp: 0 },
      ticker: { account: 0, egressIp: 0 },
    },
  };
  const limits = { binanceusdm: tiny, hyperliquid: VENUE_LIMITS.hyperliquid };

  test('each account has its own buckets; the egress IP is shared', () => {
    const clock = new ManualClock(0);
    const limiters = new RateLimiters(limits, clock);
    expect(limiters.reserve('binanceusdm', 'a', 'order')).toBe(0);
    expect(limiters.reserve('binanceusdm', 'a', 'order')).toBe(0);
    expect(limiters.reserve('binanceusdm', 'a', 'order')).toBe(500); // account: capacity 2, 2/s
    expect(limiters.reserve('binanceusdm', 'b', 'order')).toBe(0);
    expect(limiters.reserve('binanceusdm', 'b', 'order')).toBe(0); // egress: all 5 used
    expect(limiters.reserve('binanceusdm', 'c', 'lookup')).toBe(400); // egress -2 at 5/s
    expect(limiters.accountCount).toBe(3);
  });

  test('zero-cost calls do not touch the buckets', () => {
    const limiters = new RateLimiters(limits, new ManualClock(0));
    for (let i = 0; i < 100; i++) expect(limiters.reserve('binanceusdm', 'a', 'ticker')).toBe(0);
    expect(limiters.reserve('binanceusdm', 'a', 'order')).toBe(0);
  });

  test('a Retry-After block delays only that account', () => {
    const clock = new ManualClock(1000);
    const limiters = new RateLimiters(limits, clock);
    limiters.blockUntil('binanceusdm', 'a', 4000);
    expect(limiters.reserve('binanceusdm', 'a', 'ticker')).toBe(3000);
    expect(limiters.reserve('binanceusdm', 'b', 'order')).toBe(0);
    clock.set(4000);
    expect(limiters.reserve('binanceusdm', 'a', 'order')).toBe(0);
  });

  test('acquire sleeps for the reserved wait', async () => {
    const slept: number[] = [];
    const limiters = new RateLimiters(limits, new ManualClock(0), async (ms) => {
      slept.push(ms);
    });
    for (let i = 0; i < 4; i++) await limiters.acquire('binanceusdm', 'a', 'order');
    expect(slept).toEqual([500, 1000]);
  });

  test('venue table: Binance orders weigh on the account only, Hyperliquid on both', () => {
    expect(VENUE_LIMITS.binanceusdm.account.map((w) => w.limit)).toEqual([300, 1200]);
    expect(VENUE_LIMITS.binanceusdm.cost.order).toEqual({ account: 1, egressIp: 0 });
    expect(VENUE_LIMITS.hyperliquid.account).toEqual([{ limit: 1200, windowMs: 60_000 }]);
    expect(VENUE_LIMITS.hyperliquid.cost.order).toEqual({ account: 1, egressIp: 1 });
  });
});
