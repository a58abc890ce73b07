// Tables for mapping ccxt orders to follower order events and statuses.
import { describe, expect, test } from 'bun:test';
import { isTerminalOrderStatus, orderStatusOf, toFollowerOrderEvent, type VenueOrderLike } from './order-frame';
import type { FollowerOrderStatus } from './types';

describe('orderStatusOf', () => {
  const cases: Array<[string | undefined, number, FollowerOrderStatus | undefined]> = [
    ['open', 0, 'open'],
    ['open', 0.2, 'partially_filled'],
    ['closed', 1, 'filled'],
    ['canceled', 0.3, 'canceled'],
    ['cancelled', 0, 'canceled'],
    ['rejected', 0, 'rejected'],
    ['expired', 0.1, 'expired'],
    ['triggered', 0, undefined],
    [undefined, 0, undefined],
  ];
  test.each(cases)('%s with filled %d -> %s', (status, filled, expected) => {
    expect(orderStatusOf(status, filled)).toBe(expected);
  });

  test('terminal statuses', () => {
    const all: FollowerOrderStatus[] = ['open', 'partially_filled', 'filled', 'canceled', 'rejected', 'expired'];
    expect(all.filter(isTerminalOrderStatus)).toEqual(['filled', 'canceled', 'rejected', 'expired']);
  });
});

describe('toFollowerOrderEvent', () => {
  const base: VenueOrderLike = {
    id: '1001', clientOrderId: 'wc-abc', symbol: 'BTC/USDT:USDT', side: 'sell', status: 'closed',
    filled: 0.01, average: 60000, timestamp: 10, lastUpdateTimestamp: 12,
  };
  test('maps a filled order', () => {
    expect(toFollowerOrderEvent('f1', base, 99)).toEqual({
      followerId: 'f1', clientOrderId: 'wc-abc', venueOrderId: '1001', symbol: 'BTC/USDT:USDT', side: 'sell',
      status: 'filled', filled: 0.01, avgPrice: 60000, venueTs: 12, rxTs: 99,
    });
  });
  const skipped: Array<[string, VenueOrderLike]> = [
    ['no client order id', { ...base, clientOrderId: undefined }],
    ['empty client order id', { ...base, clientOrderId: '' }],
    ['no symbol', { ...base, symbol: undefined }],
    ['odd side', { ...base, side: 'both' }],
    ['unknown status', { ...base, status: 'triggered' }],
  ];
  test.each(skipped)('skips %s', (_name, o) => {
    expect(toFollowerOrderEvent('f1', o, 1)).toBeUndefined();
  });
  test('unknown numbers become 0 / rxTs', () => {
    const e = toFollowerOrderEvent('f1', { clientOrderId: 'x', symbol: 'S', side: 'buy', status: 'open' }, 7)!;
    expect([e.filled, e.avgPrice, e.venueTs, e.venueOrderId, e.status]).toEqual([0, 0, 7, '', 'open']);
  });
});
