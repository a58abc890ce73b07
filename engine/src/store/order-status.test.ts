// Table tests of the outbox status order and the merge of two updates of one client order id.
import { describe, expect, test } from 'bun:test';
import { advances, foldOrderUpdates, mergeOrderUpdates } from './order-status';
import type { OrderStatus, OrderUpdate } from './types';

describe('advances', () => {
  const cases: Array<[OrderStatus, OrderStatus, boolean]> = [
    ['pending', 'pending', false],
    ['pending', 'sent', true],
    ['pending', 'filled', true],
    ['sent', 'pending', false],
    ['sent', 'sent', true],
    ['sent', 'unknown', true],
    ['unknown', 'sent', false],
    ['unknown', 'partially_filled', true],
    ['partially_filled', 'unknown', false],
    ['partially_filled', 'partially_filled', true],
    ['partially_filled', 'canceled', true],
    ['filled', 'sent', false],
    ['filled', 'pending', false],
    ['filled', 'rejected', false],
    ['filled', 'filled', false],
    ['rejected', 'filled', false],
    ['skipped', 'sent', false],
    ['canceled', 'partially_filled', false],
  ];
  test.each(cases)('%s -> %s: %p', (from, to, expected) => {
    expect(advances(from, to)).toBe(expected);
  });
});

const base: OrderUpdate = {
  clientOrderId: 'wc-1', followerId: 'f', whaleId: 'w', venue: 'binanceusdm', symbol: 'ETH/USDT:USDT',
  side: 'sell', amount: 0.5, status: 'pending', reduceOnly: true, leg: 0, whaleSeq: 9, at: 1000,
};

describe('mergeOrderUpdates', () => {
  test('later terminal report wins over pending, keeps intent fields', () => {
    const merged = mergeOrderUpdates(base, { ...base, amount: 7, leg: null, status: 'filled', filledAmount: 0.5, avgPrice: 3001, venueOrderId: 'v1', at: 2000 });
    expect(merged).toMatchObject({ status: 'filled', amount: 0.5, leg: 0, filledAmount: 0.5, avgPrice: 3001, venueOrderId: 'v1', at: 2000 });
  });

  test('stale sent after filled changes no outcome field', () => {
    const filled = { ...base, status: 'filled' as const, filledAmount: 0.5, avgPrice: 3001, venueOrderId: 'v1', attempts: 1 };
    const merged = mergeOrderUpdates(filled, { ...base, status: 'sent', error: 'stale', attempts: 2, avgPrice: 1 });
    expect(merged).toMatchObject({ status: 'filled', error: null, avgPrice: 3001, venueOrderId: 'v1', attempts: 2, filledAmount: 0.5 });
  });

  test('report first, intent later: intent fills the unknown intent fields only', () => {
    const report = { ...base, status: 'unknown' as const, leg: null, reduceOnly: null, whaleSeq: null, error: 'timeout' };
    expect(mergeOrderUpdates(report, base)).toMatchObject({ status: 'unknown', leg: 0, reduceOnly: true, whaleSeq: 9, error: 'timeout' });
  });

  test('partial fills only grow', () => {
    const first = { ...base, status: 'partially_filled' as const, filledAmount: 0.2 };
    expect(mergeOrderUpdates(first, { ...first, filledAmount: 0.1 }).filledAmount).toBe(0.2);
    expect(mergeOrderUpdates(first, { ...first, filledAmount: 0.4 }).filledAmount).toBe(0.4);
  });

  test('fold keeps one update per id in first-seen order', () => {
    const other = { ...base, clientOrderId: 'wc-2' };
    const folded = foldOrderUpdates([base, other, { ...base, status: 'sent' }, { ...other, status: 'rejected', error: 'x' }, base]);
    expect(folded.map((u) => [u.clientOrderId, u.status])).toEqual([['wc-1', 'sent'], ['wc-2', 'rejected']]);
  });
});
