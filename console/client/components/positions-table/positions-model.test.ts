// Table tests of the positions model: whale and follower rows, sorting, drift, and change detection
// that ignores float noise but catches new symbols and real changes.
import { expect, test } from 'bun:test';
import { changedSymbols, offTarget, rowsOf } from './positions-model';

test('whale rows: contracts and entry, sorted by symbol', () => {
  expect(rowsOf('whale', [{ symbol: 'ETH/USDT:USDT', contracts: -2, entryPrice: 3000 }, { symbol: 'BTC/USDT:USDT', contracts: 0.5, entryPrice: 60000 }]))
    .toEqual([{ symbol: 'BTC/USDT:USDT', cells: [0.5, 60000] }, { symbol: 'ETH/USDT:USDT', cells: [-2, 3000] }]);
});

test.each([
  [{ symbol: 'S', target: 0.3, actual: 0.1, inFlight: 0.2 }, false],
  [{ symbol: 'S', target: -1, actual: -0.5, inFlight: 0 }, true],
  [{ symbol: 'S', target: 0.1 + 0.2, actual: 0.3, inFlight: 0 }, false],
])('follower row %o off target: %p', (position, off) => {
  const [row] = rowsOf('follower', [position]);
  expect(offTarget(row!)).toBe(off);
});

test.each([
  [[['A', 1]], [['A', 1]], []],
  [[['A', 1]], [['A', 1 + 1e-15]], []],
  [[['A', 1]], [['A', 2]], ['A']],
  [[], [['B', 1]], ['B']],
  [[['A', 1], ['B', 1]], [['A', 1]], []],
] as [string, number][][][])('changedSymbols(%p -> %p) = %p', (before, after, changed) => {
  const rows = (list: [string, number][]) => list.map(([symbol, v]) => ({ symbol, cells: [v] }));
  expect([...changedSymbols(rows(before as [string, number][]), rows(after as [string, number][]))]).toEqual(changed as unknown as string[]);
});
