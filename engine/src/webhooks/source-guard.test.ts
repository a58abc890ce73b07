// Tests of the source checks: allowlist parsing, the client address from the socket or a trusted proxy
// header, and the per-source token bucket (burst, refill, isolation, bounded memory).
import { describe, expect, test } from 'bun:test';
import { SourceRateLimiter, TRADINGVIEW_ADDRESSES, clientAddress, normalizeAddress, parseAllowlist } from './source-guard';

describe('parseAllowlist', () => {
  test.each([
    [undefined, null], ['', null], ['  ', null],
    ['tradingview', [...TRADINGVIEW_ADDRESSES]],
    ['10.0.0.1, ::FFFF:10.0.0.2 ,', ['10.0.0.1', '10.0.0.2']],
    ['TradingView,127.0.0.1', [...TRADINGVIEW_ADDRESSES, '127.0.0.1']],
  ] as const)('%p', (spec, expected) => {
    const set = parseAllowlist(spec);
    expect(set === null ? null : [...set]).toEqual(expected === null ? null : [...expected]);
  });
});

describe('clientAddress', () => {
  const h = (init: Record<string, string>) => new Headers(init);
  test.each([
    ['socket only', {}, '52.89.214.238', undefined, '52.89.214.238'],
    ['IPv4-mapped socket', {}, '::ffff:52.89.214.238', undefined, '52.89.214.238'],
    ['no socket, no header', {}, undefined, undefined, undefined],
    ['header ignored unless trusted', { 'x-forwarded-for': '1.1.1.1' }, '10.0.0.9', undefined, '10.0.0.9'],
    ['trusted header: the last entry', { 'x-forwarded-for': '6.6.6.6, 52.32.178.7' }, '10.0.0.9', 'x-forwarded-for', '52.32.178.7'],
    ['trusted header missing: unknown', {}, '10.0.0.9', 'x-forwarded-for', undefined],
    ['trusted header empty: unknown', { 'x-real-ip': ' , ' }, '10.0.0.9', 'x-real-ip', undefined],
  ] as const)('%s', (_case, headers, socket, trusted, expected) => {
    expect(clientAddress(h(headers), socket, trusted)).toBe(expected);
  });

  test('normalizeAddress leaves plain IPv6 alone', () => expect(normalizeAddress(' 2001:DB8::1 ')).toBe('2001:db8::1'));
});

describe('SourceRateLimiter', () => {
  test('a burst of one second, then the sustained rate', () => {
    const limiter = new SourceRateLimiter(5);
    const burst = Array.from({ length: 7 }, () => limiter.allow('a', 0));
    expect(burst).toEqual([true, true, true, true, true, false, false]);
    expect(limiter.allow('a', 199)).toBe(false);
    expect(limiter.allow('a', 200)).toBe(true);
    expect(limiter.allow('a', 200)).toBe(false);
    expect(limiter.allow('b', 200)).toBe(true);
  });

  test('memory stays bounded under many sources; refilled buckets are forgotten first', () => {
    const limiter = new SourceRateLimiter(1, { maxSources: 100 });
    for (let i = 0; i < 1000; i++) limiter.allow(`s${i}`, i);
    expect(limiter.sources).toBeLessThanOrEqual(100);
  });

  test('refuses a non-positive rate', () => expect(() => new SourceRateLimiter(0)).toThrow(RangeError));
});
