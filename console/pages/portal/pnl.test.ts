// Table tests of realized PnL by average cost: open, add, reduce, close, flip long to short, shorts,
// fees, and fills given out of order.
import { expect, test } from 'bun:test';
import { fillsFromOrders, realizedPnl, type PnlFill } from './pnl';

let id = 0;
const f = (side: 'buy' | 'sell', amount: number, price: number, fee = 0, symbol = 'BTC/USDT:USDT'): PnlFill =>
  ({ id: ++id, symbol, side, amount, price, fee, ts: `2025-01-01T00:00:${String(id).padStart(2, '0')}.000Z` });

const cases: [string, PnlFill[], { position: number; avgEntry: number; realized: number; fees: number }][] = [
  ['open only', [f('buy', 1, 100)], { position: 1, avgEntry: 100, realized: 0, fees: 0 }],
  ['add moves the average', [f('buy', 1, 100), f('buy', 1, 200)], { position: 2, avgEntry: 150, realized: 0, fees: 0 }],
  ['reduce realizes on the closed part', [f('buy', 2, 100), f('sell', 0.5, 120)], { position: 1.5, avgEntry: 100, realized: 10, fees: 0 }],
  ['close flat', [f('buy', 1, 100), f('sell', 1, 90, 0.2)], { position: 0, avgEntry: 0, realized: -10, fees: 0.2 }],
  ['flip long to short opens the rest at the fill price', [f('buy', 1, 100), f('sell', 3, 110)], { position: -2, avgEntry: 110, realized: 10, fees: 0 }],
  ['short profits when price falls', [f('sell', 2, 100), f('buy', 2, 80)], { position: 0, avgEntry: 0, realized: 40, fees: 0 }],
  ['float dust closes to zero', [f('buy', 0.1, 10), f('buy', 0.2, 10), f('sell', 0.3, 10)], { position: 0, avgEntry: 0, realized: 0, fees: 0 }],
];
test.each(cases)('%s', (_name, fills, expected) => {
  const [book] = realizedPnl(fills);
  expect(book!.position).toBeCloseTo(expected.position, 9);
  expect(book!.avgEntry).toBeCloseTo(expected.avgEntry, 9);
  expect(book!.realized).toBeCloseTo(expected.realized, 9);
  expect(book!.fees).toBeCloseTo(expected.fees, 9);
  expect(book!.net).toBeCloseTo(expected.realized - expected.fees, 9);
});

test('fills out of order are replayed by time; symbols are apart and sorted', () => {
  const open = f('buy', 1, 100);
  const close = f('sell', 1, 150);
  const eth = f('sell', 1, 10, 0, 'ETH/USDT:USDT');
  expect(realizedPnl([close, eth, open]).map((b) => [b.symbol, b.realized])).toEqual([['BTC/USDT:USDT', 50], ['ETH/USDT:USDT', 0]]);
});

test('filled orders stand in for fills: unfilled and priceless orders are left out', () => {
  const order = (side: 'buy' | 'sell', filledAmount: number, avgPrice: number | null, updatedAt: string) =>
    ({ clientOrderId: `c${updatedAt}`, symbol: 'BTC/USDT:USDT', side, filledAmount, avgPrice, updatedAt });
  const fills = fillsFromOrders([order('buy', 1, 100, '2025-01-01T00:00:01Z'), order('sell', 0, 101, '2025-01-01T00:00:02Z'),
    order('sell', 1, null, '2025-01-01T00:00:03Z'), order('sell', 0.5, 110, '2025-01-01T00:00:04Z')]);
  expect(fills.map((f) => [f.side, f.amount, f.price, f.fee])).toEqual([['buy', 1, 100, 0], ['sell', 0.5, 110, 0]]);
  expect(realizedPnl(fills)[0]).toMatchObject({ position: 0.5, avgEntry: 100, realized: 5 });
});
