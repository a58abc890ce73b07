// HDR latency histograms per (hop, venue, shard) and per hop, plus the Prometheus bucket counts of each
// series. Recording takes no await and allocates nothing once a label set has been seen; reads may allocate.
import { build, type Histogram } from 'hdr-histogram-js';
import { systemClock, type Clock } from '../core';
import { BucketCounts, LATENCY_BUCKETS_SECONDS } from './buckets';
import { MetricsConfigError } from './errors';
import { HOPS, HOP_INDEX, type Hop } from './hops';
import { EMPTY_SUMMARY, percentileCurve, summarize, type CurvePoint, type HopSummary } from './percentiles';
import type { BucketSeries } from './scraped-histogram';

/** What the HTTP API reads (`/api/overview` latency, `/api/latency` curves): exactly these fields. */
export interface LatencySource {
  summary(): Record<Hop, { p50Ms: number; p99Ms: number }>;
  curves(): Record<Hop, CurvePoint[]>;
}

export interface LatencyRecorderOptions {
  readonly clock?: Clock;
  /** summary()/curves() cover the last windowMs..2*windowMs; 0 = everything since start. Default 60000. */
  readonly windowMs?: number;
  /** Largest value the HDR histograms resolve; larger ones are recorded as this. Default 60000 ms. */
  readonly highestMs?: number;
  /** Shards beyond this are recorded without a shard label. Default 1024. */
  readonly maxShards?: number;
  /** Distinct venue labels; further ones are recorded as 'other'. Default 8. */
  readonly maxVenues?: number;
  /** Prometheus bucket bounds in seconds. Default LATENCY_BUCKETS_SECONDS. */
  readonly bounds?: readonly number[];
}

/** One (hop, venue, shard): its Prometheus buckets (seconds) and a 2-digit HDR histogram (microseconds). */
export interface LatencySeries extends BucketSeries {
  readonly hop: Hop;
  readonly venue: string;
  /** -1 = not tied to a shard (exported with shard=""). */
  readonly shard: number;
  readonly hdr: Histogram;
}

type Scope = 'recent' | 'total';

const OTHER_VENUE = 'other';

export class LatencyRecorder {
  /** Samples per hop whose span was negative (clock skew between hosts), recorded as 0. */
  readonly negatives = new Float64Array(HOPS.length);
  readonly bounds: readonly number[];
  private readonly clock: Clock;
  private readonly windowMs: number;
  private readonly highestUs: number;
  private readonly maxShards: number;
  private readonly maxVenues: number;
  /** grid[hop][venueSlot][shard + 1] */
  private readonly grid: LatencySeries[][][] = HOPS.map(() => []);
  private readonly venueSlots = new Map<string, number>();
  private readonly venueNames: string[] = [];
  private readonly all: LatencySeries[] = [];
  private readonly total: Histogram[];
  private current: Histogram[];
  private previous: Histogram[];
  private readonly merged: Histogram;
  private windowStartMs: number;

  constructor(options: LatencyRecorderOptions = {}) {
    this.clock = options.clock ?? systemClock;
    this.windowMs = options.windowMs ?? 60_000;
    this.maxShards = options.maxShards ?? 1024;
    this.maxVenues = options.maxVenues ?? 8;
    this.bounds = options.bounds ?? LATENCY_BUCKETS_SECONDS;
    const highestMs = options.highestMs ?? 60_000;
    if (!(this.windowMs >= 0) || !Number.isFinite(this.windowMs)) throw new MetricsConfigError(`windowMs must be >= 0, got ${this.windowMs}`);
    if (!(highestMs >= 1) || !Number.isFinite(highestMs)) throw new MetricsConfigError(`highestMs must be >= 1, got ${highestMs}`);
    if (!Number.isInteger(this.maxShards) || this.maxShards < 1) throw new MetricsConfigError(`maxShards must be a positive integer, got ${this.maxShards}`);
    if (!Number.isInteger(this.maxVenues) || this.maxVenues < 1) throw new MetricsConfigError(`maxVenues must be a positive integer, got ${this.maxVenues}`);
    this.highestUs = Math.round(highestMs * 1000);
    this.total = HOPS.map(() => this.hdr(3));
    this.current = HOPS.map(() => this.hdr(3));
    this.previous = HOPS.map(() => this.hdr(3));
    this.merged = this.hdr(3);
    this.windowStartMs = this.clock.nowMs();
  }

  /**
   * Records one sample of `hop` in milliseconds. NaN (a hop not measured) and infinities are ignored; a negative span
   * counts in `negatives` and is recorded as 0. Never throws for a bad label: an out-of-range shard is
   * recorded without one, a venue past maxVenues as 'other'.
   */
  record(hop: Hop, venue: string, shard: number, ms: number): void {
    if (!Number.isFinite(ms)) return;
    const h = HOP_INDEX[hop];
    if (ms < 0) {
      this.negatives[h]! += 1;
      ms = 0;
    }
    const series = this.seriesOf(h, venue, shard);
    series.buckets.observe(ms / 1000);
    let us = Math.round(ms * 1000);
    if (us > this.highestUs) us = this.highestUs;
    series.hdr.recordValue(us);
    this.total[h]!.recordValue(us);
    if (this.windowMs > 0) {
      this.rotate();
      this.current[h]!.recordValue(us);
    }
  }

  /** p50/p99/p99.9/max/count per hop ('recent' = the rotating window, the default; 'total' = since start). */
  summary(scope: Scope = 'recent'): Record<Hop, HopSummary> {
    const out = {} as Record<Hop, HopSummary>;
    for (const hop of HOPS) out[hop] = summarize(this.view(HOP_INDEX[hop], scope));
    return out;
  }

  /** HDR percentile curve per hop (for the console's latency chart). */
  curves(scope: Scope = 'recent'): Record<Hop, CurvePoint[]> {
    const out = {} as Record<Hop, CurvePoint[]>;
    for (const hop of HOPS) out[hop] = percentileCurve(this.view(HOP_INDEX[hop], scope));
    return out;
  }

  /** The API's view: recent p50/p99 only (its response schema admits no other fields) and the curves. */
  apiSource(): LatencySource {
    return {
      summary: () => {
        const full = this.summary();
        const out = {} as Record<Hop, { p50Ms: number; p99Ms: number }>;
        for (const hop of HOPS) out[hop] = { p50Ms: full[hop].p50Ms, p99Ms: full[hop].p99Ms };
        return out;
      },
      curves: () => this.curves(),
    };
  }

  /** Since-start summary of one (hop, venue, shard); EMPTY_SUMMARY if never recorded. */
  seriesSummary(hop: Hop, venue: string, shard: number): HopSummary {
    const slot = this.venueSlots.get(venue);
    const s = slot === undefined ? undefined : this.grid[HOP_INDEX[hop]]![slot]?.[this.shardSlot(shard)];
    return s ? summarize(s.hdr) : EMPTY_SUMMARY;
  }

  /** Every series seen so far, in creation order (the Prometheus export reads this). */
  series(): readonly LatencySeries[] {
    return this.all;
  }

  private view(h: number, scope: Scope): Histogram {
    if (scope === 'total' || this.windowMs === 0) return this.total[h]!;
    this.rotate();
    const m = this.merged;
    m.reset();
    m.add(this.previous[h]!);
    m.add(this.current[h]!);
    return m;
  }

  private rotate(): void {
    const now = this.clock.nowMs();
    const elapsed = now - this.windowStartMs;
    if (elapsed < this.windowMs) return;
    const stale = elapsed >= 2 * this.windowMs;
    const old = this.previous;
    this.previous = this.current;
    this.current = old;
    for (let i = 0; i < old.length; i++) {
      old[i]!.reset();
      if (stale) this.previous[i]!.reset();
    }
    this.windowStartMs = stale ? now : this.windowStartMs + this.windowMs;
  }

  private seriesOf(h: number, venue: string, shard: number): LatencySeries {
    const slot = this.venueSlot(venue);
    const byVenue = this.grid[h]!;
    const byShard = byVenue[slot] ?? (byVenue[slot] = []);
    const i = this.shardSlot(shard);
    const found = byShard[i];
    if (found !== undefined) return found;
    const hop = HOPS[h]!;
    const venueName = this.venueNames[slot]!;
    const shardOrNone = i - 1;
    const created: LatencySeries = {
      hop, venue: venueName, shard: shardOrNone,
      labels: Object.freeze({ hop, venue: venueName, shard: shardOrNone < 0 ? '' : String(shardOrNone) }),
      buckets: new BucketCounts(this.bounds),
      hdr: this.hdr(2),
    };
    byShard[i] = created;
    this.all.push(created);
    return created;
  }

  private venueSlot(venue: string): number {
    const known = this.venueSlots.get(venue);
    if (known !== undefined) return known;
    if (this.venueNames.length < this.maxVenues - 1 || venue === OTHER_VENUE) return this.addVenue(venue);
    return this.venueSlots.get(OTHER_VENUE) ?? this.addVenue(OTHER_VENUE); // overflow: not remembered per name
  }

  private addVenue(name: string): number {
    const slot = this.venueNames.length;
    this.venueNames.push(name);
    this.venueSlots.set(name, slot);
    return slot;
  }

  private shardSlot(shard: number): number {
    return Number.isInteger(shard) && shard >= 0 && shard < this.maxShards ? shard + 1 : 0;
  }

  /** Int32 counts over a fixed range: recordValue never resizes or allocates (packed arrays and autoResize do). */
  private hdr(digits: 2 | 3): Histogram {
    return build({ bitBucketSize: 32, autoResize: false, lowestDiscernibleValue: 1, highestTrackableValue: this.highestUs, numberOfSignificantValueDigits: digits });
  }
}
