// Table tests of the whale book after an alert: open, add (weighted entry), reduce, flip, flat, and the
// previous book left untouched.
import { expect, test } from 'bun:test';
import type { Position } from '../model';
import { bookWithPosition, entryPriceAfter } from './position-book';

const S = 'BTC/USDT:USDT';
const pos = (contracts: number, entryPrice: number): Position => ({ symbol: S, contracts, entryPrice });

test.each([
  ['open long', undefined, 1, 100, 100],
  ['add to a long', pos(1, 100), 3, 200, (100 + 2 * 200) / 3],
  ['reduce a long keeps the entry', pos(3, 150), 1, 500, 150],
  ['flip to short takes the price', pos(2, 100), -1, 90, 90],
  ['add without a price keeps the entry', pos(1, 100), 2, undefined, 100],
  ['open without a price: 0', undefined, -2, undefined, 0],
  ['add to a short', pos(-1, 100), -2, 50, 75],
] as const)('%s', (_case, previous, contracts, price, entry) => {
  expect(entryPriceAfter(previous, contracts, price)).toBeCloseTo(entry, 9);
});

test('sets, replaces and removes one symbol; the old book is unchanged', () => {
  const other: Position = { symbol: 'ETH/USDT:USDT', contracts: -2, entryPrice: 3000 };
  const before = new Map([[other.symbol, other]]);
  const opened = bookWithPosition(before, S, 0.5, 60000);
  expect([...opened.values()]).toEqual([other, { symbol: S, contracts: 0.5, entryPrice: 60000, markPrice: 60000 }]);
  expect(before.size).toBe(1);
  const flat = bookWithPosition(opened, S, 0, 61000);
  expect([...flat.keys()]).toEqual([other.symbol]);
  expect(bookWithPosition(opened, S, 1e-15, undefined).has(S)).toBe(false);
  expect(bookWithPosition(opened, S, 1, undefined).get(S)).toEqual({ symbol: S, contracts: 1, entryPrice: 60000, markPrice: 60000 });
});
