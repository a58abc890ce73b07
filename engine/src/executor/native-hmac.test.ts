// The native HMAC takes over ccxt's Binance signing hash and gives ccxt's own answer; the rest is ccxt's.
import { describe, expect, test } from 'bun:test';
import { createClient } from '../venues';
import { useNativeHmac } from './native-hmac';

type Hmac = (request: string | Uint8Array, secret: string | Uint8Array, hash: unknown, digest?: string) => unknown;

/** The hash function ccxt's binance sign() passes to hmac (its bundled SHA-256). */
function ccxtSigningHash(): unknown {
  const ex = createClient('binanceusdm', { credentials: { apiKey: 'a'.repeat(64), secret: 's' } });
  let seen: unknown;
  const original = ex.hmac as Hmac;
  (ex as { hmac: Hmac }).hmac = (r, s, hash, d) => {
    seen = hash;
    return original(r, s, hash, d);
  };
  ex.sign('order', 'fapiPrivate', 'POST', { symbol: 'BTCUSDT', timestamp: 1 });
  return seen;
}

describe('useNativeHmac', () => {
  const sha256 = ccxtSigningHash();
  const ccxtHmac = createClient('binanceusdm').hmac as Hmac;
  let fallbacks = 0;
  const ex = { hmac: ((...a: Parameters<Hmac>) => (fallbacks++, ccxtHmac(...a))) as Hmac };
  useNativeHmac(ex);
  const enc = (s: string) => new TextEncoder().encode(s);
  test.each([
    ['symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01&timestamp=1700000000000', 'secret'],
    [enc('a=1&b=%C3%A9'), enc('k'.repeat(64))],
    ['', 'x'],
    ['ünïcödé=✓', 'sëcret'],
    ['x'.repeat(5000), 'k'.repeat(200)],
  ] as [string | Uint8Array, string | Uint8Array][])('sha256 hex of %p: ccxt\'s signature, computed natively', (request, secret) => {
    fallbacks = 0;
    expect(ex.hmac(request, secret, sha256)).toBe(ccxtHmac(request, secret, sha256) as string);
    expect(ex.hmac(request, secret, sha256, 'hex')).toBe(ccxtHmac(request, secret, sha256, 'hex') as string);
    expect(fallbacks).toBe(0);
  });
  test('other digests and hashes go to ccxt', () => {
    fallbacks = 0;
    expect(ex.hmac('a', 'b', sha256, 'base64')).toBe(ccxtHmac('a', 'b', sha256, 'base64') as string);
    const notSha256 = Object.assign((d: Uint8Array) => d.slice(0, 32), { outputLen: 32, blockLen: 64 });
    expect(() => ex.hmac('a', 'b', notSha256)).toThrow(); // noble refuses it: the point is that ccxt was asked
    expect(fallbacks).toBe(2);
  });
  test('a signed request carries the same signature either way', () => {
    const make = () => createClient('binanceusdm', { credentials: { apiKey: 'a'.repeat(64), secret: 'topsecret' } });
    const plain = make();
    const native = make();
    useNativeHmac(native as never);
    const params = { symbol: 'BTCUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', newClientOrderId: 'abc', timestamp: 1700000000000 };
    expect(native.sign('order', 'fapiPrivate', 'POST', { ...params }).body).toBe(plain.sign('order', 'fapiPrivate', 'POST', { ...params }).body);
  });
});
