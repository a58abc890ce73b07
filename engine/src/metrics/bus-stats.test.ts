import { afterAll, describe, expect, test } from 'bun:test';
import Redis from 'ioredis';
import { Registry } from 'prom-client';
import { InProcessBus, PoisonEntryError, RedisBus, type Bus } from '../bus';
import { bytesOf, eventually, Gate, testConsumer, uniquePrefix } from '../bus/testing';
import { ManualClock } from '../core';
import { BusStatsPoller, registerBusGauges } from './bus-stats';
import { MetricsConfigError } from './errors';
import { parseExposition, samplesOf, valueOf } from './testing';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefixes: string[] = [];

afterAll(async () => {
  const r = new Redis(REDIS_URL);
  for (const p of prefixes) {
    const keys = await r.keys(`${p}:*`);
    if (keys.length) await r.del(...keys);
  }
  await r.quit();
});

const harnesses: [string, (prefix: string) => Bus][] = [
  ['in-process bus', (keyPrefix) => new InProcessBus({ keyPrefix })],
  ['Redis bus', (keyPrefix) => new RedisBus({ url: REDIS_URL, keyPrefix, onConnectionError: () => undefined })],
];

describe.each(harnesses)('BusStatsPoller on the %s', (_name, create) => {
  test('length, pending, lag and dead letters per shard; a failed poll keeps the last values and counts', async () => {
    const prefix = uniquePrefix('metrics');
    prefixes.push(prefix);
    const bus = create(prefix);
    await bus.ready();
    const clock = new ManualClock(1_000_000);
    const poller = new BusStatsPoller({ bus, shards: 2, clock, onError: () => undefined });
    const registry = new Registry();
    registerBusGauges(registry, () => poller, clock);

    for (let i = 0; i < 3; i++) await bus.publishSignals(0, bytesOf(`s0-${i}`));
    await bus.publishSignals(1, bytesOf('poison'));
    const gate = new Gate();
    const held = bus.consumeSignals(0, testConsumer('held', { batchSize: 1 }), () => gate.opened);
    const poison = bus.consumeSignals(1, testConsumer('poison'), async () => {
      throw new PoisonEntryError('unreadable');
    });
    await Promise.all([held.ready, poison.ready]);
    await eventually(async () => expect((await bus.shardStats(1)).deadLetters).toBe(1));
    await eventually(async () => expect((await bus.shardStats(0)).pending).toBe(1));

    await poller.pollOnce();
    let e = parseExposition(await registry.metrics());
    expect(valueOf(e, 'whalecopy_stream_length', { stream: 'signals', shard: '0' })).toBe(3);
    expect(valueOf(e, 'whalecopy_stream_pending', { stream: 'signals', shard: '0' })).toBe(1);
    expect(valueOf(e, 'whalecopy_stream_lag', { stream: 'signals', shard: '0' })).toBe(2);
    expect(valueOf(e, 'whalecopy_dead_letters', { stream: 'signals', shard: '1' })).toBe(1);
    expect(valueOf(e, 'whalecopy_dead_letters', { stream: 'signals', shard: '0' })).toBe(0);
    expect(valueOf(e, 'whalecopy_stream_length', { stream: 'reports', shard: '' })).toBe(0);
    expect(valueOf(e, 'whalecopy_bus_stats_age_seconds')).toBe(0);
    expect(poller.shards().map((s) => s.shard)).toEqual([0, 1]);

    gate.open();
    held.abort();
    poison.abort();
    await bus.close();
    clock.advance(7_500);
    await poller.pollOnce();
    e = parseExposition(await registry.metrics());
    expect(poller.errors).toBe(1);
    expect(valueOf(e, 'whalecopy_bus_poll_errors_total')).toBe(1);
    expect(valueOf(e, 'whalecopy_bus_stats_age_seconds')).toBe(7.5);
    expect(valueOf(e, 'whalecopy_stream_length', { stream: 'signals', shard: '0' })).toBe(3);
  });
});

describe('BusStatsPoller lifecycle', () => {
  test('start polls at once and on its interval; stop ends the loop', async () => {
    const bus = new InProcessBus({ keyPrefix: uniquePrefix('poll') });
    const poller = new BusStatsPoller({ bus, shards: 1, intervalMs: 100 });
    let polls = 0;
    const pollOnce = poller.pollOnce.bind(poller);
    poller.pollOnce = async () => {
      polls++;
      await pollOnce();
    };
    poller.start();
    await eventually(() => expect(polls).toBeGreaterThanOrEqual(3), 2_000);
    await poller.stop();
    const after = polls;
    await Bun.sleep(250);
    expect(polls).toBe(after);
    expect(poller.lastPollMs).toBeGreaterThan(0);
    await bus.close();
  });

  test('without a poller the gauges are empty and the age is +Inf', async () => {
    const registry = new Registry();
    registerBusGauges(registry, () => undefined);
    const e = parseExposition(await registry.metrics());
    expect(samplesOf(e, 'whalecopy_stream_pending')).toEqual([]);
    expect(valueOf(e, 'whalecopy_bus_stats_age_seconds')).toBe(Infinity);
  });

  test.each([[0, 5000], [1.5, 5000], [2, 50]])('rejects shards %p interval %p', (shards, intervalMs) => {
    expect(() => new BusStatsPoller({ bus: new InProcessBus(), shards, intervalMs })).toThrow(MetricsConfigError);
  });
});
