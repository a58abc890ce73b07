// SmallMap behaves as a Map for every sequence of operations (checked against a Map, by random walk).
import { describe, expect, test } from 'bun:test';
import { SmallMap } from './small-map';

describe('SmallMap', () => {
  test('one key: get, has, overwrite, delete', () => {
    const m = new SmallMap<number>();
    expect(m.size).toBe(0);
    expect(m.get('a')).toBeUndefined();
    m.set('a', 1).set('a', 2);
    expect(m.get('a')).toBe(2);
    expect(m.has('a')).toBe(true);
    expect(m.size).toBe(1);
    expect(m.delete('a')).toBe(true);
    expect(m.delete('a')).toBe(false);
    expect([...m]).toEqual([]);
  });

  test('after the first key is deleted, a key still in the overflow is updated there, not duplicated', () => {
    const m = new SmallMap<number>();
    m.set('a', 1).set('b', 2);
    m.delete('a');
    m.set('b', 3);
    expect(m.size).toBe(1);
    expect([...m]).toEqual([['b', 3]]);
    m.set('c', 4);
    expect(new Map(m)).toEqual(new Map([['b', 3], ['c', 4]]));
  });

  test('random operations agree with Map', () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const small = new SmallMap<number>();
    const ref = new Map<string, number>();
    for (let i = 0; i < 5_000; i++) {
      const key = `k${rnd(4)}`;
      const op = rnd(10);
      if (op < 5) {
        small.set(key, i);
        ref.set(key, i);
      } else if (op < 8) {
        expect(small.delete(key)).toBe(ref.delete(key));
      } else if (op < 9) {
        expect(small.get(key)).toBe(ref.get(key));
        expect(small.has(key)).toBe(ref.has(key));
      } else if (rnd(50) === 0) {
        small.clear();
        ref.clear();
      }
      expect(small.size).toBe(ref.size);
      expect(new Map(small.entries())).toEqual(ref);
      expect(new Set(small.keys())).toEqual(new Set(ref.keys()));
      expect([...small.values()].sort()).toEqual([...ref.values()].sort());
    }
  });
});
