// Polls the bus for per-shard stream stats (length, pending, lag, dead letters) every few seconds and
// exports the latest values as gauges, so a scrape never waits on Redis. Reads the bus; changes nothing on it.
import type { Registry } from 'prom-client';
import type { Bus, StreamStats } from '../bus';
import { systemClock, type Clock } from '../core';
import { MetricsConfigError } from './errors';
import { exportGauge, exportTotal } from './labeled-counts';

/** One shard's signal stream (the shape `/api/overview` lists). lag is null when Redis cannot tell. */
export interface ShardStatsView {
  readonly shard: number;
  readonly length: number;
  readonly pending: number;
  readonly lag: number | null;
  readonly deadLetters: number;
}

export interface BusStatsPollerOptions {
  readonly bus: Pick<Bus, 'shardStats' | 'reportStats'>;
  readonly shards: number;
  /** Default 5000. */
  readonly intervalMs?: number;
  readonly clock?: Clock;
  /** A failed poll (Redis down); default: ignored here, counted in whalecopy_bus_poll_errors_total. */
  readonly onError?: (error: unknown) => void;
}

export class BusStatsPoller {
  errors = 0;
  /** Epoch ms of the last complete poll; 0 = none yet. */
  lastPollMs = 0;
  private shardsView: ShardStatsView[] = [];
  private reportsView: StreamStats | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private readonly intervalMs: number;
  private readonly clock: Clock;

  constructor(private readonly options: BusStatsPollerOptions) {
    this.intervalMs = options.intervalMs ?? 5_000;
    this.clock = options.clock ?? systemClock;
    if (!Number.isInteger(options.shards) || options.shards < 1) throw new MetricsConfigError(`shards must be a positive integer, got ${options.shards}`);
    if (!(this.intervalMs >= 100)) throw new MetricsConfigError(`intervalMs must be at least 100, got ${this.intervalMs}`);
  }

  /** Polls now, then every intervalMs (the next poll is scheduled after the previous one finished). */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.tick();
  }

  /** Stops polling; resolves after a poll in progress has finished. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One poll of every shard and the report stream; a failure keeps the previous values. */
  async pollOnce(): Promise<void> {
    try {
      const shards = await Promise.all(
        Array.from({ length: this.options.shards }, (_, shard) => this.options.bus.shardStats(shard).then((s) => ({ shard, length: s.length, pending: s.pending, lag: s.lag, deadLetters: s.deadLetters }))),
      );
      const reports = await this.options.bus.reportStats();
      this.shardsView = shards;
      this.reportsView = reports;
      this.lastPollMs = this.clock.nowMs();
    } catch (error) {
      this.errors++;
      this.options.onError?.(error);
    }
  }

  /** Latest per-shard stats (empty before the first successful poll). */
  shards(): readonly ShardStatsView[] {
    return this.shardsView;
  }

  reports(): StreamStats | undefined {
    return this.reportsView;
  }

  private tick(): void {
    if (this.stopped) return;
    this.running = this.pollOnce().finally(() => {
      this.running = undefined;
      if (this.stopped) return;
      this.timer = setTimeout(() => this.tick(), this.intervalMs);
      this.timer.unref?.();
    });
  }
}

type StatName = 'length' | 'pending' | 'lag' | 'deadLetters';

/** Gauges of the poller's latest values, labelled stream=signals|reports and shard ('' for reports). */
export function registerBusGauges(registry: Registry, poller: () => BusStatsPoller | undefined, clock: Clock = systemClock): void {
  const stat = (name: string, help: string, pick: StatName) =>
    exportGauge({ registry, name, help, labelNames: ['stream', 'shard'] }, (set) => {
      const p = poller();
      if (!p) return;
      for (const s of p.shards()) {
        const v = s[pick];
        if (v !== null) set({ stream: 'signals', shard: String(s.shard) }, v);
      }
      const r = p.reports();
      const v = r?.[pick];
      if (v !== undefined && v !== null) set({ stream: 'reports', shard: '' }, v);
    });
  stat('whalecopy_stream_length', 'Entries in the stream (acknowledged ones too until trimmed)', 'length');
  stat('whalecopy_stream_pending', 'Entries delivered to the consumer group and not yet acknowledged', 'pending');
  stat('whalecopy_stream_lag', 'Entries not yet delivered to the consumer group', 'lag');
  stat('whalecopy_dead_letters', 'Entries in the dead-letter stream', 'deadLetters');
  exportGauge({ registry, name: 'whalecopy_bus_stats_age_seconds', help: 'Seconds since the last successful poll of the bus stats (+Inf before the first or without a poller)' }, (set) => {
    const p = poller();
    set({}, p && p.lastPollMs > 0 ? (clock.nowMs() - p.lastPollMs) / 1000 : Infinity);
  });
  exportTotal({ registry, name: 'whalecopy_bus_poll_errors_total', help: 'Failed polls of the bus stats' }, () => poller()?.errors ?? 0);
}
