// Backoff curve, Retry-After parsing and the bounded id memory.
import { describe, expect, test } from 'bun:test';
import { RecentIds } from './recent-ids';
import { backoffMs, parseRetryAfterMs } from './timing';

describe('backoffMs', () => {
  test.each([
    [0, 100, 2000, 100],
    [1, 100, 2000, 200],
    [4, 100, 2000, 1600],
    [5, 100, 2000, 2000],
    [1000, 100, 2000, 2000],
    [-3, 100, 2000, 100],
    [1.9, 100, 2000, 200],
  ])('failure %p (base %p, max %p) -> %p', (failure, base, max, expected) => {
    expect(backoffMs(failure, base, max)).toBe(expected);
  });
});

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2025-01-01T00:00:00Z');
  test.each([
    ['2', 2000],
    [' 0.5 ', 500],
    ['0', 0],
    [3, 3000],
    ['Wed, 01 Jan 2025 00:00:10 GMT', 10_000],
    ['Tue, 31 Dec 2024 23:59:00 GMT', 0],
    ['', undefined],
    ['soon', undefined],
    [undefined, undefined],
    [-1, undefined],
    [NaN, undefined],
  ])('%p -> %p ms', (value, expected) => {
    expect(parseRetryAfterMs(value, now)).toBe(expected);
  });
});

describe('RecentIds', () => {
  test('forgets the oldest entry beyond capacity; setting again refreshes an entry', () => {
    const ids = new RecentIds<number>(2);
    ids.set('a', 1);
    ids.set('b', 2);
    ids.set('a', 3); // a is now the newest
    ids.set('c', 4); // evicts b
    expect([ids.has('a'), ids.has('b'), ids.has('c'), ids.get('a'), ids.size]).toEqual([true, false, true, 3, 2]);
    ids.delete('a');
    expect(ids.has('a')).toBe(false);
  });
});
