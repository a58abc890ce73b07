// Scenarios 1 and 3: whale frame -> acknowledged XADD with N synthetic followers, and the whale frame
// rate the copy path sustains (ramp until p99 doubles). Real simulator, WhaleFeed, CopyEngine, RedisBus.
import { RedisBus } from '../../engine/src/bus';
import { CopyPath, WHALE_SYMBOL_ID, WhaleSource, loadCatalog } from './hot-path';
import { coverLatencies, pushToRx, type ScheduledOrder } from './joins';
import { REDIS_URL, benchPrefix, dropPrefix } from './redis-keys';
import { summarize, type Summary } from './stats';
import { TimedSim, type SimAccount } from './timed-sim-client';

/** Whale order size (ETH) and follower ratio: each whale order is one 0.01 ETH (30 USDT) order per follower. */
export const WHALE_ORDER = 0.1;
export const FOLLOW_K = 0.1;

export interface WhaleRig {
  sim: TimedSim;
  whale: SimAccount;
  source: WhaleSource;
  catalog: Awaited<ReturnType<typeof loadCatalog>>;
  stop(): Promise<void>;
}

/** A timed simulator, a whale account on it, and the whale's feed connected and synced. */
export async function openWhaleRig(): Promise<WhaleRig> {
  const sim = await TimedSim.start();
  try {
    const whale = await sim.account('binanceusdm', 1e10);
    const source = new WhaleSource(crypto.randomUUID(), whale, sim.binanceUrl);
    await source.start();
    const catalog = await loadCatalog(sim.binanceUrl);
    return {
      sim, whale, source, catalog,
      async stop() {
        await source.stop();
        await sim.stop();
      },
    };
  } catch (e) {
    await sim.stop();
    throw e;
  }
}

/** Drives `count` whale orders at `perSec` and waits until the copy path has published the last one. */
export async function drive(rig: WhaleRig, path: CopyPath, perSec: number, count: number): Promise<ScheduledOrder[]> {
  await rig.sim.startDrive(rig.whale.id, WHALE_SYMBOL_ID, WHALE_ORDER, perSec, count);
  const orders = await rig.sim.driveResult();
  await path.waitForContracts(orders.at(-1)!.contracts);
  return orders;
}

export interface XaddStep {
  followers: number;
  perSec: number;
  frames: number;
  /** Whale orders whose change was never published (should be 0). */
  missing: number;
  /** Whale changes whose XADD failed (overload: the Redis command timeout fired). */
  publishFailures: number;
  frameToXadd: Summary;
  rxToDiff: Summary;
  diffToXadd: Summary;
  /** Simulator placing the whale order -> ccxt handing the frame to the feed (cross-process clocks). */
  pushToRx: Summary;
  /** Coordinated-omission aware: intended send time of each whale order -> XADD ack covering it. */
  intendedToAck: Summary;
}

export async function xaddStep(rig: WhaleRig, followers: number, perSec: number, count: number, shards = 4): Promise<XaddStep> {
  const prefix = benchPrefix('xadd');
  const bus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix, connectionName: 'bench-engine' });
  try {
    await bus.ready();
    const path = new CopyPath(bus, rig.catalog, shards);
    path.addFollowers(rig.source.whaleId, Array.from({ length: followers }, () => crypto.randomUUID()), FOLLOW_K);
    rig.source.current = path;
    await drive(rig, path, perSec, Math.max(3, Math.min(10, Math.round(perSec / 2)))); // warm-up: JIT, first full-size orders
    path.emitted.length = 0;
    const orders = await drive(rig, path, perSec, count);
    rig.source.current = undefined;
    if (path.publishFailures > 0) await Bun.sleep(2_000); // let the backlog of an overloaded step drain
    const changes = path.emitted.filter((r) => Number.isFinite(r.contracts));
    const cover = coverLatencies(orders, changes);
    return {
      followers, perSec, frames: changes.length, missing: cover.missing, publishFailures: path.publishFailures,
      frameToXadd: summarize(changes.map((r) => r.xaddAckMs - r.frameRxMs)),
      rxToDiff: summarize(changes.map((r) => r.diffDoneMs - r.frameRxMs)),
      diffToXadd: summarize(changes.map((r) => r.xaddAckMs - r.diffDoneMs)),
      pushToRx: summarize(pushToRx(orders, changes)),
      intendedToAck: summarize(cover.samples),
    };
  } finally {
    rig.source.current = undefined;
    await bus.close();
    await dropPrefix(prefix);
  }
}

export const FANOUTS = [1, 100, 1_000, 10_000] as const;

/** Scenario 1, one run: frame -> XADD at each fan-out; figures keyed by follower count. */
export async function runFrameToXadd(rig: WhaleRig, quick: boolean, log: (s: string) => void): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const n of FANOUTS) {
    // 10,000 followers cost tens of ms per change on this machine: a lower rate keeps the step unsaturated.
    const perSec = n >= 10_000 ? 5 : 50;
    const seconds = quick ? (n >= 10_000 ? 2 : 1.5) : n >= 10_000 ? 20 : 10;
    const s = await xaddStep(rig, n, perSec, Math.round(perSec * seconds));
    out[`frame_to_xadd_p50_ms_${n}`] = s.frameToXadd.p50;
    out[`frame_to_xadd_p99_ms_${n}`] = s.frameToXadd.p99;
    out[`frame_to_xadd_p999_ms_${n}`] = s.frameToXadd.p999;
    out[`frame_to_xadd_max_ms_${n}`] = s.frameToXadd.max;
    out[`frame_to_xadd_n_${n}`] = s.frameToXadd.n;
    out[`rx_to_diff_p50_ms_${n}`] = s.rxToDiff.p50;
    out[`rx_to_diff_p99_ms_${n}`] = s.rxToDiff.p99;
    out[`diff_to_xadd_p50_ms_${n}`] = s.diffToXadd.p50;
    out[`diff_to_xadd_p99_ms_${n}`] = s.diffToXadd.p99;
    out[`push_to_rx_p50_ms_${n}`] = s.pushToRx.p50;
    out[`push_to_rx_p99_ms_${n}`] = s.pushToRx.p99;
    out[`intended_to_xadd_p99_ms_${n}`] = s.intendedToAck.p99;
    out[`frame_to_xadd_rate_${n}`] = perSec;
    out[`frame_to_xadd_failures_${n}`] = s.publishFailures + s.missing;
    log(`frame->XADD ${n} followers @${perSec}/s: p50 ${s.frameToXadd.p50.toFixed(2)} p99 ${s.frameToXadd.p99.toFixed(2)} p99.9 ${s.frameToXadd.p999.toFixed(2)} ms (n ${s.frameToXadd.n})`);
  }
  return out;
}
