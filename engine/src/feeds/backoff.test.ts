// Tables for the reconnect backoff: growth, cap, jitter bounds, reset after a healthy period.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError } from '../core';
import { Backoff, DEFAULT_BACKOFF, backoffDelayMs, backoffOptions } from './backoff';

const o = backoffOptions({ baseMs: 100, maxMs: 1000, jitter: 0.5, resetAfterMs: 5000 });

describe('backoffDelayMs', () => {
  const cases: Array<[string, number, number, number]> = [
    ['first retry, no randomness', 0, 0, 50],
    ['first retry, top of jitter', 0, 0.999999, 99.99995],
    ['second retry doubles', 1, 0, 100],
    ['third retry', 2, 0.5, 300],
    ['capped at max', 10, 0, 500],
    ['capped at max, full random', 60, 1, 1000],
    ['negative attempt treated as 0', -3, 0, 50],
    ['random above 1 clamped', 0, 7, 100],
  ];
  test.each(cases)('%s', (_name, attempt, random, expected) => {
    expect(backoffDelayMs(attempt, o, random)).toBeCloseTo(expected, 6);
  });

  test('no jitter is exact exponential', () => {
    const exact = backoffOptions({ baseMs: 10, maxMs: 10_000, jitter: 0 });
    expect([0, 1, 2, 3].map((a) => backoffDelayMs(a, exact, 0.9))).toEqual([10, 20, 40, 80]);
  });
});

describe('backoffOptions', () => {
  test('defaults', () => expect(backoffOptions()).toEqual(DEFAULT_BACKOFF));
  const bad: Array<[string, object]> = [
    ['zero base', { baseMs: 0 }],
    ['max below base', { baseMs: 100, maxMs: 50 }],
    ['jitter above 1', { jitter: 1.5 }],
    ['negative reset', { resetAfterMs: -1 }],
    ['NaN base', { baseMs: Number.NaN }],
  ];
  test.each(bad)('rejects %s', (_name, partial) => {
    expect(() => backoffOptions(partial)).toThrow(InvalidArgumentError);
  });
});

describe('Backoff', () => {
  test('grows on consecutive failures and resets after a healthy period', () => {
    const b = new Backoff(backoffOptions({ baseMs: 100, maxMs: 10_000, jitter: 0, resetAfterMs: 5000 }), () => 0);
    expect(b.next(1000)).toBe(100);
    expect(b.next(1100)).toBe(200);
    b.healthy(1200);
    expect(b.next(2000)).toBe(400); // healthy only 800 ms: keeps growing
    b.healthy(3000);
    expect(b.next(8000)).toBe(100); // healthy 5000 ms: starts over
    expect(b.next(8100)).toBe(200);
  });

  test('a failure without a healthy mark does not reset', () => {
    const b = new Backoff(backoffOptions({ baseMs: 100, maxMs: 10_000, jitter: 0, resetAfterMs: 10 }), () => 0);
    b.next(0);
    expect(b.next(1_000_000)).toBe(200);
  });
});
