// Tests of the system and manual clocks.
import { describe, expect, test } from 'bun:test';
import { ManualClock, systemClock } from './clock';
import { InvalidArgumentError } from './errors';

describe('clocks', () => {
  test('system clock is epoch ms with a sub-millisecond fraction, close to Date.now()', () => {
    const now = systemClock.nowMs();
    expect(Math.abs(now - Date.now())).toBeLessThan(1000);
    const later = systemClock.nowMs();
    expect(later).toBeGreaterThanOrEqual(now);
  });

  test('manual clock moves only when told', () => {
    const clock = new ManualClock(1_700_000_000_000);
    expect(clock.nowMs()).toBe(1_700_000_000_000);
    clock.advance(1.5);
    expect(clock.nowMs()).toBe(1_700_000_000_001.5);
    clock.set(5);
    expect(clock.nowMs()).toBe(5);
  });

  test('manual clock rejects non-finite times', () => {
    expect(() => new ManualClock(NaN)).toThrow(InvalidArgumentError);
    expect(() => new ManualClock().advance(Infinity)).toThrow(InvalidArgumentError);
  });
});
