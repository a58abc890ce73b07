// Orders (signals) emitted per second over a sliding window of whole seconds, for the overview.
// Plain counter: O(1) record, no timers, no I/O.

export class OrderRate {
  private readonly buckets: number[];
  private readonly seconds: number[];

  constructor(private readonly windowSeconds = 10) {
    if (!Number.isInteger(windowSeconds) || windowSeconds < 1) throw new RangeError(`windowSeconds must be a positive integer, got ${windowSeconds}`);
    // One bucket more than the window: the current (still filling) second has its own.
    this.buckets = new Array<number>(windowSeconds + 1).fill(0);
    this.seconds = new Array<number>(windowSeconds + 1).fill(-1);
  }

  record(count: number, nowMs: number): void {
    const second = Math.floor(nowMs / 1000);
    const i = second % this.buckets.length;
    if (this.seconds[i] !== second) {
      this.seconds[i] = second;
      this.buckets[i] = 0;
    }
    this.buckets[i]! += count;
  }

  /** Mean over the last `windowSeconds` whole seconds before the current one. */
  perSecond(nowMs: number): number {
    const current = Math.floor(nowMs / 1000);
    let sum = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      const second = this.seconds[i]!;
      if (second < current && second >= current - this.windowSeconds) sum += this.buckets[i]!;
    }
    return sum / this.windowSeconds;
  }
}
