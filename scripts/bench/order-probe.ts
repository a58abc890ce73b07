// Scenario 2's steps alone, for trying an executor or simulator change: each step's frame -> order and its
// hops (p50/p99 ms), one line per step and run, nothing written. Steps are followers x shards.
// CLI: `bun scripts/bench/order-probe.ts [100x1,100x4] [runs]` (REDIS_URL, default 127.0.0.1:6379).
import { ExecutorPool } from './executor-pool';
import { openFollowers, orderStep } from './scenario-frame-order';
import { openWhaleRig } from './scenario-frame-xadd';
import type { Summary } from './stats';

const steps = (process.argv[2] ?? '100x1,100x4').split(',').map((step) => {
  const [followers, shards] = step.split('x').map(Number);
  if (!(followers! > 0 && shards! > 0)) throw new Error(`step ${step}: expected <followers>x<shards>, e.g. 100x4`);
  return { followers: followers!, shards: shards! };
});
const runs = Number(process.argv[3] ?? 1);
const f = (s: Summary) => `${s.p50.toFixed(2)}/${s.p99.toFixed(2)}`;

const pool = await ExecutorPool.spawn(Math.max(...steps.map((s) => s.shards)));
const rig = await openWhaleRig();
try {
  const followerRig = await openFollowers(rig, Math.max(...steps.map((s) => s.followers)));
  for (let run = 1; run <= runs; run++) {
    for (const { followers, shards } of steps) {
      // The bench's rates, 10 s per step: 5 changes/s at 100 followers, 20/s below.
      const perSec = followers >= 100 ? 5 : 20;
      const s = await orderStep(rig, followerRig, pool, followers, shards, perSec, perSec * 10);
      console.log(`run ${run} ${followers}x${shards}: frame->order ${f(s.frameToOrder)}, last ${f(s.frameToLastOrder)} | frame->diff ${f(s.frameToDiff)}, ->XADD ${f(s.frameToXadd)}, XADD->dequeue ${f(s.xaddToDequeue)}, ->sent ${f(s.dequeueToSent)}, ->venue ${f(s.sentToVenue)} (n ${s.frameToOrder.n})`);
    }
  }
} finally {
  await rig.stop();
  await pool.close();
}
process.exit(0);
