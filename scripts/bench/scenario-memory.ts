// Scenario 5: engine heap per 10,000 followers and executor heap per 1,000 follower ccxt instances, each
// measured in a fresh process (memory-probe.ts) so nothing else in this benchmark's heap blurs the diff.
import { resolve } from 'node:path';
import { spawnSimulator, type SimProcess } from './sim-process';

async function probe(args: string[]): Promise<Record<string, number>> {
  const proc = Bun.spawn([process.execPath, resolve(import.meta.dir, 'memory-probe.ts'), ...args], { stdout: 'pipe', stderr: 'inherit' });
  const text = await new Response(proc.stdout).text();
  if ((await proc.exited) !== 0) throw new Error(`memory probe ${args[0]} failed: ${text}`);
  return JSON.parse(text.trim().split('\n').at(-1)!);
}

/**
 * One run: figures in MiB. Quick mode measures the one-symbol engine case and 250 Binance clients only
 * (scaled to 1,000: the growth is linear, the full run measures 1,000).
 */
export async function runMemory(quick: boolean, log: (s: string) => void): Promise<Record<string, number>> {
  const sim: SimProcess = await spawnSimulator();
  const out: Record<string, number> = {};
  try {
    for (const symbols of quick ? [1] : [1, 2]) {
      const e = await probe(['engine', sim.binanceUrl, '10000', String(symbols)]);
      const suffix = symbols === 1 ? '' : `_${symbols}sym`;
      out[`engine_mib_per_10k_followers${suffix}`] = e.peakMib!;
      out[`engine_mib_per_10k_followers_settled${suffix}`] = e.settledMib!;
      out[`engine_mib_per_10k_follows_only${suffix}`] = e.followsMib!;
      out[`engine_mib_last_write${suffix}`] = e.lastWriteMib!;
      log(`engine heap per 10k followers, ${symbols} symbol(s): ${e.peakMib!.toFixed(2)} MiB with orders in flight (+${e.lastWriteMib!.toFixed(2)} while the connection still holds the XADD), ${e.settledMib!.toFixed(2)} settled, ${e.followsMib!.toFixed(2)} follows alone`);
    }
    for (const venue of quick ? ['binanceusdm'] : ['binanceusdm', 'hyperliquid']) {
      const clients = quick ? 250 : 1000;
      const x = await probe(['executor', sim.binanceUrl, sim.hyperliquidUrl, venue, String(clients)]);
      out[`executor_mib_per_1k_followers_${venue}`] = (x.mib! * 1000) / clients;
      log(`executor heap per 1k ${venue} clients: ${((x.mib! * 1000) / clients).toFixed(1)} MiB (${clients} created)`);
    }
  } finally {
    await sim.stop();
  }
  return out;
}
