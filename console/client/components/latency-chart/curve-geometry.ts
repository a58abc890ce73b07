// Geometry of the HDR percentile chart: x is the percentile on the "nines" scale log10(1/(1-p)), so
// 90, 99, 99.9 and 99.99 are evenly spaced; y is latency on a log10 scale. Pure, no DOM.
import type { LatencyCurves } from '../../../shared/events';

export interface Box { width: number; height: number; left: number; right: number; top: number; bottom: number }
export interface Tick { at: number; label: string }
export interface CurvePath { hop: string; d: string; points: number }
export interface ChartGeometry { paths: CurvePath[]; xTicks: Tick[]; yTicks: Tick[]; empty: boolean }

/** The highest percentile drawn (beyond it the x axis would be unbounded). */
export const MAX_PERCENTILE = 99.9999;
const MIN_MS = 0.001;

/** Nines of a percentile: 0 -> 0, 90 -> 1, 99 -> 2, 99.9 -> 3 (clamped to [0, MAX_PERCENTILE]). */
export function nines(percentile: number): number {
  const p = Math.min(MAX_PERCENTILE, Math.max(0, percentile));
  return Math.log10(100 / (100 - p));
}

const log10ms = (ms: number) => Math.log10(Math.max(MIN_MS, ms));

/** Whole decades covering [min, max] ms, at least one decade wide. */
export function msDecades(minMs: number, maxMs: number): [number, number] {
  const lo = Math.floor(log10ms(minMs) + 1e-9);
  const hi = Math.max(lo + 1, Math.ceil(log10ms(maxMs) - 1e-9));
  // `+ 0` turns a -0 from Math.ceil into 0.
  return [lo + 0, hi + 0];
}

const msLabel = (decade: number) => {
  const ms = 10 ** decade;
  return ms >= 1000 ? `${ms / 1000} s` : ms >= 1 ? `${ms} ms` : `${Number((ms * 1000).toPrecision(3))} µs`;
};

export function chartGeometry(curves: LatencyCurves, box: Box): ChartGeometry {
  const hops = Object.keys(curves).sort();
  const all = hops.flatMap((hop) => curves[hop]!.filter((pt) => Number.isFinite(pt.ms) && Number.isFinite(pt.percentile)));
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const maxNines = Math.max(3, Math.ceil(Math.max(0, ...all.map((pt) => nines(pt.percentile))) - 1e-9));
  const [lo, hi] = all.length === 0 ? [-1, 2] : msDecades(Math.min(...all.map((pt) => pt.ms)), Math.max(...all.map((pt) => pt.ms)));
  const x = (percentile: number) => box.left + (nines(percentile) / maxNines) * plotW;
  const y = (ms: number) => box.top + plotH - ((log10ms(ms) - lo) / (hi - lo)) * plotH;
  const fmt = (v: number) => v.toFixed(1);
  const paths = hops.map((hop) => {
    const points = curves[hop]!.filter((pt) => Number.isFinite(pt.ms) && Number.isFinite(pt.percentile))
      .sort((a, b) => a.percentile - b.percentile);
    const d = points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${fmt(x(pt.percentile))} ${fmt(y(pt.ms))}`).join(' ');
    return { hop, d, points: points.length };
  });
  const xTicks: Tick[] = [];
  for (let n = 0; n <= maxNines; n++) {
    const percentile = 100 - 100 / 10 ** n;
    xTicks.push({ at: Number(fmt(box.left + (n / maxNines) * plotW)), label: n === 0 ? '0%' : `${Number(percentile.toFixed(n))}%` });
  }
  const yTicks: Tick[] = [];
  for (let decade = lo; decade <= hi; decade++) yTicks.push({ at: Number(fmt(y(10 ** decade))), label: msLabel(decade) });
  return { paths, xTicks, yTicks, empty: all.length === 0 };
}

/** The latency at a percentile (nearest point at or above it), for the legend's p50/p99 readout. */
export function latencyAt(points: readonly { percentile: number; ms: number }[], percentile: number): number | undefined {
  let best: { percentile: number; ms: number } | undefined;
  for (const pt of points) if (pt.percentile >= percentile && (best === undefined || pt.percentile < best.percentile)) best = pt;
  return best?.ms;
}
