// Scrape-time health gauges: feed connectivity and message age (per whale; followers only as counts) and
// follower drift (target - actual) aggregated over followers. Reads its sources when scraped, never on a hot path.
import type { Registry } from 'prom-client';
import { systemClock, type Clock } from '../core';
import { MetricsConfigError } from './errors';
import { exportGauge } from './labeled-counts';

/** One feed as the runtime reports it (EngineRuntime.feeds() fits; `venue` is optional). Times: epoch ms, 0 = never. */
export interface FeedSample {
  readonly kind: 'whale' | 'follower';
  readonly id: string;
  readonly venue?: string;
  readonly status: { readonly connected: boolean; readonly lastMessageAt: number; readonly lastSnapshotAt: number };
}

/** One follower position: what the follows want (target) and what the venue holds (actual), in contracts. */
export interface DriftSample {
  readonly followerId: string;
  readonly symbol: string;
  readonly target: number;
  readonly actual: number;
  /** Mark price in quote currency; without it the symbol counts as drifting but adds no notional. */
  readonly mark?: number;
}

export interface HealthGaugeOptions {
  readonly registry: Registry;
  readonly clock?: Clock;
  readonly feeds?: () => Iterable<FeedSample>;
  readonly drift?: () => Iterable<DriftSample>;
  /** A follower whose summed |target - actual| * mark reaches this (quote currency) counts as over threshold. Default 100. */
  readonly driftNotionalThreshold?: number;
  /** The gauges of one scrape share one read of each source for this long (real time). Default 1000; 0 = read per gauge. */
  readonly sourceMemoMs?: number;
}

/** fn's result reused for ttlMs of real time (performance.now), so the gauges of one scrape read a source once. */
function memoized<T>(fn: () => T, ttlMs: number): () => T {
  let at = -Infinity;
  let value: T | undefined;
  return () => {
    const now = performance.now();
    if (value === undefined || now - at >= ttlMs) {
      value = fn();
      at = now;
    }
    return value;
  };
}

export interface DriftAggregate {
  /** Followers with at least one position sample. */
  readonly tracked: number;
  /** Followers with any symbol where target and actual differ. */
  readonly drifting: number;
  /** Followers whose drift notional is at least the threshold. */
  readonly overThreshold: number;
  /** Largest drift notional of one follower. */
  readonly maxNotional: number;
}

/** Relative tolerance under which target and actual count as equal (float noise, not a position). */
const SAME = 1e-9;

/** Pure: aggregate per-follower drift from position samples. */
export function aggregateDrift(samples: Iterable<DriftSample>, threshold: number): DriftAggregate {
  const perFollower = new Map<string, { notional: number; drifting: boolean }>();
  for (const s of samples) {
    let f = perFollower.get(s.followerId);
    if (!f) perFollower.set(s.followerId, (f = { notional: 0, drifting: false }));
    const gap = Math.abs(s.target - s.actual);
    if (!(gap > SAME * Math.max(1, Math.abs(s.target), Math.abs(s.actual)))) continue;
    f.drifting = true;
    if (s.mark !== undefined && s.mark > 0 && Number.isFinite(s.mark)) f.notional += gap * s.mark;
  }
  let drifting = 0;
  let overThreshold = 0;
  let maxNotional = 0;
  for (const f of perFollower.values()) {
    if (f.drifting) drifting++;
    if (f.drifting && f.notional >= threshold * (1 - SAME)) overThreshold++; // 0.1 * 1000 may be 99.99999999999997
    if (f.notional > maxNotional) maxNotional = f.notional;
  }
  return { tracked: perFollower.size, drifting, overThreshold, maxNotional };
}

/** Registers feed and drift gauges on the registry; each scrape reads the sources once. */
export function registerHealthGauges(options: HealthGaugeOptions): void {
  const { registry } = options;
  const clock = options.clock ?? systemClock;
  const threshold = options.driftNotionalThreshold ?? 100;
  if (!(threshold > 0) || !Number.isFinite(threshold)) throw new MetricsConfigError(`driftNotionalThreshold must be > 0, got ${threshold}`);
  const memoMs = options.sourceMemoMs ?? 1000;
  const firstSeen = new Map<string, number>();
  const readFeeds = memoized((): FeedSample[] => {
    const feeds = options.feeds ? [...options.feeds()] : [];
    const seen = new Set<string>();
    const now = clock.nowMs();
    for (const f of feeds) {
      const key = `${f.kind}:${f.id}`;
      seen.add(key);
      if (!firstSeen.has(key)) firstSeen.set(key, now);
    }
    for (const key of firstSeen.keys()) if (!seen.has(key)) firstSeen.delete(key);
    return feeds;
  }, memoMs);
  const readDrift = memoized(() => aggregateDrift(options.drift ? options.drift() : [], threshold), memoMs);
  const ageSeconds = (f: FeedSample, at: number) => (clock.nowMs() - (at > 0 ? at : firstSeen.get(`${f.kind}:${f.id}`) ?? clock.nowMs())) / 1000;
  const whaleLabels = (f: FeedSample) => ({ whale: f.id, venue: f.venue ?? 'unknown' });

  exportGauge({ registry, name: 'whalecopy_feed_connected', help: 'Whale feed connected (1) or not (0)', labelNames: ['whale', 'venue'] }, (set) => {
    for (const f of readFeeds()) if (f.kind === 'whale') set(whaleLabels(f), f.status.connected ? 1 : 0);
  });
  exportGauge({ registry, name: 'whalecopy_feed_last_message_age_seconds', help: 'Seconds since the whale feed last received a stream frame (since first seen if never)', labelNames: ['whale', 'venue'] }, (set) => {
    for (const f of readFeeds()) if (f.kind === 'whale') set(whaleLabels(f), ageSeconds(f, f.status.lastMessageAt));
  });
  exportGauge({ registry, name: 'whalecopy_feed_last_snapshot_age_seconds', help: 'Seconds since the whale feed last applied a REST snapshot (since first seen if never)', labelNames: ['whale', 'venue'] }, (set) => {
    for (const f of readFeeds()) if (f.kind === 'whale') set(whaleLabels(f), ageSeconds(f, f.status.lastSnapshotAt));
  });
  exportGauge({ registry, name: 'whalecopy_follower_feeds', help: 'Follower account feeds by state (connected, disconnected)', labelNames: ['state'] }, (set) => {
    let connected = 0;
    let disconnected = 0;
    for (const f of readFeeds()) if (f.kind === 'follower') f.status.connected ? connected++ : disconnected++;
    set({ state: 'connected' }, connected);
    set({ state: 'disconnected' }, disconnected);
  });

  exportGauge({ registry, name: 'whalecopy_followers_tracked', help: 'Followers with at least one position known to the engine' }, (set) => set({}, readDrift().tracked));
  exportGauge({ registry, name: 'whalecopy_followers_with_drift', help: 'Followers with any symbol where target and actual position differ' }, (set) => set({}, readDrift().drifting));
  exportGauge({ registry, name: 'whalecopy_followers_drift_over_threshold', help: `Followers whose summed |target - actual| * mark is at least the drift threshold (${threshold})` }, (set) => set({}, readDrift().overThreshold));
  exportGauge({ registry, name: 'whalecopy_follower_drift_notional_max', help: 'Largest drift notional (|target - actual| * mark, quote currency) of one follower' }, (set) => set({}, readDrift().maxNotional));
}
