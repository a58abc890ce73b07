import { describe, expect, test } from 'bun:test';
import { Registry } from 'prom-client';
import { ManualClock } from '../core';
import { MetricsConfigError } from './errors';
import { aggregateDrift, registerHealthGauges, type DriftSample, type FeedSample } from './health-gauges';
import { parseExposition, samplesOf, valueOf } from './testing';

const d = (followerId: string, target: number, actual: number, mark?: number): DriftSample => ({ followerId, symbol: 'BTC/USDT:USDT', target, actual, mark });

describe('aggregateDrift', () => {
  test.each([
    ['no samples', [], { tracked: 0, drifting: 0, overThreshold: 0, maxNotional: 0 }],
    ['in sync', [d('a', 0.5, 0.5, 60_000)], { tracked: 1, drifting: 0, overThreshold: 0, maxNotional: 0 }],
    ['float noise is not drift', [d('a', 0.3, 0.1 + 0.2, 60_000)], { tracked: 1, drifting: 0, overThreshold: 0, maxNotional: 0 }],
    ['short side counts by absolute gap', [d('a', -0.5, -0.4, 1_000)], { tracked: 1, drifting: 1, overThreshold: 1, maxNotional: 100 }],
    ['under threshold: drifting, not over', [d('a', 0.001, 0, 60_000)], { tracked: 1, drifting: 1, overThreshold: 0, maxNotional: 60 }],
    ['symbols of one follower add up', [d('a', 0.001, 0, 60_000), { ...d('a', 1, 0, 50), symbol: 'ETH/USDT:USDT' }], { tracked: 1, drifting: 1, overThreshold: 1, maxNotional: 110 }],
    ['no mark: drifting without notional', [d('a', 1, 0)], { tracked: 1, drifting: 1, overThreshold: 0, maxNotional: 0 }],
    ['flip long to short is the whole gap', [d('a', -1, 1, 100)], { tracked: 1, drifting: 1, overThreshold: 1, maxNotional: 200 }],
    ['followers apart, max of them', [d('a', 1, 0, 150), d('b', 2, 0, 150), d('c', 1, 1, 150)], { tracked: 3, drifting: 2, overThreshold: 2, maxNotional: 300 }],
  ] as const)('%s', (_name, samples, expected) => {
    const got = aggregateDrift(samples, 100);
    expect({ ...got, maxNotional: Math.round(got.maxNotional * 1e6) / 1e6 }).toEqual(expected);
  });
});

describe('feed and drift gauges', () => {
  test('per whale connected and ages; followers only as counts; drift aggregates', async () => {
    const clock = new ManualClock(1_000_000);
    const registry = new Registry();
    let feeds: FeedSample[] = [
      { kind: 'whale', id: 'w-hl', venue: 'hyperliquid', status: { connected: true, lastMessageAt: 990_000, lastSnapshotAt: 940_000 } },
      { kind: 'whale', id: 'w-new', status: { connected: false, lastMessageAt: 0, lastSnapshotAt: 0 } },
      { kind: 'follower', id: 'f1', status: { connected: true, lastMessageAt: 0, lastSnapshotAt: 0 } },
      { kind: 'follower', id: 'f2', status: { connected: true, lastMessageAt: 0, lastSnapshotAt: 0 } },
      { kind: 'follower', id: 'f3', status: { connected: false, lastMessageAt: 0, lastSnapshotAt: 0 } },
    ];
    const drift = [d('f1', 1, 0, 500), d('f2', 0.1, 0, 500)];
    registerHealthGauges({ registry, clock, feeds: () => feeds, drift: () => drift, driftNotionalThreshold: 100, sourceMemoMs: 0 });
    let e = parseExposition(await registry.metrics());
    expect(valueOf(e, 'whalecopy_feed_connected', { whale: 'w-hl', venue: 'hyperliquid' })).toBe(1);
    expect(valueOf(e, 'whalecopy_feed_connected', { whale: 'w-new', venue: 'unknown' })).toBe(0);
    expect(valueOf(e, 'whalecopy_feed_last_message_age_seconds', { whale: 'w-hl' })).toBe(10);
    expect(valueOf(e, 'whalecopy_feed_last_snapshot_age_seconds', { whale: 'w-hl' })).toBe(60);
    expect(valueOf(e, 'whalecopy_feed_last_message_age_seconds', { whale: 'w-new' })).toBe(0); // never: counted from first sight
    expect(samplesOf(e, 'whalecopy_feed_connected', { whale: 'f1' })).toEqual([]);
    expect(valueOf(e, 'whalecopy_follower_feeds', { state: 'connected' })).toBe(2);
    expect(valueOf(e, 'whalecopy_follower_feeds', { state: 'disconnected' })).toBe(1);
    expect(valueOf(e, 'whalecopy_followers_tracked')).toBe(2);
    expect(valueOf(e, 'whalecopy_followers_with_drift')).toBe(2);
    expect(valueOf(e, 'whalecopy_followers_drift_over_threshold')).toBe(1);
    expect(valueOf(e, 'whalecopy_follower_drift_notional_max')).toBe(500);

    clock.advance(30_000);
    feeds = feeds.filter((f) => f.id !== 'w-hl');
    e = parseExposition(await registry.metrics());
    expect(valueOf(e, 'whalecopy_feed_last_message_age_seconds', { whale: 'w-new' })).toBe(30);
    expect(samplesOf(e, 'whalecopy_feed_connected', { whale: 'w-hl' })).toEqual([]); // a removed whale's series goes away
  });

  test('without sources the gauges report nothing to worry about', async () => {
    const registry = new Registry();
    registerHealthGauges({ registry });
    const e = parseExposition(await registry.metrics());
    expect(samplesOf(e, 'whalecopy_feed_connected')).toEqual([]);
    expect(valueOf(e, 'whalecopy_followers_drift_over_threshold')).toBe(0);
  });

  test.each([0, -1, Number.NaN, Infinity])('rejects drift threshold %p', (t) => {
    expect(() => registerHealthGauges({ registry: new Registry(), driftNotionalThreshold: t })).toThrow(MetricsConfigError);
  });
});
