// Tests of FNV-1a (published vectors, UTF-8) and the stability and uniformity of shardOf.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError } from './errors';
import { fnv1a32, shardOf } from './shard';

describe('fnv1a32', () => {
  test.each([
    // Published FNV-1a 32 test vectors.
    ['', 0x811c9dc5],
    ['a', 0xe40c292c],
    ['foobar', 0xbf9cf968],
  ])('fnv1a32(%p)', (text, expected) => {
    expect(fnv1a32(text)).toBe(expected);
  });

  test('hashes UTF-8 bytes (same as hashing the encoded buffer)', () => {
    const reference = (text: string): number => {
      let h = 0x811c9dc5;
      for (const byte of new TextEncoder().encode(text)) h = Math.imul(h ^ byte, 0x01000193);
      return h >>> 0;
    };
    for (const text of ['é', '€uro', 'фолловер', '😀x', 'a\u{10ffff}b', 'lone\ud800surrogate', 'end\udbff', '\udc00start']) {
      expect(fnv1a32(text)).toBe(reference(text));
    }
  });
});

describe('shardOf', () => {
  test('stable: golden values never change', () => {
    // Cross-checked with an independent Python FNV-1a + murmur3 fmix32 implementation.
    expect([shardOf('follower-1', 8), shardOf('follower-2', 8), shardOf('0xabc', 16), shardOf('f', 1000)]).toEqual([7, 2, 1, 160]);
    expect(shardOf('anything', 1)).toBe(0);
  });

  test.each([2, 8, 16, 7])('uniform over %p shards for sequential ids', (shards) => {
    const counts = new Array<number>(shards).fill(0);
    const n = 20_000;
    for (let i = 0; i < n; i++) {
      const shard = shardOf(`f${i}`, shards);
      expect(shard).toBeGreaterThanOrEqual(0);
      expect(shard).toBeLessThan(shards);
      counts[shard] = (counts[shard] ?? 0) + 1;
    }
    const expected = n / shards;
    const chiSquare = counts.reduce((sum, c) => sum + (c - expected) ** 2 / expected, 0);
    // 99.9th percentile of chi-square with <= 15 degrees of freedom is below 38.
    expect(chiSquare).toBeLessThan(38);
  });

  test.each([0, -1, 1.5, NaN, 2 ** 32])('rejects %p shards', (shards) => {
    expect(() => shardOf('f', shards)).toThrow(InvalidArgumentError);
  });
});
