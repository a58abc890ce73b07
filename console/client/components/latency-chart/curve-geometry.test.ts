// Tests of the HDR chart geometry: the nines axis, decade bounds, path building (sorted, finite points
// only), tick labels and the percentile readout.
import { describe, expect, test } from 'bun:test';
import { chartGeometry, latencyAt, msDecades, nines } from './curve-geometry';

test.each([[0, 0], [90, 1], [99, 2], [99.9, 3], [50, Math.log10(2)], [-5, 0], [100, 6]])('nines(%p) = %p', (p, n) => {
  expect(nines(p)).toBeCloseTo(n, 9);
});

test.each([[0.2, 35, [-1, 2]], [1, 1, [0, 1]], [0, 0.5, [-3, 0]], [1500, 2500, [3, 4]]])('msDecades(%p, %p) = %p', (lo, hi, decades) => {
  expect(msDecades(lo, hi)).toEqual(decades as [number, number]);
});

describe('chartGeometry', () => {
  const box = { width: 400, height: 200, left: 50, right: 10, top: 10, bottom: 30 };
  test('maps percentiles on the nines axis and ms on a log axis', () => {
    const g = chartGeometry({ end_to_end: [{ percentile: 99, ms: 10 }, { percentile: 0, ms: 1 }, { percentile: 99.9, ms: 100 }] }, box);
    // x: 0 -> left, 99 -> 2/3 of the plot, 99.9 -> right edge; y: 1 ms bottom, 100 ms top (decades 0..2).
    expect(g.paths).toEqual([{ hop: 'end_to_end', d: 'M50.0 170.0 L276.7 90.0 L390.0 10.0', points: 3 }]);
    expect(g.xTicks.map((t) => t.label)).toEqual(['0%', '90%', '99%', '99.9%']);
    expect(g.yTicks.map((t) => t.label)).toEqual(['1 ms', '10 ms', '100 ms']);
    expect(g.empty).toBe(false);
  });

  test('drops non-finite points, sorts hops, and handles no data', () => {
    const g = chartGeometry({ b: [{ percentile: 50, ms: NaN }], a: [{ percentile: 50, ms: 0.05 }] }, box);
    expect(g.paths.map((p) => [p.hop, p.points])).toEqual([['a', 1], ['b', 0]]);
    expect(g.yTicks[0]!.label).toBe('10 µs');
    const none = chartGeometry({}, box);
    expect([none.empty, none.paths.length, none.xTicks.length]).toEqual([true, 0, 4]);
  });
});

test.each([[50, 2], [99, 9], [99.5, 9], [99.95, undefined], [0, 1]])('latencyAt(%p) = %p', (p, ms) => {
  expect(latencyAt([{ percentile: 0, ms: 1 }, { percentile: 50, ms: 2 }, { percentile: 99.9, ms: 9 }], p)).toBe(ms as number | undefined);
});
