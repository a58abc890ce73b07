// Table tests of the shared formatters: fixed decimals with grouping, no negative zero, UTC clock
// strings and relative ages on both sides of now.
import { describe, expect, test } from 'bun:test';
import { contractDecimals, formatNumber, formatSigned, formatUtc, formatUtcClock, relativeAge } from './format';

describe('formatNumber', () => {
  test.each([
    [1234.5, 2, '1,234.50'], [0, 2, '0.00'], [-0, 2, '0.00'], [-0.0001, 2, '0.00'], [-1.005, 1, '-1.0'],
    [0.1 + 0.2, 2, '0.30'], [1e6, 0, '1,000,000'], [NaN, 2, '—'], [Infinity, 2, '—'], [null, 2, '—'], [undefined, 3, '—'],
    [0.00001, 5, '0.00001'], [-12.3456, 4, '-12.3456'],
  ] as const)('formatNumber(%p, %p) -> %p', (value, decimals, text) => expect(formatNumber(value, decimals)).toBe(text));
});

describe('formatSigned', () => {
  test.each([
    [0.01, 4, '+0.0100'], [-2.5, 4, '-2.5000'], [0, 4, '0.0000'], [0.00001, 2, '0.00'], [null, 2, '—'],
  ] as const)('formatSigned(%p, %p) -> %p', (value, decimals, text) => expect(formatSigned(value, decimals)).toBe(text));
});

test.each([
  [Date.UTC(2025, 0, 2, 3, 4, 5, 678), '2025-01-02 03:04:05 UTC', '03:04:05.678'],
  [0, '1970-01-01 00:00:00 UTC', '00:00:00.000'],
])('formatUtc(%p)', (ms, full, clock) => {
  expect(formatUtc(ms)).toBe(full);
  expect(formatUtcClock(ms)).toBe(clock);
});

describe('relativeAge', () => {
  const now = 1_000_000_000;
  test.each([
    [now, 'now'], [now - 999, 'now'], [now - 1000, '1 s ago'], [now - 59_999, '59 s ago'], [now - 60_000, '1 min ago'],
    [now - 3_600_000, '1 h ago'], [now - 2 * 86_400_000 - 5, '2 d ago'], [now + 12_000, 'in 12 s'], [NaN, '—'],
  ] as const)('%p -> %p', (ms, text) => expect(relativeAge(ms, now)).toBe(text));
});

test.each([['BTC/USDT:USDT', 5], ['ETH/USDC:USDC', 4]] as const)('contractDecimals(%p) -> %p', (symbol, decimals) => {
  expect(contractDecimals(symbol)).toBe(decimals);
});
