// Public surface of engine/src/metrics: HDR latency per hop, the engine's and executors' prom-client
// registries and their adapters, /metrics serving. The only folder that imports prom-client.
export { BucketCounts, LATENCY_BUCKETS_SECONDS, upperBoundIndex } from './buckets';
export { BusStatsPoller, registerBusGauges, type BusStatsPollerOptions, type ShardStatsView } from './bus-stats';
export { CopyMetrics, UNKNOWN_VENUE, type CopyObserverOptions, type FeedKind, type FrameSource } from './copy-metrics';
export { createEngineMetrics, HOP_LATENCY_METRIC, type EngineMetrics, type EngineMetricsOptions } from './engine-metrics';
export { MetricsConfigError, MetricsServerError } from './errors';
export { createExecutorMetrics, type ExecutorMetrics, type ExecutorMetricsOptions } from './executor-metrics';
export { aggregateDrift, registerHealthGauges, type DriftAggregate, type DriftSample, type FeedSample, type HealthGaugeOptions } from './health-gauges';
export { ENGINE_HOPS, HOPS, HOP_STAMPS, REPORT_HOPS, hopSpanMs, isHop, type Hop } from './hops';
export {
  DEFAULT_EXECUTOR_METRICS_PORT, METRICS_PATH, executorMetricsPort, metricsHandler, startMetricsServer,
  type MetricsHandlerOptions, type MetricsServer, type MetricsServerOptions,
} from './http';
export { LabeledCounts, type CountSlot } from './labeled-counts';
export { LatencyRecorder, type LatencyRecorderOptions, type LatencySeries, type LatencySource } from './latency-recorder';
export { RateWindow } from './rate-window';
export { EMPTY_SUMMARY, percentileCurve, percentileTicks, summarize, type CurvePoint, type HopSummary } from './percentiles';
export { Registry } from 'prom-client';
