// Small statistics helpers for benchmarks: percentiles and medians over runs. No I/O.

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length - 1e-9) - 1));
  return sorted[i]!;
}

export function median(xs: number[]): number {
  return percentile([...xs].sort((a, b) => a - b), 50);
}

export interface Summary {
  n: number;
  p50: number;
  p99: number;
  p999: number;
  max: number;
}

export function summarize(samples: readonly number[]): Summary {
  const s = Float64Array.from(samples).sort();
  const arr = Array.from(s);
  return { n: arr.length, p50: percentile(arr, 50), p99: percentile(arr, 99), p999: percentile(arr, 99.9), max: arr[arr.length - 1] ?? NaN };
}

export const fmt = (x: number, digits = 2) => (Number.isFinite(x) ? x.toFixed(digits) : 'n/a');
