// What the operator routes read besides the store and EngineControl: the bus (stats, dead letters,
// control), latency figures (engine/src/metrics) and the order rate. Interfaces only.
import type { Bus } from '../bus';

/** The bus operations the API uses. */
export type ApiBus = Pick<Bus, 'kind' | 'shardStats' | 'listDeadLetters' | 'retryDeadLetter' | 'discardDeadLetter' | 'publishControl'>;

/** Per-hop latency from the metrics module; hop names as in contracts.md ("Metric hops"). */
export interface LatencySource {
  summary(): Record<string, { p50Ms: number; p99Ms: number }>;
  curves(): Record<string, { percentile: number; ms: number }[]>;
}

/** Everything the operator controllers need (each takes the part it uses). */
export interface OperationsDeps {
  readonly bus: ApiBus;
  /** Executor shards (signal streams 0..shards-1). */
  readonly shards: number;
  readonly latency?: LatencySource;
  /** Orders (signals) per second over the last seconds. */
  readonly ordersPerSec?: () => number;
}
