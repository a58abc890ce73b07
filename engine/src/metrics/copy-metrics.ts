// Counters and hop latencies of the copy path: the CopyObserver adapter (signals, denials, skips, engine
// hops) and the execution-report observer (orders by outcome, executor hops, end to end). Records only;
// never awaits, never allocates per event once its label sets have been seen.
import type { ExecutionReport, HopStamps, OrderSignal, ShardPayload } from '../bus';
import type { CopyObserver } from '../copy';
import type { Clock } from '../core';
import type { OrderDenied } from '../risk';
import { ENGINE_HOPS, REPORT_HOPS, hopSpanMs } from './hops';
import { LabeledCounts } from './labeled-counts';
import type { LatencyRecorder } from './latency-recorder';
import { RateWindow } from './rate-window';

export type FeedKind = 'whale' | 'follower';
export type FrameSource = 'stream' | 'snapshot';

export interface CopyObserverOptions {
  /** The venue of a whale's feed, used as the venue label of the engine hops; 'unknown' when absent. */
  readonly whaleVenue?: (whaleId: string) => string | undefined;
}

/** Label of engine-side hops when the whale's venue is not known. */
export const UNKNOWN_VENUE = 'unknown';

export class CopyMetrics {
  readonly frames = new LabeledCounts(['venue', 'kind', 'source']);
  readonly signals = new LabeledCounts(['shard']);
  readonly batches = new LabeledCounts(['shard']);
  readonly orders = new LabeledCounts(['venue', 'outcome']);
  readonly denials = new LabeledCounts(['reason']);
  readonly skips = new LabeledCounts(['reason']);
  /** Fill rows the engine journals, by venue and source ('trade': the venue's execution; 'report': fee unknown). */
  readonly fills = new LabeledCounts(['venue', 'source']);
  publishFailures = 0;
  /** Signals published per second over the last 10 s (the API's ordersPerSec). */
  readonly signalRate: RateWindow;
  private readonly shardLabels: string[] = [];

  constructor(private readonly latency: LatencyRecorder, clock?: Clock) {
    this.signalRate = new RateWindow(10, clock);
  }

  /** A CopyObserver recording signals, batches, denials, skips, publish failures and the engine hops. */
  copyObserver(options: CopyObserverOptions = {}): CopyObserver {
    const whaleVenue = options.whaleVenue;
    return {
      emitted: (whaleId: string, _seq: number, items: readonly ShardPayload[], signals: readonly (readonly OrderSignal[])[], hops: HopStamps) => {
        this.onEmitted(whaleVenue?.(whaleId) ?? UNKNOWN_VENUE, items, signals, hops);
      },
      denied: (denial: OrderDenied) => {
        this.denials.slot(denial.reason).value += 1;
      },
      skipped: (_followId: string, _followerId: string, _symbol: string, reason: string) => {
        this.skips.slot(reason).value += 1;
      },
      publishFailed: () => {
        this.publishFailures += 1;
      },
    };
  }

  /** One sample per shard entry of the pass: venue_to_rx, rx_to_diff, diff_to_xadd. */
  onEmitted(venue: string, items: readonly ShardPayload[], signals: readonly (readonly OrderSignal[])[], hops: HopStamps): void {
    for (let i = 0; i < items.length; i++) {
      const shard = items[i]!.shard;
      const label = this.shardLabel(shard);
      const count = signals[shard]?.length ?? 0;
      this.signals.slot(label).value += count;
      this.signalRate.add(count);
      this.batches.slot(label).value += 1;
      for (let h = 0; h < ENGINE_HOPS.length; h++) {
        const hop = ENGINE_HOPS[h]!;
        this.latency.record(hop, venue, shard, hopSpanMs(hops, hop));
      }
    }
  }

  /** An execution report reached the engine (EngineRuntimeDeps.onReport): one sample per order. */
  onReport(report: ExecutionReport): void {
    this.orders.slot(report.venue, report.status).value += 1;
    for (let h = 0; h < REPORT_HOPS.length; h++) {
      const hop = REPORT_HOPS[h]!;
      this.latency.record(hop, report.venue, report.shard, hopSpanMs(report.hops, hop));
    }
  }

  /** A fill row was journaled from a venue trade or, when the trade stream may have missed it, a report. */
  countFill(venue: string, source: 'trade' | 'report'): void {
    this.fills.slot(venue, source).value += 1;
  }

  /** A position frame or snapshot arrived on a whale or follower feed. */
  countFrame(kind: FeedKind, venue: string, source: FrameSource): void {
    this.frames.slot(venue, kind, source).value += 1;
  }

  private shardLabel(shard: number): string {
    return this.shardLabels[shard] ?? (this.shardLabels[shard] = String(shard));
  }
}
