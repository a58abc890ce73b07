// Binance USD-M orders over the WebSocket API, executor against the venue simulator with real ccxt: which
// transport each order takes, and what happens to an order when the socket closes or its reply never comes.
import { afterAll, beforeAll, beforeEach, describe, expect, setDefaultTimeout, test } from 'bun:test';
import { InProcessBus, encodeSignalBatch } from '../bus';
import { eventually } from '../bus/testing';
import { SocketOpenBudget, orderSocketOf } from './binance-order-socket';
import { Executor, type ExecutorOptions } from './executor';
import {
  ReportReader, batchOf, credentialsOf, setFault, signalFor, simFollower, startVenueSimulator, venueOrders,
  type SimFollower, type VenueSimulator,
} from './testing';

setDefaultTimeout(30_000);

let sim: VenueSimulator;
/** Client order id -> the transports its order requests came over, in order. */
const transports = new Map<string, string[]>();
beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
  sim.ctx.onOrderRequest = (_venue, clientOrderId, _ms, transport) => {
    transports.set(clientOrderId, [...(transports.get(clientOrderId) ?? []), transport]);
  };
});
afterAll(() => sim.stop());
beforeEach(() => setFault(sim, { clear: true }));

async function rig(f: SimFollower, options: Partial<ExecutorOptions> = {}) {
  const bus = new InProcessBus();
  const executor = new Executor({
    bus, shard: 0, consumer: 'socket-test', credentials: credentialsOf([f]), venueUrls: { binanceusdm: sim.binanceUrl },
    orderTimeoutMs: 1_000, settleMs: { binanceusdm: 500 },
    consumerOptions: { blockMs: 50, retryDelayMs: 50, onError: () => undefined },
    ...options,
  });
  const reader = new ReportReader(bus);
  await Promise.all([executor.start(), reader.ready()]);
  let seq = 0;
  return {
    executor, reader,
    /** Publishes one 0.010 BTC order and waits for its report. */
    async order(side: 'buy' | 'sell' = 'buy') {
      const signal = signalFor(f, ++seq, side, '0.010');
      const before = reader.reports.length;
      await bus.publishSignals(0, encodeSignalBatch(batchOf(0, seq, [signal])));
      await reader.waitFor((reports) => reports.length > before);
      return { signal, report: reader.reports[before]! };
    },
    socketOpen: () => orderSocketOf(executor.clients.peek(f.followerId, 'binanceusdm')!)?.open === true,
    async close() {
      await executor.stop();
      await reader.stop();
      await bus.close();
    },
  };
}

test('the open budget: never more than the limit in a 5-minute window (half of it at once), then one per refill', () => {
  let now = 0;
  const budget = new SocketOpenBudget(200, () => now);
  const first = Array.from({ length: 150 }, () => budget.take()).filter(Boolean).length;
  expect(first).toBe(100);
  now += 2_999;
  expect(budget.take()).toBe(false);
  now += 1;
  expect(budget.take()).toBe(true); // 100 per 300 s refill: one every 3 s
  expect(budget.take()).toBe(false);
});

describe('Binance orders over the WebSocket API', () => {
  test('the first order goes over REST while the socket opens, the next ones over the socket; filled alike; the observer hears each', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const heard: string[] = [];
    const r = await rig(f, { shard: 0, observer: { onOrder: () => undefined, onOrderRequest: (shard, venue, transport) => heard.push(`${shard} ${venue} ${transport}`) } });
    const first = await r.order();
    await eventually(r.socketOpen);
    const second = await r.order('sell');
    const third = await r.order();
    expect([first, second, third].map((o) => transports.get(o.signal.clientOrderId))).toEqual([['rest'], ['websocket'], ['websocket']]);
    expect([first, second, third].map((o) => [o.report.status, o.report.attempts, o.report.filledAmount])).toEqual([
      ['filled', 1, '0.010'], ['filled', 1, '0.010'], ['filled', 1, '0.010'],
    ]);
    expect(second.report.venueOrderId).toBe((await venueOrders(sim, f.accountId))[1]!.id);
    expect(heard).toEqual(['0 binanceusdm rest', '0 binanceusdm websocket', '0 binanceusdm websocket']);
    await r.close();
  });

  test("binanceOrders 'rest': every order over REST, no socket", async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const r = await rig(f, { binanceOrders: 'rest' });
    const orders = [await r.order(), await r.order('sell')];
    expect(orders.map((o) => transports.get(o.signal.clientOrderId))).toEqual([['rest'], ['rest']]);
    expect(orderSocketOf(r.executor.clients.peek(f.followerId, 'binanceusdm')!)).toBeUndefined();
    await r.close();
  });

  test('past the open budget, an account sends over REST: the first account gets the socket, the second does not', async () => {
    const [a, b] = [await simFollower(sim, 'binanceusdm'), await simFollower(sim, 'binanceusdm')];
    const bus = new InProcessBus();
    const executor = new Executor({
      bus, shard: 0, consumer: 'budget-test', credentials: credentialsOf([a, b]), venueUrls: { binanceusdm: sim.binanceUrl },
      socketOpensPerFiveMinutes: 2, consumerOptions: { blockMs: 50, retryDelayMs: 50, onError: () => undefined },
    });
    const reader = new ReportReader(bus);
    await Promise.all([executor.start(), reader.ready()]);
    const send = async (f: SimFollower, seq: number) => {
      const signal = signalFor(f, seq, 'buy', '0.010');
      await bus.publishSignals(0, encodeSignalBatch(batchOf(0, seq, [signal])));
      await reader.waitFor((reports) => reports.some((x) => x.clientOrderId === signal.clientOrderId));
      return signal.clientOrderId;
    };
    await send(a, 1);
    await send(b, 1);
    await eventually(() => orderSocketOf(executor.clients.peek(a.followerId, 'binanceusdm')!)?.open === true);
    const ids = [await send(a, 2), await send(b, 2)];
    expect(ids.map((id) => transports.get(id))).toEqual([['websocket'], ['rest']]);
    expect(reader.reports.map((x) => x.status)).toEqual(['filled', 'filled', 'filled', 'filled']);
    await executor.stop();
    await reader.stop();
    await bus.close();
  });

  test('venue rejections over the socket are final, in ccxt classes, as over REST', async () => {
    const f = await simFollower(sim, 'binanceusdm', 10); // 10 USDT: not enough margin for 0.010 BTC
    const r = await rig(f);
    await r.order(); // opens the socket (rejected over REST)
    await eventually(r.socketOpen);
    const { signal, report } = await r.order();
    expect(transports.get(signal.clientOrderId)).toEqual(['websocket']);
    expect([report.status, report.errorClass, report.attempts]).toEqual(['rejected', 'InsufficientFunds', 1]);
    expect(report.errorMessage).toContain('-2019');
    await r.close();
  });

  test('the venue closes the socket with an order in flight: outcome unknown, looked up, FILLED once; next order over REST', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const r = await rig(f);
    await r.order();
    await eventually(r.socketOpen);
    await setFault(sim, { venue: 'binanceusdm', latencyMs: 400 }); // the reply waits; the order is already filled
    const pending = r.order('sell');
    await eventually(() => [...transports.values()].filter((t) => t[0] === 'websocket').length > 0 && sim.ctx.core.account(f.accountId).orders.size === 2);
    await setFault(sim, { venue: 'binanceusdm', closeWebSockets: true, latencyMs: 0 });
    const { signal, report } = await pending;
    expect(transports.get(signal.clientOrderId)).toEqual(['websocket']); // sent once, never resent
    expect([report.status, report.filledAmount, report.attempts]).toEqual(['filled', '0.010', 1]);
    expect((await venueOrders(sim, f.accountId)).filter((o) => o.clientOrderId === signal.clientOrderId)).toHaveLength(1);
    const next = await r.order();
    expect(transports.get(next.signal.clientOrderId)).toEqual(['rest']);
    expect(next.report.status).toBe('filled');
    await r.close();
  });

  test('no reply over the socket within the order timeout: RequestTimeout, looked up, FILLED once; the socket is closed, next order over REST', async () => {
    const f = await simFollower(sim, 'binanceusdm');
    const r = await rig(f, { orderTimeoutMs: 300 });
    await r.order();
    await eventually(r.socketOpen);
    await setFault(sim, { venue: 'binanceusdm', accountId: f.accountId, dropReplyAfterFill: 1 });
    const started = performance.now();
    const { signal, report } = await r.order('sell');
    expect(performance.now() - started).toBeGreaterThanOrEqual(300);
    expect(transports.get(signal.clientOrderId)).toEqual(['websocket']);
    expect([report.status, report.filledAmount, report.attempts]).toEqual(['filled', '0.010', 1]);
    expect((await venueOrders(sim, f.accountId)).filter((o) => o.clientOrderId === signal.clientOrderId)).toHaveLength(1);
    expect(r.socketOpen()).toBe(false);
    const next = await r.order();
    expect([transports.get(next.signal.clientOrderId), next.report.status]).toEqual([['rest'], 'filled']);
    await r.close();
  });
});
