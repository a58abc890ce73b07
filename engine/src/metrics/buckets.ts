// Fixed Prometheus bucket bounds (seconds) and a counts array that records into them without allocating.
// Pure data and arithmetic: no prom-client, no labels, no clock.
import { MetricsConfigError } from './errors';

/**
 * Latency bucket upper bounds in seconds: 50 us to 10 s, about x1.5 apart (1, 1.5, 2.5, 4, 6 per decade).
 * Written out, not computed, so every bound prints exactly (no 0.00015000000000000001).
 */
export const LATENCY_BUCKETS_SECONDS: readonly number[] = Object.freeze([
  0.00005, 0.000075,
  0.0001, 0.00015, 0.00025, 0.0004, 0.0006,
  0.001, 0.0015, 0.0025, 0.004, 0.006,
  0.01, 0.015, 0.025, 0.04, 0.06,
  0.1, 0.15, 0.25, 0.4, 0.6,
  1, 1.5, 2.5, 4, 6,
  10,
]);

/** Non-cumulative counts per bucket plus sum and count; values above the last bound count only in +Inf. */
export class BucketCounts {
  /** counts[i] = values in (bounds[i-1], bounds[i]]; counts[bounds.length] = values above the last bound. */
  readonly counts: Float64Array;
  sum = 0;
  count = 0;

  constructor(readonly bounds: readonly number[]) {
    assertBounds(bounds);
    this.counts = new Float64Array(bounds.length + 1);
  }

  /** Prometheus semantics: a value equal to a bound falls in that bound's bucket (le = less or equal). */
  observe(value: number): void {
    this.counts[upperBoundIndex(this.bounds, value)]! += 1;
    this.sum += value;
    this.count += 1;
  }

  /** Cumulative count of values <= bounds[i] (i = bounds.length gives the +Inf bucket, i.e. count). */
  cumulative(i: number): number {
    let acc = 0;
    for (let j = 0; j <= i; j++) acc += this.counts[j]!;
    return acc;
  }

  reset(): void {
    this.counts.fill(0);
    this.sum = 0;
    this.count = 0;
  }
}

/** Index of the first bound >= value (binary search), or bounds.length when value is above them all. */
export function upperBoundIndex(bounds: readonly number[], value: number): number {
  let lo = 0;
  let hi = bounds.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (bounds[mid]! >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function assertBounds(bounds: readonly number[]): void {
  if (bounds.length === 0) throw new MetricsConfigError('bucket bounds must not be empty');
  for (let i = 0; i < bounds.length; i++) {
    const b = bounds[i]!;
    if (!Number.isFinite(b)) throw new MetricsConfigError(`bucket bound ${i} is not finite: ${b}`);
    if (i > 0 && b <= bounds[i - 1]!) throw new MetricsConfigError(`bucket bounds must increase: ${bounds[i - 1]} then ${b}`);
  }
}
