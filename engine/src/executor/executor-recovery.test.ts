// Delivery guarantees of the executor on both buses (in-process and Redis Streams on 127.0.0.1:6379):
// one order per client order id across duplicates and across an executor killed mid-batch.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { InProcessBus, RedisBus, encodeSignalBatch, type Bus, type ExecutionReport } from '../bus';
import { eventually, uniquePrefix } from '../bus/testing';
import { Executor } from './executor';
import {
  ReportReader, batchOf, credentialsOf, deleteRedisKeys, setFault, signalFor, simFollower, startVenueSimulator, venueOrders,
  type SimFollower, type VenueSimulator,
} from './testing';

setDefaultTimeout(30_000); // real services: simulator, ccxt, Redis, PGlite

const REDIS_URL = 'redis://127.0.0.1:6379';

let sim: VenueSimulator;
beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.stop();
});

interface BusKind {
  readonly name: string;
  create(prefix: string): Bus;
  cleanup(prefix: string): Promise<void>;
}

const kinds: BusKind[] = [
  { name: 'InProcessBus', create: (prefix) => new InProcessBus({ keyPrefix: prefix }), cleanup: async () => undefined },
  {
    name: 'RedisBus',
    create: (prefix) => new RedisBus({ url: REDIS_URL, keyPrefix: prefix, onConnectionError: () => undefined }),
    cleanup: (prefix) => deleteRedisKeys(REDIS_URL, prefix),
  },
];

function executor(bus: Bus, name: string, followers: SimFollower[], claimIdleMs: number, concurrency = 64, seen: ExecutionReport[] = []): Executor {
  return new Executor({
    bus, shard: 2, consumer: name, credentials: credentialsOf(followers), concurrency,
    observer: { onOrder: (report) => seen.push(report) },
    venueUrls: { binanceusdm: sim.binanceUrl, hyperliquid: sim.hyperliquidUrl },
    orderTimeoutMs: 2_000,
    consumerOptions: { blockMs: 50, retryDelayMs: 50, claimIdleMs, claimEveryMs: 50, onError: () => undefined },
  });
}

describe.each(kinds)('$name', (kind) => {
  const prefix = uniquePrefix(`exec-${kind.name}`);
  let counter = 0;
  const freshBus = async () => {
    const bus = kind.create(`${prefix}-${++counter}`);
    await bus.ready();
    return bus;
  };
  afterAll(() => kind.cleanup(prefix));

  test('one signal -> one order and one report; a duplicate entry -> a second report, still one order', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const bus = await freshBus();
    const exec = executor(bus, 'exec-a', [f], 30_000);
    const reader = new ReportReader(bus);
    await Promise.all([exec.start(), reader.ready()]);
    const signal = signalFor(f, 1, 'buy', '0.010');
    const bytes = encodeSignalBatch(batchOf(2, 1, [signal]));
    await bus.publishSignals(2, bytes);
    await reader.waitFor((r) => r.length === 1);
    await bus.publishSignals(2, bytes);
    await reader.waitFor((r) => r.length === 2);
    expect(reader.reports.map((r) => [r.clientOrderId, r.status, r.attempts, r.shard])).toEqual([
      [signal.clientOrderId, 'filled', 1, 2],
      [signal.clientOrderId, 'filled', 0, 2],
    ]);
    expect((await venueOrders(sim, f.accountId)).map((o) => o.clientOrderId)).toEqual([signal.clientOrderId]);
    await eventually(async () => expect((await bus.shardStats(2)).pending).toBe(0));
    await exec.stop();
    expect(exec.state).toBe('stopped');
    await reader.stop();
    await bus.close();
  });

  test('an executor killed mid-batch and a second one reclaiming it leave exactly one order per client order id', async () => {
    const followers = await Promise.all(Array.from({ length: 6 }, () => simFollower(sim, 'binanceusdm')));
    const bus = await freshBus();
    const reader = new ReportReader(bus);
    await reader.ready();
    await setFault(sim, { venue: 'binanceusdm', latencyMs: 150 });
    try {
      const fromFirst: ExecutionReport[] = [];
      const first = executor(bus, 'exec-first', followers, 800, 2, fromFirst);
      await first.start();
      const signals = followers.map((f) => signalFor(f, 7, 'buy', '0.010'));
      await bus.publishSignals(2, encodeSignalBatch(batchOf(2, 7, signals)));
      // Mid-batch: the venue has taken some of the first executor's orders (their replies are still delayed).
      const placed = async () => (await Promise.all(followers.map((f) => venueOrders(sim, f.accountId)))).filter((o) => o.length > 0).length;
      let placedAtAbort = 0;
      await eventually(async () => expect((placedAtAbort = await placed())).toBeGreaterThanOrEqual(1));
      first.abort(); // as if the process died: no more venue calls, reports or acks
      expect((await bus.shardStats(2)).pending).toBe(1);

      const fromSecond: ExecutionReport[] = [];
      const second = executor(bus, 'exec-second', followers, 800, 64, fromSecond);
      await second.start();
      await eventually(() => expect(fromSecond.length).toBe(signals.length), 15_000);
      const reportsOfFirst = fromFirst.length; // includes a publish that was in flight at the abort
      await reader.waitFor((r) => r.length === reportsOfFirst + signals.length);
      expect(reportsOfFirst).toBeLessThan(signals.length);
      expect(placedAtAbort).toBeLessThan(signals.length);
      expect(fromSecond.map((r) => r.status)).toEqual(Array(signals.length).fill('filled'));
      expect(fromSecond.map((r) => r.clientOrderId).sort()).toEqual(signals.map((s) => s.clientOrderId).sort());
      // The orders the venue already had were found by client order id, not sent again.
      expect(fromSecond.filter((r) => r.attempts === 0).length).toBeGreaterThanOrEqual(placedAtAbort);
      for (const [i, f] of followers.entries()) {
        const orders = await venueOrders(sim, f.accountId);
        expect(orders.map((o) => [o.clientOrderId, o.status])).toEqual([[signals[i]!.clientOrderId, 'filled']]);
      }
      await eventually(async () => expect((await bus.shardStats(2)).pending).toBe(0));
      await second.stop();
    } finally {
      await setFault(sim, { clear: true });
      await reader.stop();
      await bus.close();
    }
  });
});
