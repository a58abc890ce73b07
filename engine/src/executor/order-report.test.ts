// Table tests of report fields: venue orders and resolutions to status, decimal strings and error class.
import { describe, expect, test } from 'bun:test';
import { InvalidOrder, RequestTimeout } from 'ccxt';
import { emptyHops, type OrderSignal } from '../bus';
import { buildReport, decimalString, fieldsOfFailure, fieldsOfOrder, fieldsOfResolution } from './order-report';
import type { VenueOrder } from './resolve-order';

const order = (o: Partial<VenueOrder>): VenueOrder => ({ id: '42', status: undefined, amount: undefined, filled: undefined, average: undefined, ...o });

describe('decimalString', () => {
  test.each([
    [0.1 + 0.2, 0.001, '0.300'],
    [2, 1, '2'],
    [0.30000000000000004, undefined, '0.3'],
    [60000.1, undefined, '60000.1'],
    [1234567.1, undefined, '1234567.1'],
    [0.00000012, undefined, '0.00000012'],
    [3000, undefined, '3000'],
  ] as const)('%p (step %p) -> %s', (x, step, text) => {
    expect(decimalString(x, step)).toBe(text);
  });
});

describe('fieldsOfOrder', () => {
  test.each([
    ['Binance FILLED', order({ status: 'closed', amount: 0.01, filled: 0.01, average: 60012.3 }), 0.01, 0.001, { status: 'filled', filledAmount: '0.010', avgPrice: '60012.3' }],
    ['Hyperliquid filled reply (no status, amount = filled)', order({ amount: 0.5, filled: 0.5, average: 3001.5 }), 0.5, 0.0001, { status: 'filled', filledAmount: '0.5000', avgPrice: '3001.5' }],
    ['Hyperliquid IOC partly filled', order({ amount: 0.2, filled: 0.2, average: 3001.5 }), 0.5, 0.0001, { status: 'partially_filled', filledAmount: '0.2000' }],
    ['lookup of a filled order without average', order({ status: 'closed', amount: 1, filled: 1 }), 1, 1, { status: 'filled', filledAmount: '1', avgPrice: '' }],
    ['closed without a filled field', order({ status: 'closed', amount: 2 }), 2, 1, { status: 'filled', filledAmount: '2' }],
    ['float drift on the fill still counts as filled', order({ status: 'closed', filled: 0.30000000000000004 }), 0.3, 0.001, { status: 'filled', filledAmount: '0.300' }],
    ['canceled with nothing filled', order({ status: 'canceled', filled: 0 }), 1, 1, { status: 'canceled', filledAmount: '0' }],
    ['expired', order({ status: 'expired', filled: 0 }), 1, 1, { status: 'canceled' }],
    ['canceled after a partial fill', order({ status: 'canceled', filled: 0.4, average: 10 }), 1, 0.1, { status: 'partially_filled', filledAmount: '0.4' }],
    ['rejected', order({ status: 'rejected' }), 1, 1, { status: 'rejected', errorClass: 'OrderRejected' }],
    ['still open', order({ status: 'open', filled: 0 }), 1, 1, { status: 'unknown', errorClass: 'OrderNotFinal', filledAmount: '0' }],
    ['resting without status', order({}), 1, 1, { status: 'unknown', filledAmount: '' }],
  ] as const)('%s', (_name, o, requested, step, expected) => {
    const fields = fieldsOfOrder(o, requested, step);
    expect(fields).toMatchObject(expected);
    expect(fields.venueOrderId).toBe('42');
  });
});

describe('fieldsOfResolution', () => {
  test('rejection carries the ccxt class and message', () => {
    const fields = fieldsOfResolution({ kind: 'rejected', error: new InvalidOrder('notional too small') }, 1);
    expect(fields).toEqual({ status: 'rejected', filledAmount: '0', avgPrice: '', venueOrderId: '', errorClass: 'InvalidOrder', errorMessage: 'notional too small' });
  });

  test('unknown keeps the last error', () => {
    const fields = fieldsOfResolution({ kind: 'unknown', error: new RequestTimeout('timed out') }, 1);
    expect(fields).toMatchObject({ status: 'unknown', filledAmount: '', errorClass: 'RequestTimeout' });
  });

  test('unknown without any error', () => {
    expect(fieldsOfResolution({ kind: 'unknown', error: undefined }, 1)).toMatchObject({ status: 'unknown', errorClass: '', errorMessage: '' });
  });

  test('failure before any venue call', () => {
    expect(fieldsOfFailure('rejected', new TypeError('no credentials'))).toMatchObject({ status: 'rejected', errorClass: 'TypeError', errorMessage: 'no credentials' });
  });
});

test('buildReport copies the signal identity and takes the fields, attempts, hops and shard', () => {
  const signal: OrderSignal = {
    clientOrderId: 'wc-0123', followerId: 'f1', whaleId: 'w1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT',
    side: 'sell', amount: '0.010', reduceOnly: true, leg: 0, whaleSeq: 9, leverage: 0, refPrice: '',
  };
  const hops = { ...emptyHops(), dequeuedMs: 1, orderSentMs: 2, venueAckMs: 3 };
  const report = buildReport(signal, fieldsOfResolution({ kind: 'rejected', error: new InvalidOrder('x') }, 0.01), 1, hops, 4);
  expect(report).toMatchObject({
    clientOrderId: 'wc-0123', followerId: 'f1', whaleId: 'w1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'sell',
    requestedAmount: '0.010', status: 'rejected', attempts: 1, shard: 4, hops,
  });
});
