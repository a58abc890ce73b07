// Where one whale change's time goes inside the CopyEngine at a given fan-out (no feed, no simulator
// frames): diff loop (each signal encoded into its shard's batch as it is made), closing the batches and
// writing the XADD frames (the synchronous rest of the pass), and the Redis reply; plus the SignalBatch encoder and a bare XADD pipeline of the same bytes, alone.
// With idleMs, the process sleeps that long between changes, as between real whale frames: the pass then
// meets cold caches. Minor page faults per change are reported.
// CLI: `bun scripts/bench/pass-split.ts [followers] [changes] [idleMs]` (add `--cpu-prof` before the path for a profile).
import { RedisBus, emptyHops, encodeSignalBatch, type OrderSignal, type ShardPayload } from '../../engine/src/bus';
import { shardOf } from '../../engine/src/core';
import type { WhalePositionsEvent } from '../../engine/src/feeds';
import type { MarketCatalog } from '../../engine/src/venues';
import { CopyPath, WHALE_MARK, WHALE_SYMBOL, loadCatalog } from './hot-path';
import { REDIS_URL, benchPrefix, dropPrefix } from './redis-keys';
import { fmt, summarize, type Summary } from './stats';
import { TimedSim } from './timed-sim-client';

export interface PassSplit {
  followers: number;
  bytesPerChange: number;
  diff: Summary;
  encodeAndBook: Summary;
  redisReply: Summary;
  total: Summary;
  encodeAlone: Summary;
  xaddAlone: Summary;
  /** Minor page faults of the process during one pass (frame to XADD acknowledged). */
  faults: Summary;
}

const nowMs = () => performance.timeOrigin + performance.now();
const SHARDS = 4;

export async function passSplit(catalog: MarketCatalog, followers: number, changes: number, idleMs = 0): Promise<PassSplit> {
  const prefix = benchPrefix('split');
  const bus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix, connectionName: 'bench-split' });
  try {
    await bus.ready();
    const path = new CopyPath(bus, catalog, SHARDS);
    const whaleId = crypto.randomUUID();
    const ids = Array.from({ length: followers }, () => crypto.randomUUID());
    path.addFollowers(whaleId, ids, 0.1);
    const diff: number[] = [];
    const encodeAndBook: number[] = [];
    const redisReply: number[] = [];
    const total: number[] = [];
    const faults: number[] = [];
    for (let i = 0; i <= changes; i++) {
      if (idleMs > 0) await Bun.sleep(idleMs);
      const faultsBefore = process.resourceUsage().minorPageFault;
      const rxTs = nowMs();
      const positions = new Map([[WHALE_SYMBOL, { symbol: WHALE_SYMBOL, contracts: 10 + i * 0.1, entryPrice: WHALE_MARK }]]);
      const ev: WhalePositionsEvent = { whaleId, seq: i + 1, positions, changed: [WHALE_SYMBOL], venueTs: rxTs, rxTs, source: 'stream' };
      path.whales.apply(ev);
      const pending = path.copy.onWhaleChange(ev);
      const syncDone = nowMs();
      await pending;
      const acked = nowMs();
      const passFaults = process.resourceUsage().minorPageFault - faultsBefore;
      await new Promise((r) => setImmediate(r)); // the pass's fills settle, as between real whale frames
      if (i === 0) continue; // the first pass sizes the whole position: not a steady-state change
      const rec = path.emitted.at(-1)!;
      diff.push(rec.diffDoneMs - rxTs);
      encodeAndBook.push(syncDone - rec.diffDoneMs);
      redisReply.push(acked - syncDone);
      total.push(acked - rxTs);
      faults.push(passFaults);
    }
    // One signal per follower, as a steady-state pass makes, encoded and XADDed without the engine around.
    const signals: OrderSignal[][] = Array.from({ length: SHARDS }, () => []);
    ids.forEach((followerId, i) => signals[shardOf(followerId, SHARDS)]!.push({
      clientOrderId: `wc-${i.toString(16).padStart(32, '0')}`, followerId, whaleId, venue: 'binanceusdm', symbol: WHALE_SYMBOL,
      side: 'buy', amount: '0.010', reduceOnly: false, leg: 1, whaleSeq: 1, leverage: 0, refPrice: String(WHALE_MARK),
    }));
    const encodeAlone: number[] = [];
    const xaddAlone: number[] = [];
    let items: ShardPayload[] = [];
    for (let i = 0; i < Math.max(10, Math.min(changes, 50)); i++) {
      const t0 = nowMs();
      items = signals.map((s, shard) => ({ shard, bytes: encodeSignalBatch({ shard, whaleId, whaleSeq: i, signals: s, hops: emptyHops() }) }));
      const t1 = nowMs();
      await bus.publishBatch(items);
      encodeAlone.push(t1 - t0);
      xaddAlone.push(nowMs() - t1);
    }
    return {
      followers, bytesPerChange: items.reduce((sum, it) => sum + it.bytes.length, 0),
      diff: summarize(diff), encodeAndBook: summarize(encodeAndBook), redisReply: summarize(redisReply), total: summarize(total),
      encodeAlone: summarize(encodeAlone), xaddAlone: summarize(xaddAlone), faults: summarize(faults),
    };
  } finally {
    await bus.close();
    await dropPrefix(prefix);
  }
}

if (import.meta.main) {
  const followers = Number(process.argv[2] ?? 10_000);
  const changes = Number(process.argv[3] ?? 40);
  const idleMs = Number(process.argv[4] ?? 0);
  const sim = await TimedSim.start();
  const catalog = await loadCatalog(sim.binanceUrl);
  await sim.stop();
  const s = await passSplit(catalog, followers, changes, idleMs);
  console.log(`copy pass at ${followers} followers, ${changes} whale changes ${idleMs} ms apart, ${SHARDS} shards, ${(s.bytesPerChange / 1024).toFixed(0)} KiB of signals per change`);
  for (const name of ['diff', 'encodeAndBook', 'redisReply', 'total', 'encodeAlone', 'xaddAlone'] as const) {
    const x = s[name];
    console.log(`  ${name.padEnd(14)} p50 ${fmt(x.p50)} ms  p99 ${fmt(x.p99)} ms  max ${fmt(x.max)} ms  (n ${x.n})`);
  }
  console.log(`  page faults    p50 ${s.faults.p50.toFixed(0)}  max ${s.faults.max.toFixed(0)} per change`);
  process.exit(0);
}
