// The executor against the real venue simulator with real ccxt, over the in-process bus.
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { InProcessBus, encodeSignalBatch, type Bus } from '../bus';
import { eventually } from '../bus/testing';
import { createClient } from '../venues';
import { Executor, byFollowerInLegOrder, type ExecutorOptions } from './executor';
import {
  ReportReader, armedFaults, batchOf, credentialsOf, setFault, signalFor, simFollower, startVenueSimulator, venueOrders,
  type SimFollower, type VenueSimulator,
} from './testing';

setDefaultTimeout(30_000); // real services: simulator, ccxt, Redis, PGlite

let sim: VenueSimulator;
beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.stop();
});

interface Rig {
  bus: Bus;
  executor: Executor;
  reader: ReportReader;
  close(): Promise<void>;
}

async function rig(followers: SimFollower[], options: Partial<ExecutorOptions> = {}): Promise<Rig> {
  const bus = new InProcessBus();
  const executor = new Executor({
    bus, shard: 0, consumer: 'exec-test', credentials: credentialsOf(followers),
    venueUrls: { binanceusdm: sim.binanceUrl, hyperliquid: sim.hyperliquidUrl },
    orderTimeoutMs: 1_000,
    consumerOptions: { blockMs: 50, retryDelayMs: 50, onError: () => undefined },
    ...options,
  });
  const reader = new ReportReader(bus);
  await Promise.all([executor.start(), reader.ready()]);
  return {
    bus, executor, reader,
    async close() {
      await executor.stop();
      await reader.stop();
      await bus.close();
    },
  };
}

describe('Executor on the simulator (in-process bus)', () => {
  test.each(['binanceusdm', 'hyperliquid'] as const)('%s: a signal becomes exactly one order with its client order id', async (venue) => {
    const f = await simFollower(sim, venue);
    const r = await rig([f]);
    const signal = signalFor(f, 1, 'buy', venue === 'binanceusdm' ? '0.010' : '0.01000', { leverage: 5 });
    await r.bus.publishSignals(0, encodeSignalBatch(batchOf(0, 1, [signal])));
    await r.reader.waitFor((reports) => reports.length === 1);
    const [report] = r.reader.reports;
    expect(report).toMatchObject({
      clientOrderId: signal.clientOrderId, followerId: f.followerId, status: 'filled', requestedAmount: signal.amount,
      attempts: 1, errorClass: '', shard: 0, venue, side: 'buy',
    });
    expect(Number(report?.filledAmount)).toBe(0.01);
    expect(Number(report?.avgPrice)).toBeGreaterThan(50_000);
    const hops = report!.hops;
    expect(hops.dequeuedMs).toBeGreaterThan(0);
    expect(hops.orderSentMs).toBeGreaterThanOrEqual(hops.dequeuedMs);
    expect(hops.venueAckMs).toBeGreaterThanOrEqual(hops.orderSentMs);
    const orders = await venueOrders(sim, f.accountId);
    expect(orders.map((o) => [o.clientOrderId, o.status, o.amount])).toEqual([[signal.clientOrderId, 'filled', 0.01]]);
    expect(report?.venueOrderId).toBe(orders[0]!.id);
    await eventually(async () => expect((await r.bus.shardStats(0)).pending).toBe(0));
    await r.close();
  });

  test('a redelivered signal (same batch published twice) makes no second order and gets a report each time', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const r = await rig([f]);
    const signal = signalFor(f, 2, 'buy', '0.010');
    const bytes = encodeSignalBatch(batchOf(0, 2, [signal]));
    await r.bus.publishSignals(0, bytes);
    await r.bus.publishSignals(0, bytes);
    await r.reader.waitFor((reports) => reports.length === 2);
    expect(r.reader.reports.map((x) => [x.clientOrderId, x.status])).toEqual([
      [signal.clientOrderId, 'filled'],
      [signal.clientOrderId, 'filled'],
    ]);
    expect(r.reader.reports.map((x) => x.attempts)).toEqual([1, 0]); // the second was found by lookup
    expect(r.reader.reports[1]?.venueOrderId).toBe(r.reader.reports[0]!.venueOrderId);
    expect((await venueOrders(sim, f.accountId)).length).toBe(1);
    await r.close();
  });

  test.each([
    ['binanceusdm', 'dropReplyAfterFill'],
    ['binanceusdm', 'unknownErrorAfterFill'],
    ['hyperliquid', 'dropReplyAfterFill'],
    ['hyperliquid', 'unknownErrorAfterFill'],
  ] as const)('%s %s: the executor looks the id up, finds the fill, reports FILLED; one order at the venue', async (venue, fault) => {
    const f = await simFollower(sim, venue);
    const r = await rig([f]);
    await setFault(sim, { venue, accountId: f.accountId, [fault]: 1 });
    expect(await armedFaults(sim, fault)).toBe(1);
    const signal = signalFor(f, 3, 'sell', venue === 'binanceusdm' ? '0.020' : '0.02000');
    await r.bus.publishSignals(0, encodeSignalBatch(batchOf(0, 3, [signal])));
    await r.reader.waitFor((reports) => reports.length === 1);
    expect(r.reader.reports[0]).toMatchObject({ clientOrderId: signal.clientOrderId, status: 'filled', attempts: 1 });
    expect(Number(r.reader.reports[0]?.filledAmount)).toBe(0.02);
    const orders = await venueOrders(sim, f.accountId);
    expect(orders.map((o) => [o.clientOrderId, o.status])).toEqual([[signal.clientOrderId, 'filled']]);
    expect(r.reader.reports[0]?.venueOrderId).toBe(orders[0]!.id);
    expect(await armedFaults(sim, fault)).toBe(0); // the order really went through the fault
    await r.close();
  });

  test('hyperliquid: the signal ref_price is the price the IOC order is built around', async () => {
    const f = await simFollower(sim, 'hyperliquid');
    const r = await rig([f]);
    const near = signalFor(f, 50, 'buy', '0.01000', { refPrice: '60000' });
    const far = signalFor(f, 50, 'buy', '0.0100', { symbol: 'ETH/USDC:USDC', refPrice: '1500' }); // IOC limit 1575: below the market
    await r.bus.publishSignals(0, encodeSignalBatch(batchOf(0, 50, [near, far]))); // ref_price travels on the wire
    await r.reader.waitFor((x) => x.length === 2);
    const reports = r.reader.reports;
    expect(reports.map((x) => [x.status, x.errorClass])).toEqual([['filled', ''], ['rejected', 'InvalidOrder']]);
    expect(reports[1]?.errorMessage).toContain('could not immediately match');
    expect((await venueOrders(sim, f.accountId)).filter((o) => o.status === 'filled').map((o) => o.clientOrderId)).toEqual([near.clientOrderId]);
    await r.close();
  });

  test('hyperliquid: an order already placed under the cloid (duplicate cloid) is found, not reported rejected', async () => {
    const f = await simFollower(sim, 'hyperliquid');
    const r = await rig([f]);
    const signal = signalFor(f, 60, 'buy', '0.01000');
    if (f.credentials.venue !== 'hyperliquid') throw new Error('expected a hyperliquid follower');
    const direct = createClient('hyperliquid', {
      baseUrl: sim.hyperliquidUrl, enableRateLimit: false,
      credentials: { walletAddress: f.credentials.address, privateKey: f.credentials.privateKey },
    });
    const placed = await direct.createOrder(signal.symbol, 'market', 'buy', 0.01, 60_000, { clientOrderId: signal.clientOrderId });
    await direct.close();
    const [report] = await r.executor.executeBatch(batchOf(0, 60, [signal]));
    expect(report).toMatchObject({ status: 'filled', attempts: 1, venueOrderId: String(placed.id), errorClass: '' });
    expect((await venueOrders(sim, f.accountId)).length).toBe(1);
    await r.close();
  });

  test('InvalidOrder (below min notional): REJECTED with the ccxt class, acked, not retried', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const r = await rig([f]);
    const signal = signalFor(f, 4, 'buy', '0.001'); // 60 USDT < 100 min notional
    await r.bus.publishSignals(0, encodeSignalBatch(batchOf(0, 4, [signal])));
    await r.reader.waitFor((reports) => reports.length === 1);
    expect(r.reader.reports[0]).toMatchObject({ status: 'rejected', errorClass: 'InvalidOrder', attempts: 1, filledAmount: '0', venueOrderId: '' });
    expect(r.reader.reports[0]?.errorMessage).toContain('notional');
    await Bun.sleep(200);
    expect(r.reader.reports.length).toBe(1);
    const stats = await r.bus.shardStats(0);
    expect([stats.pending, stats.deadLetters]).toEqual([0, 0]);
    expect((await venueOrders(sim, f.accountId)).filter((o) => o.status === 'filled')).toEqual([]);
    await r.close();
  });

  test('a flip runs close (leg 0) before open (leg 1) even when the batch lists the open first', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const r = await rig([f]);
    await r.executor.executeBatch(batchOf(0, 10, [signalFor(f, 10, 'buy', '0.010')]));
    const open = signalFor(f, 11, 'sell', '0.010', { leg: 1 });
    const close = signalFor(f, 11, 'sell', '0.010', { leg: 0, reduceOnly: true });
    const reports = await r.executor.executeBatch(batchOf(0, 11, [open, close]));
    expect(reports.map((x) => [x.clientOrderId, x.status])).toEqual([[close.clientOrderId, 'filled'], [open.clientOrderId, 'filled']]);
    const orders = (await venueOrders(sim, f.accountId)).slice(1);
    expect(orders.map((o) => [o.clientOrderId, o.reduceOnly])).toEqual([[close.clientOrderId, true], [open.clientOrderId, false]]);
    expect(Number(orders[0]!.id)).toBeLessThan(Number(orders[1]!.id));
    await r.close();
  });

  test('followers of one venue share ONE market table object', async () => {
    const [a, b] = await Promise.all([simFollower(sim, 'hyperliquid'), simFollower(sim, 'hyperliquid')]);
    const r = await rig([a!, b!]);
    const reports = await r.executor.executeBatch(batchOf(0, 20, [signalFor(a!, 20, 'buy', '0.01000'), signalFor(b!, 20, 'buy', '0.01000')]));
    expect(reports.map((x) => x.status)).toEqual(['filled', 'filled']);
    const ca = r.executor.clients.peek(a!.followerId, 'hyperliquid');
    const cb = r.executor.clients.peek(b!.followerId, 'hyperliquid');
    expect(ca).toBeDefined();
    expect(ca).not.toBe(cb);
    expect(ca!.markets).toBe(cb!.markets);
    expect(ca!.markets_by_id).toBe(cb!.markets_by_id);
    expect(Object.keys(ca!.markets ?? {})).toContain('BTC/USDC:USDC');
    await r.close();
  });

  test('the token bucket delays orders of one account but never drops one', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const free = { account: 0, egressIp: 0 };
    const r = await rig([f], {
      limits: {
        binanceusdm: {
          account: [{ limit: 4, windowMs: 1_000 }], // bucket: 2 at once, then 2 per second
          egressIp: [],
          cost: { order: { account: 1, egressIp: 0 }, lookup: free, leverage: free, ticker: free },
        },
      },
    });
    const signals = [1, 2, 3, 4, 5, 6].map((i) => signalFor(f, 100 + i, i % 2 ? 'buy' : 'sell', '0.010'));
    const started = performance.now();
    const reports = await r.executor.executeBatch(batchOf(0, 100, signals));
    const elapsed = performance.now() - started;
    expect(reports.map((x) => x.status)).toEqual(Array(6).fill('filled'));
    expect(elapsed).toBeGreaterThanOrEqual(1_900); // 4 orders after the burst of 2, at 2 per second
    const orders = await venueOrders(sim, f.accountId);
    expect(orders.map((o) => o.clientOrderId).sort()).toEqual(signals.map((s) => s.clientOrderId).sort());
    const sent = reports.map((x) => x.hops.orderSentMs);
    expect((sent[5] ?? 0) - (sent[2] ?? 0)).toBeGreaterThanOrEqual(1_400);
    await r.close();
  });

  test.each([
    ['binanceusdm', 200], // ccxt refuses above 125 before any request
    ['hyperliquid', 41], // the venue refuses above the market's 40x
  ] as const)('%s: a leverage that cannot be set (%p) rejects the order before it is sent', async (venue, leverage) => {
    const f = await simFollower(sim, venue);
    const r = await rig([f]);
    const signal = signalFor(f, 70, 'buy', venue === 'binanceusdm' ? '0.010' : '0.01000', { leverage });
    const [report] = await r.executor.executeBatch(batchOf(0, 70, [signal]));
    expect(report).toMatchObject({ status: 'rejected', errorClass: 'LeverageFailedError', attempts: 0 });
    expect(report?.errorMessage).toContain(`setLeverage(${leverage}`);
    expect(await venueOrders(sim, f.accountId)).toEqual([]);
    await r.close();
  });

  test('unknown followers and bad amounts are REJECTED without a venue call; others in the batch proceed', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const r = await rig([f]);
    const stranger = { ...f, followerId: 'nobody' };
    const reports = await r.executor.executeBatch(batchOf(0, 30, [
      signalFor(stranger, 30, 'buy', '0.010'),
      { ...signalFor(f, 30, 'buy', '0.010', { symbol: 'ETH/USDT:USDT' }), amount: 'NaN' },
      signalFor(f, 30, 'buy', '0.010'),
    ]));
    expect(reports.map((x) => [x.followerId, x.status, x.errorClass])).toEqual([
      ['nobody', 'rejected', 'MissingCredentialsError'],
      [f.followerId, 'rejected', 'InvalidSignalError'],
      [f.followerId, 'filled', ''],
    ]);
    expect((await venueOrders(sim, f.accountId)).length).toBe(1);
    await r.close();
  });

  test('the observer sees every report with its latency', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const seen: [string, number][] = [];
    const r = await rig([f], { observer: { onOrder: (report, latencyMs) => seen.push([report.status, latencyMs]) } });
    await r.executor.executeBatch(batchOf(0, 40, [signalFor(f, 40, 'buy', '0.010'), signalFor(f, 40, 'sell', '0.001', { symbol: 'ETH/USDT:USDT' })]));
    expect(seen.map(([status]) => status)).toEqual(['filled', 'rejected']);
    for (const [, latency] of seen) expect(latency).toBeGreaterThan(0);
    await r.close();
  });
});

describe('byFollowerInLegOrder', () => {
  const s = (followerId: string, leg: 0 | 1, n: number) =>
    ({ followerId, leg, clientOrderId: `${followerId}-${leg}-${n}` }) as unknown as Parameters<typeof byFollowerInLegOrder>[0][number];
  test('groups by follower in first-seen order and puts closes first, keeping order within a leg', () => {
    const groups = byFollowerInLegOrder([s('a', 1, 1), s('b', 1, 2), s('a', 0, 3), s('a', 1, 4), s('a', 0, 5)]);
    expect([...groups.keys()]).toEqual(['a', 'b']);
    expect(groups.get('a')!.map((x) => x.clientOrderId)).toEqual(['a-0-3', 'a-0-5', 'a-1-1', 'a-1-4']);
    expect(groups.get('b')!.map((x) => x.clientOrderId)).toEqual(['b-1-2']);
  });
  test('an empty batch has no groups', () => {
    expect(byFollowerInLegOrder([]).size).toBe(0);
  });
});
