// Tables for the whale book: sequence ordering, reads, equity.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError } from '../core';
import type { Position } from '../model';
import { WhaleBook } from './whale-book';

const BTC = 'BTC/USDC:USDC';
const ETH = 'ETH/USDC:USDC';

function positions(entries: Record<string, number>): ReadonlyMap<string, Position> {
  return new Map(Object.entries(entries).map(([symbol, contracts]) => [symbol, { symbol, contracts, entryPrice: 100, markPrice: 101 }]));
}

describe('WhaleBook.apply', () => {
  // [name, seqs applied in order, expected result of each apply, final contracts of BTC]
  const cases: Array<[string, Array<[number, number]>, boolean[], number]> = [
    ['first update', [[10, 1]], [true], 1],
    ['increasing seq replaces', [[10, 1], [11, -2]], [true, true], -2],
    ['duplicate seq ignored', [[10, 1], [10, 3]], [true, false], 1],
    ['older seq ignored', [[10, 1], [12, 2], [11, 5]], [true, true, false], 2],
    ['gap in seq is fine', [[10, 1], [1000, 0]], [true, true], 0],
  ];
  test.each(cases)('%s', (_name, updates, results, btc) => {
    const book = new WhaleBook();
    const got = updates.map(([seq, c]) => book.apply({ whaleId: 'w', seq, positions: c === 0 ? positions({}) : positions({ [BTC]: c }) }));
    expect(got).toEqual(results);
    expect(book.contracts('w', BTC)).toBe(btc);
  });

  test('reads: full book, position with mark, unknown whale', () => {
    const book = new WhaleBook();
    const p = positions({ [BTC]: 1, [ETH]: -3 });
    book.apply({ whaleId: 'w', seq: 5, positions: p, venueTs: 77, rxTs: 78 });
    expect(book.positions('w')).toBe(p);
    expect(book.position('w', ETH)).toEqual({ symbol: ETH, contracts: -3, entryPrice: 100, markPrice: 101 });
    expect(book.contracts('w', 'SOL/USDC:USDC')).toBe(0);
    expect(book.contracts('nobody', BTC)).toBe(0);
    expect(book.positions('nobody').size).toBe(0);
    expect(book.lastSeq('w')).toBe(5);
    expect(book.venueTs('w')).toBe(77);
    expect(book.lastSeq('nobody')).toBeUndefined();
  });

  test('a non-finite seq is a bug', () => {
    expect(() => new WhaleBook().apply({ whaleId: 'w', seq: Number.NaN, positions: positions({}) })).toThrow(InvalidArgumentError);
  });
});

describe('WhaleBook equity', () => {
  test('newest equity wins; equity before positions does not invent a seq', () => {
    const book = new WhaleBook();
    book.setEquity('w', 1000, 10);
    expect(book.lastSeq('w')).toBeUndefined();
    book.setEquity('w', 900, 5);
    expect(book.equity('w')).toBe(1000);
    expect(book.apply({ whaleId: 'w', seq: 1, positions: positions({ [BTC]: 1 }) })).toBe(true);
    expect(book.equity('w')).toBe(1000);
    expect(() => book.setEquity('w', Number.NaN, 20)).toThrow(InvalidArgumentError);
  });

  test('remove and ids', () => {
    const book = new WhaleBook();
    book.apply({ whaleId: 'a', seq: 1, positions: positions({}) });
    book.apply({ whaleId: 'b', seq: 1, positions: positions({}) });
    expect([...book.whaleIds()]).toEqual(['a', 'b']);
    expect(book.remove('a')).toBe(true);
    expect(book.has('a')).toBe(false);
    expect(book.size).toBe(1);
  });
});
