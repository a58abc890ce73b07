// The engine process's metrics: one prom-client Registry holding the hop latency histograms, the copy-path
// counters, the bus, feed and drift gauges; plus the adapters the composition root wires in. Nothing global.
import { collectDefaultMetrics, Counter, type Registry } from 'prom-client';
import type { ExecutionReport } from '../bus';
import type { CopyObserver } from '../copy';
import type { Clock } from '../core';
import { registerBusGauges, type BusStatsPoller } from './bus-stats';
import { CopyMetrics, type CopyObserverOptions, type FeedKind, type FrameSource } from './copy-metrics';
import { registerHealthGauges, type DriftSample, type FeedSample } from './health-gauges';
import { HOPS } from './hops';
import { exportCounter, exportTotal } from './labeled-counts';
import { LatencyRecorder, type LatencyRecorderOptions, type LatencySource } from './latency-recorder';
import { ScrapedHistogram } from './scraped-histogram';

export const HOP_LATENCY_METRIC = 'whalecopy_hop_latency_seconds';

export interface EngineMetricsOptions {
  /** The process's registry (never prom-client's global one). */
  readonly registry: Registry;
  readonly clock?: Clock;
  readonly latency?: Omit<LatencyRecorderOptions, 'clock'>;
  /** prom-client's process_* and nodejs_* metrics on this registry. Default true. */
  readonly processMetrics?: boolean;
  /** Feeds to report (EngineRuntime.feeds()); read at scrape time. */
  readonly feeds?: () => Iterable<FeedSample>;
  /** Follower target/actual positions; read at scrape time. */
  readonly drift?: () => Iterable<DriftSample>;
  /** Drift notional (quote currency) from which a follower counts as over threshold. Default 100. */
  readonly driftNotionalThreshold?: number;
  /** The bus stats poller (start/stop it with the engine); its latest values are exported. */
  readonly busStats?: BusStatsPoller;
}

export interface EngineMetrics {
  readonly registry: Registry;
  /** The HDR latencies (summary with p99.9, max and count, curves, per-series summaries). */
  readonly latency: LatencyRecorder;
  /** ApiDeps.latency: recent p50/p99 per hop and the HDR curves, in the API's exact shape. */
  readonly latencySource: LatencySource;
  /** ApiDeps.ordersPerSec: signals published per second over the last 10 s. */
  ordersPerSec(): number;
  /** Observer of the copy engine: signals, batches, denials, skips, publish failures, engine hops. */
  copyObserver(options?: CopyObserverOptions): CopyObserver;
  /** EngineRuntimeDeps.onReport: orders by outcome, executor hops and end to end. */
  onReport(report: ExecutionReport): void;
  /** A position frame or snapshot arrived on a feed. */
  countFrame(kind: FeedKind, venue: string, source: FrameSource): void;
  /** EngineRuntimeDeps.onFill: a fill row journaled from a venue trade or from a report. */
  countFill(venue: string, source: 'trade' | 'report'): void;
  /** A TradingView webhook was acknowledged `ms` after it was received. */
  recordWebhookAck(ms: number): void;
}

export function createEngineMetrics(options: EngineMetricsOptions): EngineMetrics {
  const { registry } = options;
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const latency = new LatencyRecorder({ ...options.latency, clock: options.clock });
  const copy = new CopyMetrics(latency, options.clock);

  new ScrapedHistogram({
    registry, name: HOP_LATENCY_METRIC, labelNames: ['hop', 'venue', 'shard'], bounds: latency.bounds, series: () => latency.series(),
    help: 'Latency of each copy-path hop in seconds (engine hops per shard entry, executor hops and end_to_end per order)',
  });
  new Counter({
    name: 'whalecopy_hop_negative_spans_total', help: 'Hop samples whose end stamp preceded the start (clock skew between hosts), recorded as 0',
    labelNames: ['hop'], registers: [registry],
    collect() {
      this.reset();
      for (let i = 0; i < HOPS.length; i++) this.inc({ hop: HOPS[i]! }, latency.negatives[i]!);
    },
  });
  exportCounter({ registry, name: 'whalecopy_frames_total', help: 'Position frames and snapshots received, by venue, feed kind and source' }, copy.frames);
  exportCounter({ registry, name: 'whalecopy_signals_total', help: 'Order signals published to the bus, by executor shard' }, copy.signals);
  exportCounter({ registry, name: 'whalecopy_signal_batches_total', help: 'Signal batches (stream entries) published, by executor shard' }, copy.batches);
  exportCounter({ registry, name: 'whalecopy_orders_total', help: 'Execution reports received, by venue and outcome (report status)' }, copy.orders);
  exportCounter({ registry, name: 'whalecopy_denials_total', help: 'Order intents denied by the risk gate, by reason' }, copy.denials);
  exportCounter({ registry, name: 'whalecopy_skips_total', help: 'Follower diffs skipped, by reason' }, copy.skips);
  exportCounter({
    registry, name: 'whalecopy_fills_total',
    help: 'Fill rows journaled, by venue and source: trade (the venue execution, with its fee) or report (the trade stream may have missed it; fee unknown)',
  }, copy.fills);
  exportTotal({ registry, name: 'whalecopy_publish_failures_total', help: 'Copy passes whose XADD failed (nothing reached the executors)' }, () => copy.publishFailures);
  registerBusGauges(registry, () => options.busStats, options.clock);
  registerHealthGauges({ registry, clock: options.clock, feeds: options.feeds, drift: options.drift, driftNotionalThreshold: options.driftNotionalThreshold });

  return {
    registry,
    latency,
    latencySource: latency.apiSource(),
    ordersPerSec: () => copy.signalRate.perSecond(),
    copyObserver: (o) => copy.copyObserver(o),
    onReport: (report) => copy.onReport(report),
    countFrame: (kind, venue, source) => copy.countFrame(kind, venue, source),
    countFill: (venue, source) => copy.countFill(venue, source),
    recordWebhookAck: (ms) => latency.record('webhook_ack', 'tradingview', -1, ms),
  };
}
