// MemoryStream: Redis-like id generation (same ms, clock going back), search, XDEL and XTRIM MINID edges.
import { describe, expect, test } from 'bun:test';
import { BusCommandError } from './errors';
import { MemoryStream } from './memory-stream';

const bytes = new Uint8Array([1]);

function streamWith(times: number[]): MemoryStream {
  const stream = new MemoryStream('s');
  for (const time of times) stream.append(bytes, null, time);
  return stream;
}

describe('memory stream ids', () => {
  const cases: Array<[string, number[], string[]]> = [
    ['distinct ms start at seq 0', [5, 6, 9], ['5-0', '6-0', '9-0']],
    ['same ms counts the sequence up', [5, 5, 5], ['5-0', '5-1', '5-2']],
    ['clock going backwards keeps ids increasing', [9, 7, 8, 10], ['9-0', '9-1', '9-2', '10-0']],
    ['fractional ms are floored', [5.9, 5.1], ['5-0', '5-1']],
    ['time 0 never yields 0-0', [0, 0], ['0-1', '0-2']],
  ];
  for (const [name, times, ids] of cases) {
    test(name, () => expect(streamWith(times).entries.map((entry) => entry.id)).toEqual(ids));
  }
});

describe('memory stream search, delete, trim', () => {
  test('firstAfter finds the first greater id', () => {
    const stream = streamWith([5, 5, 7]); // 5-0 5-1 7-0
    expect([stream.firstAfter(0, 0), stream.firstAfter(5, 0), stream.firstAfter(5, 1), stream.firstAfter(7, 0)]).toEqual([0, 1, 2, 3]);
  });

  test('remove deletes one entry by id and reports unknown ids', () => {
    const stream = streamWith([5, 5, 7]);
    expect(stream.remove('5-1')).toBe(true);
    expect(stream.remove('5-1')).toBe(false);
    expect(stream.entries.map((entry) => entry.id)).toEqual(['5-0', '7-0']);
    expect(stream.get('7-0')?.id).toBe('7-0');
  });

  const trims: Array<[string, number, number, string[]]> = [
    ['below the first id: nothing', 5, 0, ['5-0', '5-1', '7-0']],
    ['inside one ms', 5, 1, ['5-1', '7-0']],
    ['between ms', 6, 0, ['7-0']],
    ['past the end: everything', 8, 0, []],
  ];
  for (const [name, ms, seq, left] of trims) {
    test(`trimBelow ${ms}-${seq}: ${name}`, () => {
      const stream = streamWith([5, 5, 7]);
      expect(stream.trimBelow(ms, seq)).toBe(3 - left.length);
      expect(stream.entries.map((entry) => entry.id)).toEqual(left);
    });
  }

  test('groups: $ starts after the last id, 0 at the start, a missing group is NOGROUP', () => {
    const stream = streamWith([5, 7]);
    expect(stream.createGroup('tail', '$')).toBe(true);
    expect(stream.createGroup('tail', '0')).toBe(false);
    stream.createGroup('head', '0');
    expect([stream.group('tail').lastMs, stream.group('head').lastMs]).toEqual([7, 0]);
    expect(() => stream.group('missing')).toThrow(BusCommandError);
  });
});
