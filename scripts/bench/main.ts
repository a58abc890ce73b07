// `bun run bench [--quick] [--json] [--no-write]`: runs every benchmark scenario, prints the figures and
// rewrites BENCHMARKS.md (full runs only). --json prints one JSON object of medians on stdout, nothing else.
// `--only xadd|order|ramp|webhook|split|memory|venue` (repeatable) runs just those scenarios and never rewrites.
import { parseArgs } from 'node:util';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { Collector } from './collector';
import { ExecutorPool } from './executor-pool';
import { passSplit, type PassSplit } from './pass-split';
import { renderReport } from './report';
import { openFollowers, runFrameToOrder } from './scenario-frame-order';
import { openWhaleRig, runFrameToXadd } from './scenario-frame-xadd';
import { runMemory } from './scenario-memory';
import { runRamp } from './scenario-ramp';
import { runVenue } from './scenario-venue';
import { runWebhook } from './scenario-webhook';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, 'no-write': { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
});
const quick = values.quick;
const runs = quick ? 1 : 3;
const only = new Set(values.only ?? []);
const wanted = (name: string) => only.size === 0 || only.has(name);
const sinceStart = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
const log = (s: string) => (values.json ? console.error(s) : console.log(s));
const load = () => loadavg().map((x) => x.toFixed(2)).join(' / ');
const loadBefore = load();
const started = performance.now();

/** Why the webhook scenario has no figures, if it could not run (the route is new and may still change). */
let webhookNote = '';

/** Figures of one pass split, keyed `${prefix}_...` ('split' back to back, 'split_idle' with idle between changes). */
function splitFigures(s: PassSplit, prefix = 'split'): Record<string, number> {
  const out: Record<string, number> = { [`${prefix}_kib_per_change`]: s.bytesPerChange / 1024, [`${prefix}_faults_p50`]: s.faults.p50 };
  for (const [k, v] of [['diff', s.diff], ['encode_book', s.encodeAndBook], ['redis', s.redisReply], ['total', s.total], ['encode_alone', s.encodeAlone], ['xadd_alone', s.xaddAlone]] as const) {
    out[`${prefix}_${k}_p50_ms`] = v.p50;
    out[`${prefix}_${k}_p99_ms`] = v.p99;
  }
  return out;
}

/** Idle time between changes in the second split: what the frame->XADD scenario's 5 changes/s leave between passes. */
const SPLIT_IDLE_MS = 200;

const c = new Collector();
const pool = await ExecutorPool.spawn(wanted('order') ? 4 : 0);
try {
  for (let r = 1; r <= runs; r++) {
    log(`--- run ${r}/${runs}: copy path scenarios (${sinceStart()})`);
    const rig = await openWhaleRig();
    try {
      if (wanted('xadd')) c.addAll(await runFrameToXadd(rig, quick, log));
      if (wanted('order')) c.addAll(await runFrameToOrder(rig, await openFollowers(rig, 100), pool, quick, log));
      if (wanted('ramp')) c.addAll(await runRamp(rig, quick, log));
      if (wanted('webhook')) {
        try {
          c.addAll(await runWebhook(rig, quick, log));
        } catch (e) {
          webhookNote = `the webhook path could not be assembled: ${e instanceof Error ? e.message : String(e)}`;
          log(`webhook scenario not measured: ${webhookNote}`);
        }
      }
      if (!quick && wanted('split')) {
        c.addAll(splitFigures(await passSplit(rig.catalog, 10_000, 40)));
        c.addAll(splitFigures(await passSplit(rig.catalog, 10_000, 30, SPLIT_IDLE_MS), 'split_idle'));
      }
    } finally {
      await rig.stop();
    }
  }
  for (let r = 1; r <= runs; r++) {
    log(`--- run ${r}/${runs}: memory and venue throughput (${sinceStart()})`);
    if (wanted('memory')) c.addAll(await runMemory(quick, log));
    if (wanted('venue')) c.addAll(await runVenue(quick, log));
  }
} finally {
  await pool.close();
}
log(`done in ${sinceStart()}`);

if (values.json) console.log(JSON.stringify({ webhook_ack_p99_ms: null, webhook_to_xadd_p99_ms: null, ...c.medians() }));

if (!values['no-write'] && !quick && only.size === 0) {
  const report = renderReport(c, {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus().length} cores (${cpus()[0]?.model ?? 'unknown cpu'}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    bun: Bun.version,
    command: `bun run bench${values.json ? ' --json' : ''}`,
    runs,
    loadBefore,
    loadAfter: load(),
    webhookNote,
  });
  await Bun.write(resolve(import.meta.dir, '../../BENCHMARKS.md'), `${report}\n`);
  log('BENCHMARKS.md rewritten');
}
process.exit(0);
