import { describe, expect, test } from 'bun:test';
import { heapStats } from 'bun:jsc';
import { ManualClock } from '../core';
import { MetricsConfigError } from './errors';
import { HOPS, HOP_INDEX } from './hops';
import { LatencyRecorder } from './latency-recorder';

const rel = (actual: number, expected: number) => Math.abs(actual - expected) / expected;

describe('LatencyRecorder percentiles', () => {
  test('uniform 0.1..1000 ms: p50/p99/p99.9 within HDR precision (0.1% per hop, 1% per series)', () => {
    const r = new LatencyRecorder({ windowMs: 0 });
    for (let i = 1; i <= 10_000; i++) r.record('end_to_end', 'binanceusdm', 2, i / 10);
    const s = r.summary().end_to_end;
    expect(s.count).toBe(10_000);
    expect(rel(s.p50Ms, 500)).toBeLessThan(0.002);
    expect(rel(s.p99Ms, 990)).toBeLessThan(0.002);
    expect(rel(s.p999Ms, 999)).toBeLessThan(0.002);
    expect(rel(s.maxMs, 1000)).toBeLessThan(0.002);
    const one = r.seriesSummary('end_to_end', 'binanceusdm', 2);
    expect(one.count).toBe(10_000);
    expect(rel(one.p99Ms, 990)).toBeLessThan(0.01);
    expect(r.seriesSummary('end_to_end', 'binanceusdm', 3).count).toBe(0);
    expect(r.seriesSummary('end_to_end', 'hyperliquid', 2).count).toBe(0);
  });

  test('a bimodal hop: p50 on the fast mode, p99 on the slow one', () => {
    const r = new LatencyRecorder({ windowMs: 0 });
    for (let i = 0; i < 980; i++) r.record('sent_to_ack', 'hyperliquid', 0, 2);
    for (let i = 0; i < 20; i++) r.record('sent_to_ack', 'hyperliquid', 0, 250);
    const s = r.summary().sent_to_ack;
    expect(rel(s.p50Ms, 2)).toBeLessThan(0.002);
    expect(rel(s.p99Ms, 250)).toBeLessThan(0.002);
  });

  test('summary has every hop, zeros for hops never recorded', () => {
    const r = new LatencyRecorder();
    r.record('rx_to_diff', 'binanceusdm', 0, 0.2);
    const s = r.summary();
    expect(Object.keys(s)).toEqual([...HOPS]);
    expect(s.webhook_ack).toEqual({ p50Ms: 0, p99Ms: 0, p999Ms: 0, maxMs: 0, count: 0 });
    expect(s.rx_to_diff.count).toBe(1);
    expect(rel(s.rx_to_diff.p50Ms, 0.2)).toBeLessThan(0.005);
  });

  test('curves: HDR percentile points ascending to the max at 100, stopping where the tail has < 1 sample', () => {
    const r = new LatencyRecorder({ windowMs: 0 });
    for (let i = 1; i <= 1000; i++) r.record('dequeue_to_sent', 'binanceusdm', 0, i);
    const curve = r.curves().dequeue_to_sent;
    expect(curve[0]).toEqual({ percentile: 0, ms: 1 });
    expect(curve[1]!.percentile).toBeCloseTo(29.289322, 5);
    expect(curve[2]!.percentile).toBe(50);
    expect(rel(curve[2]!.ms, 500)).toBeLessThan(0.002);
    const last = curve[curve.length - 1]!;
    expect(last.percentile).toBe(100);
    expect(rel(last.ms, 1000)).toBeLessThan(0.002);
    const beforeLast = curve[curve.length - 2]!;
    expect((1 - beforeLast.percentile / 100) * 1000).toBeGreaterThanOrEqual(1);
    for (let i = 1; i < curve.length; i++) {
      expect(curve[i]!.percentile).toBeGreaterThan(curve[i - 1]!.percentile);
      expect(curve[i]!.ms).toBeGreaterThanOrEqual(curve[i - 1]!.ms);
    }
    expect(r.curves().webhook_ack).toEqual([]);
  });
});

describe('LatencyRecorder recent window', () => {
  test('summary covers the last one to two windows; total keeps everything', () => {
    const clock = new ManualClock(1_000_000);
    const r = new LatencyRecorder({ clock, windowMs: 1_000 });
    for (let i = 0; i < 100; i++) r.record('end_to_end', 'binanceusdm', 0, 1);
    clock.advance(1_000);
    for (let i = 0; i < 100; i++) r.record('end_to_end', 'binanceusdm', 0, 10);
    expect(r.summary().end_to_end.count).toBe(200);
    expect(rel(r.summary().end_to_end.p50Ms, 1)).toBeLessThan(0.002);
    clock.advance(1_000);
    expect(r.summary().end_to_end.count).toBe(100);
    expect(rel(r.summary().end_to_end.p50Ms, 10)).toBeLessThan(0.002);
    clock.advance(5_000);
    expect(r.summary().end_to_end.count).toBe(0);
    expect(r.curves().end_to_end).toEqual([]);
    expect(r.summary('total').end_to_end.count).toBe(200);
  });
});

describe('LatencyRecorder values and labels', () => {
  test('NaN is not a sample; a negative span counts as skew and records 0; above the HDR range clamps, buckets keep it', () => {
    const r = new LatencyRecorder({ windowMs: 0, highestMs: 60_000 });
    r.record('venue_to_rx', 'hyperliquid', 0, Number.NaN);
    r.record('venue_to_rx', 'hyperliquid', 0, Infinity);
    expect(r.summary().venue_to_rx.count).toBe(0);
    r.record('venue_to_rx', 'hyperliquid', 0, -3);
    expect(r.negatives[HOP_INDEX.venue_to_rx]).toBe(1);
    expect(r.summary().venue_to_rx).toMatchObject({ count: 1, p50Ms: 0 });
    r.record('venue_to_rx', 'hyperliquid', 0, 100_000);
    expect(rel(r.summary().venue_to_rx.maxMs, 60_000)).toBeLessThan(0.002);
    const series = r.series()[0]!;
    expect(series.buckets.count).toBe(2);
    expect(series.buckets.sum).toBe(100);
    expect(series.buckets.counts[series.buckets.counts.length - 1]).toBe(1); // +Inf only
    expect(series.buckets.counts[0]).toBe(1); // the clamped 0
  });

  test('series labels: shard as string, none for -1 or out of range, venues past the cap become other', () => {
    const r = new LatencyRecorder({ maxVenues: 3, maxShards: 16 });
    r.record('end_to_end', 'binanceusdm', 0, 1);
    r.record('end_to_end', 'hyperliquid', 15, 1);
    r.record('end_to_end', 'okx', 1, 1);
    r.record('end_to_end', 'bybit', 1, 1);
    r.record('end_to_end', 'binanceusdm', 16, 1);
    r.record('webhook_ack', 'tradingview', -1, 1);
    r.record('end_to_end', 'binanceusdm', 1.5, 1);
    expect(r.series().map((s) => s.labels)).toEqual([
      { hop: 'end_to_end', venue: 'binanceusdm', shard: '0' },
      { hop: 'end_to_end', venue: 'hyperliquid', shard: '15' },
      { hop: 'end_to_end', venue: 'other', shard: '1' },
      { hop: 'end_to_end', venue: 'binanceusdm', shard: '' },
      { hop: 'webhook_ack', venue: 'other', shard: '' },
    ]);
    expect(r.series()[2]!.buckets.count).toBe(2); // okx and bybit share 'other'
    expect(r.series()[3]!.buckets.count).toBe(2); // shard 16 and 1.5 have no shard label
  });

  test.each([
    [{ windowMs: -1 }, 'windowMs'], [{ highestMs: 0 }, 'highestMs'], [{ maxShards: 0 }, 'maxShards'], [{ maxVenues: 1.5 }, 'maxVenues'],
  ] as const)('rejects %p', (options, word) => {
    expect(() => new LatencyRecorder(options)).toThrow(MetricsConfigError);
    expect(() => new LatencyRecorder(options)).toThrow(word);
  });
});

describe('LatencyRecorder memory', () => {
  test('after warm-up, 1e6 records over 32 series and the window keep the heap flat', () => {
    const clock = new ManualClock(0);
    const r = new LatencyRecorder({ clock, windowMs: 10_000 });
    const venues = ['binanceusdm', 'hyperliquid'];
    const run = (n: number) => {
      for (let i = 0; i < n; i++) {
        r.record(i & 1 ? 'end_to_end' : 'sent_to_ack', venues[(i >> 1) & 1]!, (i >> 2) & 7, (i % 9973) / 7);
        if ((i & 0xffff) === 0) clock.advance(3_000); // rotations happen during the run
      }
    };
    run(10_000);
    Bun.gc(true);
    const heapBefore = process.memoryUsage().heapUsed;
    const objectsBefore = heapStats().objectCount;
    run(1_000_000);
    Bun.gc(true);
    const grownBytes = process.memoryUsage().heapUsed - heapBefore;
    const grownObjects = heapStats().objectCount - objectsBefore;
    expect(r.series().length).toBe(32);
    expect(r.summary('total').end_to_end.count).toBe(505_000);
    expect(grownBytes).toBeLessThan(256 * 1024);
    expect(grownObjects).toBeLessThan(200);
  });
});
