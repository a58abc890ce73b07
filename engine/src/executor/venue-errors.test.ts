// ccxt error classes to order dispositions: rejected, rate limited, unknown outcome, already exists.
import { describe, expect, test } from 'bun:test';
import {
  AuthenticationError, BadRequest, BadResponse, BadSymbol, DDoSProtection, DuplicateOrderId, ExchangeError,
  ExchangeNotAvailable, InsufficientFunds, InvalidNonce, InvalidOrder, NetworkError, NullResponse, OnMaintenance,
  OrderNotFound, PermissionDenied, RateLimitExceeded, RequestTimeout,
} from 'ccxt';
import { classifyOrderError, errorClassName, errorText, isOrderNotFound, type ErrorDisposition } from './venue-errors';

describe('classifyOrderError', () => {
  const cases: [string, unknown, ErrorDisposition][] = [
    ['RateLimitExceeded (429)', new RateLimitExceeded('binanceusdm 429'), 'rate_limited'],
    ['DDoSProtection (418 ban)', new DDoSProtection('banned'), 'rate_limited'],
    ['RequestTimeout', new RequestTimeout('timed out'), 'unknown'],
    ['plain NetworkError (connection dropped)', new NetworkError('fetch failed'), 'unknown'],
    ['ExchangeNotAvailable (503 Unknown error)', new ExchangeNotAvailable('503'), 'unknown'],
    ['OnMaintenance', new OnMaintenance('maintenance'), 'unknown'],
    ['InvalidNonce (recvWindow)', new InvalidNonce('-1021'), 'unknown'],
    ['BadResponse (unreadable reply)', new BadResponse('garbage'), 'unknown'],
    ['NullResponse', new NullResponse('empty'), 'unknown'],
    ['TypeError from inside the client', new TypeError('x is undefined'), 'unknown'],
    ['a thrown string', 'boom', 'unknown'],
    ['DuplicateOrderId (-4116)', new DuplicateOrderId('dup'), 'exists'],
    ['InvalidOrder (min notional)', new InvalidOrder('-4164'), 'rejected'],
    ['OrderNotFound', new OrderNotFound('-2013'), 'rejected'],
    ['InsufficientFunds', new InsufficientFunds('-2019'), 'rejected'],
    ['BadSymbol', new BadSymbol('no market'), 'rejected'],
    ['BadRequest', new BadRequest('-1102'), 'rejected'],
    ['AuthenticationError', new AuthenticationError('-1022'), 'rejected'],
    ['PermissionDenied', new PermissionDenied('-2015'), 'rejected'],
    ['bare ExchangeError', new ExchangeError('?'), 'rejected'],
  ];
  test.each(cases.map(([name, error, disposition]) => ({ name, error, disposition })))('$name -> $disposition', ({ error, disposition }) => {
    expect(classifyOrderError(error)).toBe(disposition);
  });
});

describe('error naming', () => {
  test.each([
    { error: new InvalidOrder('m'), name: 'InvalidOrder' },
    { error: new ExchangeNotAvailable('m'), name: 'ExchangeNotAvailable' },
    { error: new TypeError('m'), name: 'TypeError' },
    { error: 42, name: 'number' },
  ])('is named $name', ({ error, name }) => {
    expect(errorClassName(error)).toBe(name);
  });

  test('isOrderNotFound only for OrderNotFound', () => {
    expect(isOrderNotFound(new OrderNotFound('x'))).toBe(true);
    expect(isOrderNotFound(new InvalidOrder('x'))).toBe(false);
    expect(isOrderNotFound(new NetworkError('x'))).toBe(false);
  });

  test('errorText', () => {
    expect(errorText(new InvalidOrder('min notional'))).toBe('min notional');
    expect(errorText('plain')).toBe('plain');
  });
});
