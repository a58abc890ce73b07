// Tests of deterministic client order ids: golden values, venue encodings, input validation, speed.
import { describe, expect, test } from 'bun:test';
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from './errors';
import {
  BINANCE_CLIENT_ID_PATTERN,
  HYPERLIQUID_CLIENT_ID_PATTERN,
  clientOrderId,
  orderDigestHex,
  sha256HexPortable,
} from './ids';

describe('clientOrderId', () => {
  test('golden values: the id format must never change under a running book', () => {
    expect(clientOrderId('binanceusdm', 'f-1', 42, 'BTC/USDT:USDT', 1)).toBe(
      'wc-' + createHash('sha256').update('wc1|3:f-1|42|13:BTC/USDT:USDT|1').digest('hex').slice(0, 32),
    );
    expect(clientOrderId('hyperliquid', 'f-1', 42, 'BTC/USDT:USDT', 1)).toBe(
      '0x' + createHash('sha256').update('wc1|3:f-1|42|13:BTC/USDT:USDT|1').digest('hex').slice(0, 32),
    );
  });

  test('both venues carry the same 128-bit digest', () => {
    const binance = clientOrderId('binanceusdm', 'alice', 7, 'ETH/USDC:USDC', 0);
    const hyper = clientOrderId('hyperliquid', 'alice', 7, 'ETH/USDC:USDC', 0);
    expect(binance.slice(3)).toBe(hyper.slice(2));
    expect(binance).toHaveLength(35);
    expect(binance).toMatch(BINANCE_CLIENT_ID_PATTERN);
    expect(hyper).toMatch(HYPERLIQUID_CLIENT_ID_PATTERN);
  });

  test('deterministic and sensitive to every input', () => {
    const base = clientOrderId('binanceusdm', 'f1', 1, 'BTC/USDT:USDT', 0);
    expect(clientOrderId('binanceusdm', 'f1', 1, 'BTC/USDT:USDT', 0)).toBe(base);
    const variants = [
      clientOrderId('binanceusdm', 'f2', 1, 'BTC/USDT:USDT', 0),
      clientOrderId('binanceusdm', 'f1', 2, 'BTC/USDT:USDT', 0),
      clientOrderId('binanceusdm', 'f1', 1, 'ETH/USDT:USDT', 0),
      clientOrderId('binanceusdm', 'f1', 1, 'BTC/USDT:USDT', 1),
    ];
    expect(new Set([base, ...variants]).size).toBe(5);
  });

  test('length prefixes keep separator-like ids apart', () => {
    expect(orderDigestHex('a|1', 2, 'X', 0)).not.toBe(orderDigestHex('a', 12, 'X', 0));
    expect(orderDigestHex('a:1', 1, 'B', 0)).not.toBe(orderDigestHex('a', 1, '1:B', 0));
  });

  test('unicode follower ids hash like any other string', () => {
    const id = clientOrderId('binanceusdm', 'фолловер-😀', 9, 'SOL/USDT:USDT', 1);
    expect(id).toMatch(BINANCE_CLIENT_ID_PATTERN);
  });

  test('Bun native and portable SHA-256 agree', () => {
    for (const text of ['', 'abc', 'wc1|3:f-1|42|13:BTC/USDT:USDT|1', 'фолловер-😀']) {
      expect(sha256HexPortable(text)).toBe(createHash('sha256').update(text).digest('hex'));
      expect(Bun.CryptoHasher.hash('sha256', text, 'hex')).toBe(sha256HexPortable(text));
    }
  });

  test.each([
    ['', 1, 'BTC/USDT:USDT', 0],
    ['f', -1, 'BTC/USDT:USDT', 0],
    ['f', 1.5, 'BTC/USDT:USDT', 0],
    ['f', Number.MAX_SAFE_INTEGER + 2, 'BTC/USDT:USDT', 0],
    ['f', NaN, 'BTC/USDT:USDT', 0],
    ['f', 1, '', 0],
    ['f', 1, 'BTC/USDT:USDT', 2],
  ] as const)('rejects (%p, %p, %p, %p)', (followerId, seq, symbol, leg) => {
    expect(() => clientOrderId('binanceusdm', followerId, seq, symbol, leg as 0)).toThrow(InvalidArgumentError);
  });

  test('10,000 ids take well under 50 ms', () => {
    const started = performance.now();
    for (let i = 0; i < 10_000; i++) clientOrderId('binanceusdm', `follower-${i}`, 123456, 'BTC/USDT:USDT', 1);
    expect(performance.now() - started).toBeLessThan(50);
  });
});
