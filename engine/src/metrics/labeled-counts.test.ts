import { describe, expect, test } from 'bun:test';
import { Registry } from 'prom-client';
import { MetricsConfigError } from './errors';
import { LabeledCounts, OVERFLOW_LABEL, exportCounter, exportGauge, exportTotal } from './labeled-counts';

describe('LabeledCounts', () => {
  test('one slot per label set, the same object on every lookup', () => {
    const c = new LabeledCounts(['venue', 'outcome']);
    const a = c.slot('binanceusdm', 'filled');
    a.value += 2;
    c.inc('binanceusdm', 'filled');
    c.inc('binanceusdm', 'rejected', '', 5);
    c.inc('hyperliquid', 'filled');
    expect(c.slot('binanceusdm', 'filled')).toBe(a);
    expect(c.slots().map((s) => [s.labels, s.value])).toEqual([
      [{ venue: 'binanceusdm', outcome: 'filled' }, 3],
      [{ venue: 'binanceusdm', outcome: 'rejected' }, 5],
      [{ venue: 'hyperliquid', outcome: 'filled' }, 1],
    ]);
  });

  test('label values that look alike stay apart (no joined-string keys)', () => {
    const c = new LabeledCounts(['a', 'b']);
    c.inc('x|y', 'z');
    c.inc('x', 'y|z');
    expect(c.slots().length).toBe(2);
  });

  test('past maxSeries every new label set counts in one overflow slot', () => {
    const c = new LabeledCounts(['reason', 'venue', 'kind'], 2);
    c.inc('a', 'v', 'k');
    c.inc('b', 'v', 'k');
    c.inc('c', 'v', 'k');
    c.inc('d', 'w', 'k', 4);
    c.inc('a', 'v', 'k');
    expect(c.slots().map((s) => [s.labels, s.value])).toEqual([
      [{ reason: 'a', venue: 'v', kind: 'k' }, 2],
      [{ reason: 'b', venue: 'v', kind: 'k' }, 1],
      [{ reason: OVERFLOW_LABEL, venue: OVERFLOW_LABEL, kind: OVERFLOW_LABEL }, 5],
    ]);
  });

  test.each([[[], 512], [['a', 'b', 'c', 'd'], 512], [['a'], 0]] as const)('rejects labels %p max %p', (names, max) => {
    expect(() => new LabeledCounts(names, max)).toThrow(MetricsConfigError);
  });
});

describe('export at scrape time', () => {
  test('counter, total and gauge show the values held outside prom-client', async () => {
    const registry = new Registry();
    const c = new LabeledCounts(['reason']);
    exportCounter({ registry, name: 't_denials_total', help: 'h' }, c);
    let total = 0;
    exportTotal({ registry, name: 't_failures_total', help: 'h' }, () => total);
    let depth = 3;
    exportGauge({ registry, name: 't_depth', help: 'h', labelNames: ['q'] }, (set) => {
      if (depth > 0) set({ q: 'a' }, depth);
    });
    c.inc('halted', '', '', 2);
    total = 7;
    let text = await registry.metrics();
    expect(text).toContain('# TYPE t_denials_total counter\nt_denials_total{reason="halted"} 2');
    expect(text).toContain('t_failures_total 7');
    expect(text).toContain('t_depth{q="a"} 3');
    c.inc('halted');
    total = 0;
    depth = 0;
    text = await registry.metrics();
    expect(text).toContain('t_denials_total{reason="halted"} 3');
    expect(text).toContain('t_failures_total 0');
    expect(text).not.toContain('t_depth{');
  });
});
