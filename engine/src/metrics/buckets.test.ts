import { describe, expect, test } from 'bun:test';
import { BucketCounts, LATENCY_BUCKETS_SECONDS, upperBoundIndex } from './buckets';
import { MetricsConfigError } from './errors';

describe('LATENCY_BUCKETS_SECONDS', () => {
  test('spans 50 us to 10 s, strictly increasing, at most x1.7 apart', () => {
    const b = LATENCY_BUCKETS_SECONDS;
    expect(b[0]).toBe(0.00005);
    expect(b[b.length - 1]).toBe(10);
    expect(b.length).toBe(28);
    for (let i = 1; i < b.length; i++) {
      expect(b[i]!).toBeGreaterThan(b[i - 1]!);
      expect(b[i]! / b[i - 1]!).toBeLessThanOrEqual(1.7);
    }
  });
  test('every bound prints without float noise', () => {
    for (const v of LATENCY_BUCKETS_SECONDS) expect(String(v)).toMatch(/^\d+(\.\d{1,6})?$/);
  });
});

describe('upperBoundIndex', () => {
  const bounds = [1, 2, 5];
  test.each([
    [0, 0], [1, 0], [1.0000001, 1], [2, 1], [3, 2], [5, 2], [5.0001, 3], [1e9, 3], [-1, 0], [Number.NaN, 3],
  ])('value %p -> bucket %p', (value, index) => {
    expect(upperBoundIndex(bounds, value)).toBe(index);
  });
});

describe('BucketCounts', () => {
  test('counts land in le buckets, +Inf keeps values above the last bound', () => {
    const c = new BucketCounts([1, 2, 5]);
    for (const v of [0.5, 1, 1.5, 2, 4, 5, 6, 100]) c.observe(v);
    expect([...c.counts]).toEqual([2, 2, 2, 2]);
    expect([0, 1, 2, 3].map((i) => c.cumulative(i))).toEqual([2, 4, 6, 8]);
    expect(c.count).toBe(8);
    expect(c.sum).toBe(120);
    c.reset();
    expect(c.count + c.sum + c.cumulative(3)).toBe(0);
  });
  test.each([
    [[], 'empty'], [[1, 1], 'increase'], [[2, 1], 'increase'], [[1, Infinity], 'finite'], [[Number.NaN], 'finite'],
  ] as const)('rejects bounds %p', (bounds, word) => {
    expect(() => new BucketCounts(bounds)).toThrow(MetricsConfigError);
    expect(() => new BucketCounts(bounds)).toThrow(word === 'empty' ? 'empty' : word === 'finite' ? 'not finite' : 'must increase');
  });
});
