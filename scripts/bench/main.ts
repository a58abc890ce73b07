// `bun run bench [--quick] [--json] [--no-write]`: runs every benchmark scenario, prints the figures and
// rewrites BENCHMARKS.md (machine, command, date, medians over runs). --json prints one JSON object.
import { parseArgs } from 'node:util';
import { cpus, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { spawnSimulator } from './sim-process';
import { fmt, median } from './stats';
import { benchOrders, benchPushes } from './venue';

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, json: { type: 'boolean', default: false }, 'no-write': { type: 'boolean', default: false } },
});
const runs = values.quick ? 1 : 3;
const seconds = values.quick ? 2 : 5;
const log = (...a: unknown[]) => (values.json ? console.error(...a) : console.log(...a));

interface Row {
  name: string;
  unit: string;
  runs: number[];
  extra?: string;
}
const rows: Row[] = [];
const record = (name: string, unit: string, xs: number[], extra?: string) => {
  rows.push({ name, unit, runs: xs, extra });
  log(`${name}: median ${fmt(median(xs), 0)} ${unit} (runs: ${xs.map((x) => fmt(x, 0)).join(', ')})${extra ? ` ${extra}` : ''}`);
};

// Venue simulator throughput: the simulator in its own process, the load generator here.
{
  const orders: number[] = [];
  const orderP99: number[] = [];
  const pushes: number[] = [];
  for (let r = 0; r < runs; r++) {
    const sim = await spawnSimulator();
    try {
      const o = await benchOrders(sim, seconds);
      orders.push(o.ordersPerSec);
      orderP99.push(o.latencyMs.p99);
      const p = await benchPushes(sim, seconds);
      pushes.push(p.messagesPerSec);
    } finally {
      await sim.stop();
    }
  }
  record('venue_orders_per_sec', 'orders/s', orders, `(32 keep-alive clients, signed Binance market orders; p99 reply ${fmt(median(orderP99))} ms)`);
  record('venue_ws_messages_per_sec', 'msgs/s', pushes, '(200 sockets x 4 BTCUSDT streams)');
}

const result: Record<string, number> = {};
for (const r of rows) result[r.name] = Number(median(r.runs).toFixed(3));

if (values.json) console.log(JSON.stringify(result));

if (!values['no-write'] && !values.quick) {
  const cpu = cpus()[0]?.model ?? 'unknown cpu';
  const lines = [
    '# Benchmarks',
    '',
    `Produced by \`bun run bench\` (scripts/bench/main.ts) on ${new Date().toISOString().slice(0, 10)}.`,
    `Machine: ${cpus().length} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, shared and noisy; Bun ${Bun.version}.`,
    `Each figure is the median of ${runs} runs; the runs are listed.`,
    '',
    '| scenario | median | unit | runs | notes |',
    '|---|---:|---|---|---|',
    ...rows.map((r) => `| ${r.name} | ${fmt(median(r.runs), 0)} | ${r.unit} | ${r.runs.map((x) => fmt(x, 0)).join(', ')} | ${r.extra ?? ''} |`),
    '',
  ];
  await Bun.write(resolve(import.meta.dir, '../../BENCHMARKS.md'), lines.join('\n'));
  log('BENCHMARKS.md rewritten');
}
process.exit(0);
