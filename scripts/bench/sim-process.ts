// Starts the venue simulator as its own process (so a benchmark's load generator never shares its event
// loop) and reads its URLs from the first line it prints.
import { resolve } from 'node:path';

export interface SimProcess {
  binanceUrl: string;
  hyperliquidUrl: string;
  adminUrl: string;
  pid: number;
  stop(): Promise<void>;
}

export async function spawnSimulator(args: string[] = []): Promise<SimProcess> {
  const main = resolve(import.meta.dir, '../venue/main.ts');
  // BENCH_CPU_PROF_DIR=dir: the simulator writes a CPU profile there when it stops.
  const prof = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
  const proc = Bun.spawn([process.execPath, ...prof, main, '--port', '0', ...args], { stdout: 'pipe', stderr: 'inherit' });
  const reader = proc.stdout.getReader();
  let text = '';
  const deadline = Date.now() + 15_000;
  while (!text.includes('\n')) {
    if (Date.now() > deadline) throw new Error('venue simulator did not start within 15 s');
    const { value, done } = await reader.read();
    if (done) throw new Error(`venue simulator exited: ${text}`);
    text += new TextDecoder().decode(value);
  }
  reader.releaseLock();
  const urls = [...text.matchAll(/http:\/\/[\d.]+:\d+/g)].map((m) => m[0]);
  if (urls.length < 2) throw new Error(`cannot read simulator URLs from: ${text}`);
  const binanceUrl = urls[0]!;
  return {
    binanceUrl,
    hyperliquidUrl: urls[1]!,
    adminUrl: `${binanceUrl}/admin`,
    pid: proc.pid,
    async stop() {
      proc.kill('SIGTERM');
      await proc.exited;
    },
  };
}

/** Resident memory of a process in MiB, from /proc (Linux). */
export async function rssMiB(pid: number): Promise<number> {
  const status = await Bun.file(`/proc/${pid}/status`).text();
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}
