// An executor process's metrics: orders by venue and outcome, order requests by transport, and the dequeue-to-outcome time, per shard,
// fed by the Executor's ExecutionObserver. One instance per registry serves every shard of the process.
import { collectDefaultMetrics, type Registry } from 'prom-client';
import type { ExecutionReport } from '../bus';
import type { ExecutionObserver } from '../executor';
import { BucketCounts, LATENCY_BUCKETS_SECONDS } from './buckets';
import { exportCounter, LabeledCounts } from './labeled-counts';
import { ScrapedHistogram, type BucketSeries } from './scraped-histogram';

export interface ExecutorMetricsOptions {
  readonly registry: Registry;
  /** prom-client's process_* and nodejs_* metrics. Default true; false when the engine's registry already has them. */
  readonly processMetrics?: boolean;
}

export interface ExecutorMetrics {
  readonly registry: Registry;
  /** ExecutorOptions.observer (any shard: the shard label comes from the report). */
  readonly observer: ExecutionObserver;
}

export function createExecutorMetrics(options: ExecutorMetricsOptions): ExecutorMetrics {
  const { registry } = options;
  if (options.processMetrics ?? true) collectDefaultMetrics({ register: registry });
  const orders = new LabeledCounts(['shard', 'venue', 'outcome']);
  const requests = new LabeledCounts(['shard', 'venue', 'transport']);
  const durations = new OrderDurations();
  exportCounter({ registry, name: 'whalecopy_executor_orders_total', help: 'Orders executed by this process, by shard, venue and outcome (report status)' }, orders);
  exportCounter({
    registry, name: 'whalecopy_executor_order_requests_total',
    help: 'Order requests sent, by shard, venue and transport (websocket: the account\'s WebSocket API connection; rest)',
  }, requests);
  new ScrapedHistogram({
    registry, name: 'whalecopy_executor_order_seconds', labelNames: ['shard', 'venue'], bounds: LATENCY_BUCKETS_SECONDS,
    help: 'Seconds from dequeuing a signal batch to the order outcome being known, by shard and venue',
    series: () => durations.all,
  });
  const shardLabels: string[] = [];
  return {
    registry,
    observer: {
      onOrder(report: ExecutionReport, latencyMs: number): void {
        const shard = shardLabels[report.shard] ?? (shardLabels[report.shard] = String(report.shard));
        orders.slot(shard, report.venue, report.status).value += 1;
        if (latencyMs >= 0) durations.of(shard, report.venue).buckets.observe(latencyMs / 1000);
      },
      onOrderRequest(shardNumber, venue, transport): void {
        const shard = shardLabels[shardNumber] ?? (shardLabels[shardNumber] = String(shardNumber));
        requests.slot(shard, venue, transport).value += 1;
      },
    },
  };
}

/** Bucket counts per (shard, venue), created on first sight. */
class OrderDurations {
  readonly all: BucketSeries[] = [];
  private readonly byShard = new Map<string, Map<string, BucketSeries>>();

  of(shard: string, venue: string): BucketSeries {
    let byVenue = this.byShard.get(shard);
    if (!byVenue) this.byShard.set(shard, (byVenue = new Map()));
    let series = byVenue.get(venue);
    if (!series) {
      series = { labels: Object.freeze({ shard, venue }), buckets: new BucketCounts(LATENCY_BUCKETS_SECONDS) };
      byVenue.set(venue, series);
      this.all.push(series);
    }
    return series;
  }
}
