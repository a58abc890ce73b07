import { describe, expect, test } from 'bun:test';
import { ManualClock } from '../core';
import { MetricsConfigError } from './errors';
import { RateWindow } from './rate-window';

describe('RateWindow', () => {
  test('mean over the last complete seconds; the second in progress and older ones do not count', () => {
    const clock = new ManualClock(100_000);
    const r = new RateWindow(4, clock);
    r.add(8); // second 100
    clock.advance(1_000);
    r.add(4); // second 101
    clock.advance(500);
    expect(r.perSecond()).toBe(2); // second 101 is still in progress: 8 / 4
    clock.advance(500);
    expect(r.perSecond()).toBe(3); // (8 + 4) / 4
    clock.advance(4_000);
    expect(r.perSecond()).toBe(0); // both seconds left the window
  });

  test.each([
    ['all in the window', [[0, 10], [1_000, 10], [2_000, 10]], 3_000, 10],
    ['current second left out', [[0, 10], [3_200, 50]], 3_500, 10 / 3],
    ['older than the window dropped', [[0, 30], [5_000, 3]], 6_000, 1],
    ['a slot reused after a wrap is reset', [[0, 100], [4_000, 2]], 5_000, 2 / 3],
    ['nothing', [], 9_000, 0],
  ] as const)('%s', (_name, adds, at, expected) => {
    const clock = new ManualClock(0);
    const r = new RateWindow(3, clock);
    for (const [t, n] of adds) {
      clock.set(t);
      r.add(n);
    }
    clock.set(at);
    expect(r.perSecond()).toBeCloseTo(expected, 9);
  });

  test.each([0, -1, 2.5])('rejects a window of %p seconds', (s) => {
    expect(() => new RateWindow(s)).toThrow(MetricsConfigError);
  });
});
