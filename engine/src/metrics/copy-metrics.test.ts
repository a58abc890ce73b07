import { describe, expect, test } from 'bun:test';
import { Registry } from 'prom-client';
import { FollowerBook, WhaleBook } from '../book';
import { InProcessBus, type ExecutionReport, type HopStamps } from '../bus';
import { CopyEngine } from '../copy';
import { shardOf, type Clock } from '../core';
import type { Follow, MarketSpec, Position, Venue } from '../model';
import { TradingStates } from '../risk';
import { createEngineMetrics } from './engine-metrics';
import { parseExposition, samplesOf, valueOf } from './testing';

const MARKETS: MarketSpec[] = [
  { symbol: 'BTC/USDT:USDT', venue: 'binanceusdm', venueId: 'BTCUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 100, priceTick: 0.1, maxLeverage: 125 },
];
const follow = (id: string, followerId: string, over: Partial<Follow> = {}): Follow => ({
  id, whaleId: 'w1', followerId, sizing: { mode: 'proportional', k: 1 }, caps: {}, leverage: { mode: 'copy' },
  symbols: {}, existing: 'copy_now', state: 'active', ...over,
});

/** Moves 0.25 ms on every read, so each stamped hop of a pass is a known positive span. */
class SteppingClock implements Clock {
  constructor(private ms: number) {}
  nowMs(): number {
    return (this.ms += 0.25);
  }
}

async function copyPass() {
  const registry = new Registry();
  const clock = new SteppingClock(1_763_000_000_000);
  const metrics = createEngineMetrics({ registry, clock, processMetrics: false });
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const states = new TradingStates();
  const bus = new InProcessBus({ keyPrefix: `metrics${Math.random().toString(36).slice(2)}` });
  const copy = new CopyEngine({
    bus, shards: 2, whales, followers, states, clock,
    markets: { market: (venue: Venue, base: string) => MARKETS.find((m) => m.venue === venue && m.symbol.startsWith(`${base}/`)) },
    mark: () => 60_000,
    observer: metrics.copyObserver({ whaleVenue: (id) => (id === 'w1' ? 'hyperliquid' : undefined) }),
  });
  // followers spread over both shards, one halted (denied), one too small (skipped below_minimum)
  const ids = ['f-a', 'f-b', 'f-c', 'f-d', 'f-e', 'f-f'];
  for (const id of [...ids, 'f-halt', 'f-tiny']) {
    followers.replaceActual(id, new Map());
    followers.setEquity(id, 10_000, 0);
  }
  for (const id of ids) copy.follows.upsert(follow(`follow-${id}`, id), 'binanceusdm', new Map());
  copy.follows.upsert(follow('follow-halt', 'f-halt'), 'binanceusdm', new Map());
  copy.follows.upsert(follow('follow-tiny', 'f-tiny', { sizing: { mode: 'proportional', k: 0.003 } }), 'binanceusdm', new Map());
  states.set('follower', 'f-halt', 'halted');
  const book = new Map<string, Position>([['BTC/USDT:USDT', { symbol: 'BTC/USDT:USDT', contracts: 0.5, entryPrice: 60_000 }]]);
  whales.apply({ whaleId: 'w1', seq: 1, positions: book });
  const rx = clock.nowMs();
  const sent = await copy.onWhaleChange({ whaleId: 'w1', changed: ['BTC/USDT:USDT'], venueTs: rx - 40, rxTs: rx });
  await bus.close();
  const perShard = [0, 1].map((s) => ids.filter((id) => shardOf(id, 2) === s).length);
  return { metrics, registry, sent, perShard };
}

describe('CopyMetrics with a real CopyEngine', () => {
  test('signals and batches per shard, denials and skips by reason, three engine hops per shard entry', async () => {
    const { registry, sent, perShard } = await copyPass();
    expect(sent).toBe(6);
    expect(perShard.every((n) => n > 0)).toBe(true); // the fixture reaches both shards
    const e = parseExposition(await registry.metrics());
    for (const shard of [0, 1]) {
      expect(valueOf(e, 'whalecopy_signals_total', { shard: String(shard) })).toBe(perShard[shard]!);
      expect(valueOf(e, 'whalecopy_signal_batches_total', { shard: String(shard) })).toBe(1);
      for (const hop of ['venue_to_rx', 'rx_to_diff', 'diff_to_xadd']) {
        expect(valueOf(e, 'whalecopy_hop_latency_seconds_count', { hop, venue: 'hyperliquid', shard: String(shard) })).toBe(1);
      }
    }
    expect(valueOf(e, 'whalecopy_hop_latency_seconds_sum', { hop: 'venue_to_rx', shard: '0' })).toBeCloseTo(0.04, 6);
    // no executor hop yet: no report arrived
    expect(samplesOf(e, 'whalecopy_hop_latency_seconds_count', { hop: 'end_to_end' })).toEqual([]);
    expect(valueOf(e, 'whalecopy_denials_total', { reason: 'halted' })).toBe(1);
    expect(valueOf(e, 'whalecopy_skips_total', { reason: 'below_minimum' })).toBe(1);
    expect(valueOf(e, 'whalecopy_publish_failures_total')).toBe(0);
  });

  test('reports: orders by venue and outcome, executor hops and end to end per order; unstamped hops skipped', async () => {
    const { metrics, registry } = await copyPass();
    const T = 1_763_000_000_000;
    const hops: HopStamps = { venueEventMs: T - 40, frameRxMs: T, diffDoneMs: T + 0.5, xaddAckMs: 0, dequeuedMs: T + 2, orderSentMs: T + 3, venueAckMs: T + 23 };
    const report = (status: ExecutionReport['status'], h: HopStamps): ExecutionReport => ({
      clientOrderId: 'wc-1', followerId: 'f-a', whaleId: 'w1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'buy', status,
      requestedAmount: '0.5', filledAmount: status === 'filled' ? '0.5' : '', avgPrice: '', venueOrderId: '', errorClass: '', errorMessage: '',
      attempts: 1, hops: h, shard: 1,
    });
    metrics.onReport(report('filled', hops));
    metrics.onReport(report('filled', { ...hops, xaddAckMs: T + 1 }));
    metrics.onReport(report('rejected', { ...hops, orderSentMs: 0, venueAckMs: 0 }));
    const e = parseExposition(await registry.metrics());
    expect(valueOf(e, 'whalecopy_orders_total', { venue: 'binanceusdm', outcome: 'filled' })).toBe(2);
    expect(valueOf(e, 'whalecopy_orders_total', { venue: 'binanceusdm', outcome: 'rejected' })).toBe(1);
    const count = (hop: string) => valueOf(e, 'whalecopy_hop_latency_seconds_count', { hop, venue: 'binanceusdm', shard: '1' });
    expect(count('xadd_to_dequeue')).toBe(1);
    expect(count('dequeue_to_sent')).toBe(2);
    expect(count('sent_to_ack')).toBe(2);
    expect(count('end_to_end')).toBe(2);
    expect(valueOf(e, 'whalecopy_hop_latency_seconds_sum', { hop: 'end_to_end', venue: 'binanceusdm' })).toBeCloseTo(0.046, 6);
    expect(metrics.latency.summary().end_to_end.count).toBe(2);
  });

  test('frames and webhook acks', async () => {
    const { metrics, registry } = await copyPass();
    metrics.countFrame('whale', 'hyperliquid', 'stream');
    metrics.countFrame('whale', 'hyperliquid', 'stream');
    metrics.countFrame('follower', 'binanceusdm', 'snapshot');
    metrics.recordWebhookAck(1.5);
    const e = parseExposition(await registry.metrics());
    expect(valueOf(e, 'whalecopy_frames_total', { venue: 'hyperliquid', kind: 'whale', source: 'stream' })).toBe(2);
    expect(valueOf(e, 'whalecopy_frames_total', { venue: 'binanceusdm', kind: 'follower', source: 'snapshot' })).toBe(1);
    expect(valueOf(e, 'whalecopy_hop_latency_seconds_count', { hop: 'webhook_ack', venue: 'tradingview', shard: '' })).toBe(1);
  });
});
