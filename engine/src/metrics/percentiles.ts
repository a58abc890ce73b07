// Reading HDR histograms: the summary quantiles and the percentile curve (HDR "percentile distribution"
// points, exponentially closer to 100%). Read path only: it may allocate, it never records.
import type { Histogram } from 'hdr-histogram-js';

export interface HopSummary {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly p999Ms: number;
  readonly maxMs: number;
  readonly count: number;
}

export interface CurvePoint {
  /** 0..100 */
  readonly percentile: number;
  readonly ms: number;
}

export const EMPTY_SUMMARY: HopSummary = Object.freeze({ p50Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0, count: 0 });

/** Percentile ticks 100 * (1 - 2^(-k / ticksPerHalf)): 0, 29.3, 50, 64.6, 75, ... up to 99.9999. */
export function percentileTicks(ticksPerHalf = 2, maxNines = 6): number[] {
  const ticks: number[] = [];
  const last = 100 * (1 - 10 ** -maxNines);
  for (let k = 0; ; k++) {
    const p = 100 * (1 - 2 ** (-k / ticksPerHalf));
    if (p > last) break;
    ticks.push(Math.round(p * 1e6) / 1e6);
  }
  return ticks;
}

const DEFAULT_TICKS = percentileTicks();

/** Histogram values are microseconds; results are milliseconds. */
export function summarize(h: Histogram): HopSummary {
  const count = h.totalCount;
  if (count === 0) return EMPTY_SUMMARY;
  return {
    p50Ms: h.getValueAtPercentile(50) / 1000,
    p99Ms: h.getValueAtPercentile(99) / 1000,
    p999Ms: h.getValueAtPercentile(99.9) / 1000,
    maxMs: h.maxValue / 1000,
    count,
  };
}

/**
 * Curve points while at least one recorded value lies above the tick (the tail fraction times the count
 * is >= 1), then the maximum at 100. Empty for an empty histogram.
 */
export function percentileCurve(h: Histogram, ticks: readonly number[] = DEFAULT_TICKS): CurvePoint[] {
  const count = h.totalCount;
  if (count === 0) return [];
  const points: CurvePoint[] = [];
  for (const percentile of ticks) {
    if ((1 - percentile / 100) * count < 1) break;
    points.push({ percentile, ms: h.getValueAtPercentile(percentile) / 1000 });
  }
  points.push({ percentile: 100, ms: h.maxValue / 1000 });
  return points;
}
