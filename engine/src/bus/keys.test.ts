// Key names: the contract's hash-tagged layout, prefix rules and shard bounds.
import { describe, expect, test } from 'bun:test';
import { BusConfigError } from './errors';
import { BusKeys } from './keys';

describe('bus keys', () => {
  test('default prefix matches the contract', () => {
    const keys = new BusKeys();
    expect(keys.signals(0)).toEqual({ stream: 'wc:{s0}:signals', dead: 'wc:{s0}:dead' });
    expect(keys.signals(13)).toEqual({ stream: 'wc:{s13}:signals', dead: 'wc:{s13}:dead' });
    expect(keys.reports).toEqual({ stream: 'wc:{reports}:stream', dead: 'wc:{reports}:dead' });
    expect(keys.control).toBe('wc:{control}:stream');
  });

  test('a custom prefix keeps the hash tag intact and keys are built once per shard', () => {
    const keys = new BusKeys('wctest-7');
    expect(keys.signals(3).stream).toBe('wctest-7:{s3}:signals');
    expect(keys.signals(3)).toBe(keys.signals(3));
  });

  for (const prefix of ['', 'a{b', 'a}b', 'has space', 'tag{s1}']) {
    test(`prefix ${JSON.stringify(prefix)} is refused`, () => expect(() => new BusKeys(prefix)).toThrow(BusConfigError));
  }
  for (const shard of [-1, 1.5, Number.NaN, 65_536]) {
    test(`shard ${shard} is refused`, () => expect(() => new BusKeys().signals(shard)).toThrow(BusConfigError));
  }
});
