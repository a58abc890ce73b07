// Stream id ordering, successors and the safe XTRIM MINID point, as tables including the 64-bit edges.
import { describe, expect, test } from 'bun:test';
import { BusConfigError } from './errors';
import { compareStreamIds, nextStreamId, parseStreamId, safeTrimMinId, streamIdTimeMs, type GroupPosition } from './stream-id';

describe('stream ids', () => {
  const order: Array<[string, string, number]> = [
    ['1-0', '1-0', 0],
    ['1-0', '1-1', -1],
    ['2-0', '1-99', 1],
    ['10-0', '9-0', 1], // numeric, not lexicographic
    ['1700000000000-5', '1700000000000-12', -1],
    ['18446744073709551615-0', '18446744073709551614-18446744073709551615', 1],
  ];
  for (const [a, b, expected] of order) {
    test(`compare ${a} ${b}`, () => {
      expect(compareStreamIds(a, b)).toBe(expected);
      expect(compareStreamIds(b, a)).toBe(-expected || 0);
    });
  }

  const successors: Array<[string, string]> = [
    ['0-0', '0-1'],
    ['5-3', '5-4'],
    ['1700000000000-9', '1700000000000-10'],
    ['5-18446744073709551615', '6-0'],
  ];
  for (const [id, next] of successors) {
    test(`successor of ${id}`, () => expect(nextStreamId(id)).toBe(next));
  }

  for (const bad of ['', '5', '5-', '-1-0', 'a-b', '1-2-3', ' 1-2', '18446744073709551616-0']) {
    test(`rejects ${JSON.stringify(bad)}`, () => expect(() => parseStreamId(bad)).toThrow(BusConfigError));
  }
  test('the entry time is the ms part of the id', () => {
    expect(streamIdTimeMs('1763000000123-7')).toBe(1_763_000_000_123);
    expect(() => streamIdTimeMs('now')).toThrow(BusConfigError);
  });
  test('the last id has no successor', () => {
    expect(() => nextStreamId('18446744073709551615-18446744073709551615')).toThrow(BusConfigError);
  });
});

describe('safe trim point', () => {
  const cases: Array<[string, GroupPosition[], string | null]> = [
    ['no group: never trim', [], null],
    ['nothing delivered yet', [{ lastDeliveredId: '0-0', oldestPendingId: null }], '0-1'],
    ['all delivered entries acked', [{ lastDeliveredId: '9-0', oldestPendingId: null }], '9-1'],
    ['a pending entry holds the line', [{ lastDeliveredId: '9-0', oldestPendingId: '3-2' }], '3-2'],
    ['pending equal to last delivered', [{ lastDeliveredId: '9-0', oldestPendingId: '9-0' }], '9-0'],
    [
      'slowest of two groups wins',
      [
        { lastDeliveredId: '9-0', oldestPendingId: null },
        { lastDeliveredId: '4-0', oldestPendingId: null },
      ],
      '4-1',
    ],
    [
      'pending of one group below the other group cursor',
      [
        { lastDeliveredId: '9-0', oldestPendingId: '2-0' },
        { lastDeliveredId: '4-0', oldestPendingId: null },
      ],
      '2-0',
    ],
    ['same ms, seq ordering', [{ lastDeliveredId: '7-10', oldestPendingId: '7-9' }], '7-9'],
  ];
  for (const [name, groups, expected] of cases) {
    test(name, () => expect(safeTrimMinId(groups)).toBe(expected));
  }
});
