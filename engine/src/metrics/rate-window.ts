// Events per second over the last N whole seconds, in a ring of per-second counts: add() allocates
// nothing and never awaits. Owns no timer; the clock is read when counting and when asked.
import { systemClock, type Clock } from '../core';
import { MetricsConfigError } from './errors';

export class RateWindow {
  private readonly counts: Float64Array;
  /** The epoch second each slot currently counts. */
  private readonly seconds: Float64Array;

  constructor(private readonly windowSeconds = 10, private readonly clock: Clock = systemClock) {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new MetricsConfigError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
    // one extra slot for the second in progress, which perSecond() leaves out
    this.counts = new Float64Array(windowSeconds + 1);
    this.seconds = new Float64Array(windowSeconds + 1).fill(-1);
  }

  add(n = 1): void {
    const second = Math.floor(this.clock.nowMs() / 1000);
    const i = second % this.counts.length;
    if (this.seconds[i] !== second) {
      this.seconds[i] = second;
      this.counts[i] = 0;
    }
    this.counts[i]! += n;
  }

  /** Mean per second over the last windowSeconds complete seconds (the current second is not counted). */
  perSecond(): number {
    const now = Math.floor(this.clock.nowMs() / 1000);
    let sum = 0;
    for (let i = 0; i < this.counts.length; i++) {
      const s = this.seconds[i]!;
      if (s < now && s >= now - this.windowSeconds) sum += this.counts[i]!;
    }
    return sum / this.windowSeconds;
  }
}
