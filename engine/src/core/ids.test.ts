// Tests of deterministic client order ids: golden values, venue encodings, input validation, speed.
import { describe, expect, test } from 'bun:test';
import { createHash } from 'node:crypto';
import { InvalidArgumentError } from './errors';
import {
  BINANCE_CLIENT_ID_PATTERN,
  HYPERLIQUID_CLIENT_ID_PATTERN,
  clientOrderId,
  clientOrderIdOf,
  followIdKey,
  orderDigestHex,
  seqText,
  sha256HexPortable,
} from './ids';

const h64 = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);
const xorHex = (a: string, b: string) => (BigInt(`0x${a}`) ^ BigInt(`0x${b}`)).toString(16).padStart(16, '0');

describe('clientOrderId', () => {
  test('golden values: the id format must never change under a running book', () => {
    const key = xorHex(h64('wc2|follow|f-1'), h64('wc2|symbol|BTC/USDT:USDT'));
    const digest = `${key}${(42).toString(16).padStart(14, '0')}21`;
    expect(clientOrderId('binanceusdm', 'f-1', 42, 'BTC/USDT:USDT', 1)).toBe(`wc-${digest}`);
    expect(clientOrderId('hyperliquid', 'f-1', 42, 'BTC/USDT:USDT', 1)).toBe(`0x${digest}`);
    expect(orderDigestHex('f-1', 42, 'BTC/USDT:USDT', 1)).toBe(digest);
  });

  test('the precomputed path gives the same ids', () => {
    const key = followIdKey('f-9');
    for (const venue of ['binanceusdm', 'hyperliquid'] as const) {
      for (const leg of [0, 1] as const) {
        expect(clientOrderIdOf(venue, key, seqText(1_763_790_000_123_456), 'ETH/USDT:USDT', leg))
          .toBe(clientOrderId(venue, 'f-9', 1_763_790_000_123_456, 'ETH/USDT:USDT', leg));
      }
    }
    expect(seqText(Number.MAX_SAFE_INTEGER)).toHaveLength(14);
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

  test('follow and symbol halves are hashed apart: swapping them gives another id', () => {
    expect(orderDigestHex('a', 1, 'b', 0)).not.toBe(orderDigestHex('b', 1, 'a', 0));
    expect(orderDigestHex('a|1', 2, 'X', 0)).not.toBe(orderDigestHex('a', 12, 'X', 0));
  });

  test('10,000 follows x 3 symbols in one pass: no two ids alike', () => {
    const seq = seqText(123_456);
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const key = followIdKey(`follow-${i}`);
      for (const symbol of ['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT']) ids.add(clientOrderIdOf('binanceusdm', key, seq, symbol, 1));
    }
    expect(ids.size).toBe(30_000);
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
});
