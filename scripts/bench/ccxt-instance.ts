// Cost of one ccxt client as the engine builds them (createClient) against ccxt.pro's own binanceusdm:
// construction time and retained heap per instance, 200 instances at a time, 3 rounds (medians).
// CLI: `bun scripts/bench/ccxt-instance.ts [instances]`.
import ccxt from 'ccxt';
import { ccxtOptions, createClient } from '../../engine/src/venues';

const count = Number(process.argv[2] ?? 200);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

function measure(make: (i: number) => unknown): { ms: number; mib: number } {
  Bun.gc(true);
  const heap0 = process.memoryUsage().heapUsed;
  const kept: unknown[] = [];
  const t0 = performance.now();
  for (let i = 0; i < count; i++) kept.push(make(i));
  const ms = (performance.now() - t0) / count;
  Bun.gc(true);
  const mib = (process.memoryUsage().heapUsed - heap0) / count / 1_048_576;
  if (kept.length !== count) throw new Error('unreachable');
  return { ms, mib };
}

const credentials = (i: number) => ({ apiKey: `key-${i}`, secret: `secret-${i}` });
const variants: Array<[string, (i: number) => unknown]> = [
  ['ccxt.pro.binanceusdm', (i) => new ccxt.pro.binanceusdm(ccxtOptions('binanceusdm', { credentials: credentials(i) }))],
  ['createClient(binanceusdm)', (i) => createClient('binanceusdm', { credentials: credentials(i) })],
  ['createClient(hyperliquid)', (i) => createClient('hyperliquid', { credentials: { walletAddress: `0x${i.toString(16).padStart(40, '0')}` } })],
];
for (const [label, make] of variants) {
  const rounds = [measure(make), measure(make), measure(make)];
  console.log(`${label.padEnd(26)} ${median(rounds.map((r) => r.ms)).toFixed(2)} ms to construct, ${median(rounds.map((r) => r.mib)).toFixed(3)} MiB heap per instance`);
}
