// Errors of the metrics module: a bad metrics configuration (port, label set, bounds) or a server that
// could not start. Shapes only; nothing here logs or decides to retry.
import { EngineError } from '../core';

/** A metrics setting is unusable (EXECUTOR_METRICS_PORT, bucket bounds, shard, threshold). */
export class MetricsConfigError extends EngineError {
  readonly code = 'metrics_config_invalid' as const;
}

/** The /metrics listener could not bind its port. */
export class MetricsServerError extends EngineError {
  readonly code = 'metrics_server_failed' as const;
}
