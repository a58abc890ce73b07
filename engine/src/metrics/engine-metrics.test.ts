import { describe, expect, test } from 'bun:test';
import { Registry, register as globalRegistry } from 'prom-client';
import { emptyHops } from '../bus';
import { ManualClock } from '../core';
import { LATENCY_BUCKETS_SECONDS } from './buckets';
import { createEngineMetrics, HOP_LATENCY_METRIC } from './engine-metrics';
import { createExecutorMetrics } from './executor-metrics';
import { parseExposition, samplesOf, valueOf } from './testing';

const ENGINE_FAMILIES: Record<string, string> = {
  whalecopy_hop_latency_seconds: 'histogram',
  whalecopy_hop_negative_spans_total: 'counter',
  whalecopy_frames_total: 'counter',
  whalecopy_signals_total: 'counter',
  whalecopy_signal_batches_total: 'counter',
  whalecopy_orders_total: 'counter',
  whalecopy_denials_total: 'counter',
  whalecopy_skips_total: 'counter',
  whalecopy_fills_total: 'counter',
  whalecopy_publish_failures_total: 'counter',
  whalecopy_stream_length: 'gauge',
  whalecopy_stream_pending: 'gauge',
  whalecopy_stream_lag: 'gauge',
  whalecopy_dead_letters: 'gauge',
  whalecopy_bus_stats_age_seconds: 'gauge',
  whalecopy_bus_poll_errors_total: 'counter',
  whalecopy_feed_connected: 'gauge',
  whalecopy_feed_last_message_age_seconds: 'gauge',
  whalecopy_feed_last_snapshot_age_seconds: 'gauge',
  whalecopy_follower_feeds: 'gauge',
  whalecopy_followers_tracked: 'gauge',
  whalecopy_followers_with_drift: 'gauge',
  whalecopy_followers_drift_over_threshold: 'gauge',
  whalecopy_follower_drift_notional_max: 'gauge',
};

describe('engine registry', () => {
  test('exactly the documented families with their types, nothing in the global registry', async () => {
    const registry = new Registry();
    createEngineMetrics({ registry, processMetrics: false });
    const e = parseExposition(await registry.metrics());
    expect(Object.fromEntries(e.types)).toEqual(ENGINE_FAMILIES);
    expect(globalRegistry.getMetricsAsArray().length).toBe(0);
  });

  test('fills by venue and source (trade: with the venue fee; report: fee unknown)', async () => {
    const registry = new Registry();
    const metrics = createEngineMetrics({ registry, processMetrics: false });
    metrics.countFill('binanceusdm', 'trade');
    metrics.countFill('binanceusdm', 'trade');
    metrics.countFill('hyperliquid', 'report');
    const e = parseExposition(await registry.metrics());
    expect(valueOf(e, 'whalecopy_fills_total', { venue: 'binanceusdm', source: 'trade' })).toBe(2);
    expect(valueOf(e, 'whalecopy_fills_total', { venue: 'hyperliquid', source: 'report' })).toBe(1);
  });

  test('process metrics are on by default', async () => {
    const registry = new Registry();
    createEngineMetrics({ registry });
    const e = parseExposition(await registry.metrics());
    expect(e.types.get('process_resident_memory_bytes')).toBe('gauge');
    expect(e.types.get('nodejs_eventloop_lag_seconds')).toBe('gauge');
  });

  test('hop histogram: every bound from 50 us to 10 s then +Inf, cumulative, +Inf = count', async () => {
    const registry = new Registry();
    const m = createEngineMetrics({ registry, processMetrics: false });
    const values = [0.00005, 0.00006, 0.0009, 0.004, 0.004, 0.25, 9.9, 10, 42];
    for (const s of values) m.latency.record('sent_to_ack', 'hyperliquid', 3, s * 1000);
    const e = parseExposition(await registry.metrics());
    const buckets = samplesOf(e, `${HOP_LATENCY_METRIC}_bucket`, { hop: 'sent_to_ack', venue: 'hyperliquid', shard: '3' });
    expect(buckets.map((b) => b.labels.le)).toEqual([...LATENCY_BUCKETS_SECONDS.map(String), '+Inf']);
    const at = (le: string) => buckets.find((b) => b.labels.le === le)!.value;
    expect(at('0.00005')).toBe(1);
    expect(at('0.000075')).toBe(2);
    expect(at('0.001')).toBe(3);
    expect(at('0.004')).toBe(5);
    expect(at('0.25')).toBe(6);
    expect(at('10')).toBe(8);
    expect(at('+Inf')).toBe(9);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]!.value).toBeGreaterThanOrEqual(buckets[i - 1]!.value);
    const labels = { hop: 'sent_to_ack', venue: 'hyperliquid', shard: '3' };
    expect(valueOf(e, `${HOP_LATENCY_METRIC}_count`, labels)).toBe(9);
    expect(valueOf(e, `${HOP_LATENCY_METRIC}_sum`, labels)).toBeCloseTo(values.reduce((a, b) => a + b, 0), 9);
  });

  test('resetMetrics zeroes the exported hop buckets', async () => {
    const registry = new Registry();
    const m = createEngineMetrics({ registry, processMetrics: false });
    m.latency.record('end_to_end', 'binanceusdm', 0, 5);
    registry.resetMetrics();
    const e = parseExposition(await registry.metrics());
    expect(valueOf(e, `${HOP_LATENCY_METRIC}_count`, { hop: 'end_to_end' })).toBe(0);
  });
});

describe('executor registry', () => {
  test('orders by shard, venue and outcome; requests by transport; dequeue-to-outcome histogram per shard and venue', async () => {
    const registry = new Registry();
    const { observer } = createExecutorMetrics({ registry, processMetrics: false });
    const report = { venue: 'hyperliquid', status: 'filled', shard: 2 } as const;
    observer.onOrder({ ...base, ...report }, 12);
    observer.onOrder({ ...base, ...report }, 30);
    observer.onOrder({ ...base, ...report, status: 'unknown' }, 5_000);
    observer.onOrderRequest?.(2, 'binanceusdm', 'websocket');
    observer.onOrderRequest?.(2, 'binanceusdm', 'websocket');
    observer.onOrderRequest?.(2, 'binanceusdm', 'rest');
    const e = parseExposition(await registry.metrics());
    expect(Object.fromEntries(e.types)).toEqual({
      whalecopy_executor_orders_total: 'counter', whalecopy_executor_order_requests_total: 'counter', whalecopy_executor_order_seconds: 'histogram',
    });
    expect(valueOf(e, 'whalecopy_executor_order_requests_total', { shard: '2', venue: 'binanceusdm', transport: 'websocket' })).toBe(2);
    expect(valueOf(e, 'whalecopy_executor_order_requests_total', { shard: '2', venue: 'binanceusdm', transport: 'rest' })).toBe(1);
    expect(valueOf(e, 'whalecopy_executor_orders_total', { shard: '2', venue: 'hyperliquid', outcome: 'filled' })).toBe(2);
    expect(valueOf(e, 'whalecopy_executor_orders_total', { shard: '2', venue: 'hyperliquid', outcome: 'unknown' })).toBe(1);
    expect(valueOf(e, 'whalecopy_executor_order_seconds_count', { shard: '2', venue: 'hyperliquid' })).toBe(3);
    expect(valueOf(e, 'whalecopy_executor_order_seconds_bucket', { shard: '2', venue: 'hyperliquid', le: '0.015' })).toBe(1);
    expect(valueOf(e, 'whalecopy_executor_order_seconds_bucket', { shard: '2', venue: 'hyperliquid', le: '0.04' })).toBe(2);
    expect(valueOf(e, 'whalecopy_executor_order_seconds_sum', { shard: '2', venue: 'hyperliquid' })).toBeCloseTo(5.042, 9);
  });

  test('engine and executor metrics can share one registry (executors inside the engine process)', async () => {
    const registry = new Registry();
    createEngineMetrics({ registry });
    createExecutorMetrics({ registry, processMetrics: false });
    const e = parseExposition(await registry.metrics());
    expect(e.types.get('whalecopy_executor_orders_total')).toBe('counter');
    expect(e.types.get('whalecopy_orders_total')).toBe('counter');
  });
});

const base = {
  clientOrderId: 'wc-x', followerId: 'f', whaleId: 'w', symbol: 'BTC/USDC:USDC', side: 'buy', requestedAmount: '1', filledAmount: '1', avgPrice: '',
  venueOrderId: '', errorClass: '', errorMessage: '', attempts: 1, hops: { venueEventMs: 0, frameRxMs: 0, diffDoneMs: 0, xaddAckMs: 0, dequeuedMs: 0, orderSentMs: 0, venueAckMs: 0 },
} as const;

describe('what the HTTP API reads', () => {
  test('latencySource passes the /api/overview and /api/latency response schemas (Elysia, normalize off)', async () => {
    const { Elysia } = await import('elysia');
    const { HopSummary, LatencyCurves } = await import('../ingress/overview/model');
    const m = createEngineMetrics({ registry: new Registry(), processMetrics: false });
    for (let i = 1; i <= 100; i++) m.latency.record('end_to_end', 'binanceusdm', 0, i);
    const source: import('../ingress/ports').LatencySource = m.latencySource;
    const app = new Elysia({ normalize: false })
      .get('/summary', () => source.summary(), { response: { 200: HopSummary } })
      .get('/curves', () => source.curves(), { response: { 200: LatencyCurves } })
      .get('/full', () => m.latency.summary(), { response: { 200: HopSummary } });
    const get = (path: string) => app.handle(new Request(`http://localhost${path}`));
    const summary = await get('/summary');
    expect(summary.status).toBe(200);
    const body = (await summary.json()) as Record<string, { p50Ms: number; p99Ms: number }>;
    expect(Object.keys(body.end_to_end!)).toEqual(['p50Ms', 'p99Ms']);
    expect(body.end_to_end!.p99Ms).toBeCloseTo(99, 1);
    const curves = await get('/curves');
    expect(curves.status).toBe(200);
    expect(((await curves.json()) as Record<string, unknown[]>).end_to_end!.length).toBeGreaterThan(5);
    expect((await get('/full')).status).not.toBe(200); // the full summary's extra fields would be refused
  });

  test('ordersPerSec: signals published per second over the last 10 complete seconds', () => {
    const clock = new ManualClock(50_000);
    const m = createEngineMetrics({ registry: new Registry(), clock, processMetrics: false });
    const observer = m.copyObserver();
    const item = (shard: number) => ({ shard, bytes: new Uint8Array() });
    const signals = [Array(3).fill(null), Array(2).fill(null)];
    observer.emitted!('w', 1, [item(0), item(1)], signals, emptyHops());
    clock.advance(1_000);
    observer.emitted!('w', 2, [item(1)], signals, emptyHops());
    expect(m.ordersPerSec()).toBe(0.5); // 5 in the complete second, the current one not counted yet
    clock.advance(1_000);
    expect(m.ordersPerSec()).toBe(0.7);
    clock.advance(10_000);
    expect(m.ordersPerSec()).toBe(0);
  });
});
