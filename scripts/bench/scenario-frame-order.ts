// Scenario 2: whale frame -> follower order taken by the simulator's matching core, with real follower
// accounts, executor processes (one per shard) over Redis, and the hops of every order split out.
import { RedisBus, decodeExecutionReport, type HopStamps } from '../../engine/src/bus';
import type { FollowerCredentials } from '../../engine/src/executor';
import { ExecutorPool } from './executor-pool';
import { CopyPath } from './hot-path';
import { REDIS_URL, benchPrefix, dropPrefix } from './redis-keys';
import { FOLLOW_K, drive, type WhaleRig } from './scenario-frame-xadd';
import { summarize, type Summary } from './stats';
import type { OrderArrival, SimAccount } from './timed-sim-client';

export interface FollowerRig {
  ids: string[];
  accounts: SimAccount[];
  credentials: Record<string, FollowerCredentials>;
}

export async function openFollowers(rig: WhaleRig, count: number): Promise<FollowerRig> {
  const ids: string[] = [];
  const accounts: SimAccount[] = [];
  const credentials: Record<string, FollowerCredentials> = {};
  for (let i = 0; i < count; i++) {
    const a = await rig.sim.account('binanceusdm', 1e8);
    const id = crypto.randomUUID();
    ids.push(id);
    accounts.push(a);
    credentials[id] = { venue: 'binanceusdm', apiKey: a.apiKey, secret: a.secret };
  }
  return { ids, accounts, credentials };
}

export interface OrderStep {
  followers: number;
  shards: number;
  perSec: number;
  frames: number;
  orders: number;
  /** Orders published but never seen by the simulator within the wait. */
  missing: number;
  /** Orders that reached the simulator over a WebSocket API connection (the rest over REST). */
  overWebsocket: number;
  /** Every order: frame receipt -> its HTTP request received by the simulator (the issue's stop). */
  frameToOrder: Summary;
  /** Every order: frame receipt -> order taken by the simulator's matching core (after parsing and HMAC). */
  frameToTaken: Summary;
  /** Per whale change: frame receipt -> the last of its orders taken. */
  frameToLastOrder: Summary;
  frameToXadd: Summary;
  /** Per whale change: frame receipt -> diff done (the engine's share of frame -> XADD). */
  frameToDiff: Summary;
  xaddToDequeue: Summary;
  dequeueToSent: Summary;
  sentToVenue: Summary;
}

async function collectArrivals(rig: WhaleRig, into: Map<string, OrderArrival>, expected: number, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const [cid, ms] of await rig.sim.arrivals()) into.set(cid, ms);
    if (into.size >= expected || Date.now() > end) return;
    await Bun.sleep(20);
  }
}

export async function orderStep(rig: WhaleRig, followerRig: FollowerRig, pool: ExecutorPool, followers: number, shards: number, perSec: number, count: number): Promise<OrderStep> {
  const prefix = benchPrefix('order');
  const bus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix, connectionName: 'bench-engine' });
  const ids = followerRig.ids.slice(0, followers);
  const hopsByCid = new Map<string, { hops: HopStamps; shard: number }>();
  let reports: ReturnType<RedisBus['consumeReports']> | undefined;
  try {
    await bus.ready();
    await pool.start(shards, { redisUrl: REDIS_URL, prefix, binanceUrl: rig.sim.binanceUrl, credentials: Object.fromEntries(ids.map((id) => [id, followerRig.credentials[id]!])) });
    reports = bus.consumeReports({ consumer: 'bench', blockMs: 200 }, async (entry) => {
      const r = decodeExecutionReport(entry.bytes);
      hopsByCid.set(r.clientOrderId, { hops: r.hops, shard: r.shard });
    });
    await reports.ready;
    await rig.sim.track(followerRig.accounts.slice(0, followers).map((a) => a.id));
    const path = new CopyPath(bus, rig.catalog, shards, { trackOrders: true });
    path.addFollowers(rig.source.whaleId, ids, FOLLOW_K);
    rig.source.current = path;
    const warm = new Map<string, OrderArrival>();
    await drive(rig, path, perSec, 5); // warm-up: ccxt instances, keep-alive connections, JIT
    await collectArrivals(rig, warm, path.orderFrames.size);
    path.emitted.length = 0;
    path.orderFrames.clear();
    const arrivals = new Map<string, OrderArrival>();
    await drive(rig, path, perSec, count);
    rig.source.current = undefined;
    await collectArrivals(rig, arrivals, path.orderFrames.size);
    const end = Date.now() + 10_000;
    while ([...path.orderFrames.keys()].some((cid) => arrivals.has(cid) && !hopsByCid.has(cid)) && Date.now() < end) await Bun.sleep(20);

    const frameToOrder: number[] = [];
    const frameToTaken: number[] = [];
    const lastByFrame = new Map<number, number>();
    const xaddToDequeue: number[] = [];
    const dequeueToSent: number[] = [];
    const sentToVenue: number[] = [];
    let missing = 0;
    let overWebsocket = 0;
    // The batch carries no XADD ack time (it is encoded before the XADD): take it from the engine side.
    const ackByFrame = new Map(path.emitted.map((r) => [r.frameRxMs, r.xaddAckMs]));
    for (const [cid, frameRxMs] of path.orderFrames) {
      const arrival = arrivals.get(cid);
      if (arrival === undefined || !Number.isFinite(arrival.received)) {
        missing++;
        continue;
      }
      const at = arrival.received;
      if (arrival.websocket) overWebsocket++;
      frameToOrder.push(at - frameRxMs);
      frameToTaken.push(arrival.taken - frameRxMs);
      lastByFrame.set(frameRxMs, Math.max(lastByFrame.get(frameRxMs) ?? 0, at - frameRxMs));
      const rep = hopsByCid.get(cid);
      if (rep && rep.hops.orderSentMs > 0) {
        const off = pool.offsetsMs[rep.shard] ?? 0;
        xaddToDequeue.push(rep.hops.dequeuedMs - off - (ackByFrame.get(frameRxMs) ?? NaN));
        dequeueToSent.push(rep.hops.orderSentMs - rep.hops.dequeuedMs);
        sentToVenue.push(at - (rep.hops.orderSentMs - off));
      }
    }
    return {
      followers, shards, perSec, frames: path.emitted.length, orders: path.orderFrames.size, missing, overWebsocket,
      frameToOrder: summarize(frameToOrder), frameToTaken: summarize(frameToTaken), frameToLastOrder: summarize([...lastByFrame.values()]),
      frameToXadd: summarize(path.emitted.map((r) => r.xaddAckMs - r.frameRxMs)),
      frameToDiff: summarize(path.emitted.map((r) => r.diffDoneMs - r.frameRxMs)),
      xaddToDequeue: summarize(xaddToDequeue), dequeueToSent: summarize(dequeueToSent), sentToVenue: summarize(sentToVenue),
    };
  } finally {
    rig.source.current = undefined;
    await reports?.stop();
    await pool.stopAll();
    await bus.close();
    await dropPrefix(prefix);
  }
}

export const ORDER_STEPS = [
  { followers: 1, shards: 1 },
  { followers: 1, shards: 4 },
  { followers: 100, shards: 1 },
  { followers: 100, shards: 4 },
] as const;

/** `frame_to_order_p99_ms_100` (1 shard) or `frame_to_order_p99_ms_100_s4`. */
export const orderKey = (metric: string, followers: number, shards: number) => `${metric}_${followers}${shards === 1 ? '' : `_s${shards}`}`;

/** Scenario 2, one run: frame -> order at the simulator for each (followers, shards). */
export async function runFrameToOrder(rig: WhaleRig, followerRig: FollowerRig, pool: ExecutorPool, quick: boolean, log: (s: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const { followers, shards } of ORDER_STEPS) {
    // 100 followers at 5 changes/s is 500 orders/s through the executors, the simulator and Redis.
    const perSec = followers >= 100 ? 5 : 20;
    const s = await orderStep(rig, followerRig, pool, followers, shards, perSec, Math.round(perSec * (quick ? 1.5 : 10)));
    const k = (m: string) => orderKey(m, followers, shards);
    out[k('frame_to_order_p50_ms')] = s.frameToOrder.p50;
    out[k('frame_to_order_p99_ms')] = s.frameToOrder.p99;
    out[k('frame_to_order_p999_ms')] = s.frameToOrder.p999;
    out[k('frame_to_order_n')] = s.frameToOrder.n;
    out[k('frame_to_order_taken_p50_ms')] = s.frameToTaken.p50;
    out[k('frame_to_order_taken_p99_ms')] = s.frameToTaken.p99;
    out[k('frame_to_last_order_p99_ms')] = s.frameToLastOrder.p99;
    out[k('order_missing')] = s.missing;
    out[k('orders_websocket_share')] = s.frameToOrder.n > 0 ? s.overWebsocket / s.frameToOrder.n : 0;
    for (const [name, sum] of [['frame_to_diff', s.frameToDiff], ['frame_to_xadd', s.frameToXadd], ['xadd_to_dequeue', s.xaddToDequeue], ['dequeue_to_sent', s.dequeueToSent], ['sent_to_venue', s.sentToVenue]] as const) {
      out[k(`order_hop_${name}_p50_ms`)] = sum.p50;
      out[k(`order_hop_${name}_p99_ms`)] = sum.p99;
    }
    log(`frame->order ${followers} followers, ${shards} shard(s) @${perSec}/s: p50 ${s.frameToOrder.p50.toFixed(2)} p99 ${s.frameToOrder.p99.toFixed(2)} p99.9 ${s.frameToOrder.p999.toFixed(2)} ms; to the matching core p50 ${s.frameToTaken.p50.toFixed(2)} p99 ${s.frameToTaken.p99.toFixed(2)} (n ${s.frameToOrder.n}, missing ${s.missing}, ${s.overWebsocket} over the WebSocket API)`);
  }
  return out;
}
