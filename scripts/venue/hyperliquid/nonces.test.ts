// Nonce window, reuse and bounded-memory rules, as a table.
import { describe, expect, test } from 'bun:test';
import { NONCE_WINDOW_FUTURE_MS, NONCE_WINDOW_PAST_MS, NonceGuard, nonceMessage } from './nonces';

const NOW = 1_763_000_000_000;

describe('NonceGuard', () => {
  test.each([
    ['fresh nonce', NOW, 'ok'],
    ['just inside the past window', NOW - NONCE_WINDOW_PAST_MS + 1, 'ok'],
    ['exactly 2 days old', NOW - NONCE_WINDOW_PAST_MS, 'out_of_window'],
    ['just inside the future window', NOW + NONCE_WINDOW_FUTURE_MS - 1, 'ok'],
    ['exactly 1 day ahead', NOW + NONCE_WINDOW_FUTURE_MS, 'out_of_window'],
    ['seconds instead of ms', Math.floor(NOW / 1000), 'out_of_window'],
    ['not an integer', NOW + 0.5, 'out_of_window'],
  ])('%s', (_name, nonce, want) => {
    expect<string>(new NonceGuard().use('0xa', nonce, NOW)).toBe(want);
  });

  test('a nonce is used once per signer; other signers are independent', () => {
    const g = new NonceGuard();
    expect(g.use('0xa', NOW, NOW)).toBe('ok');
    expect(g.use('0xa', NOW, NOW)).toBe('duplicate');
    expect(g.use('0xb', NOW, NOW)).toBe('ok');
    expect(g.use('0xa', NOW - 5, NOW)).toBe('ok');
  });

  test('keeps only the highest N: below the smallest kept is too low, out-of-order above it is fine', () => {
    const g = new NonceGuard(3);
    for (const n of [10, 20, 30]) expect(g.use('0xa', NOW + n, NOW)).toBe('ok');
    expect(g.use('0xa', NOW + 5, NOW)).toBe('too_low');
    expect(g.use('0xa', NOW + 25, NOW)).toBe('ok');
    expect(g.use('0xa', NOW + 10, NOW)).toBe('too_low');
    expect(g.use('0xa', NOW + 20, NOW)).toBe('duplicate');
    expect(g.use('0xa', NOW + 30, NOW)).toBe('duplicate');
  });

  test('messages name the rule', () => {
    expect(nonceMessage('duplicate', NOW)).toContain('duplicate nonce');
    expect(nonceMessage('out_of_window', NOW)).toContain(String(NOW));
  });
});
