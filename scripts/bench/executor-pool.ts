// Parent side of executor-process.ts: spawns executor processes once and starts/stops one shard's
// Executor in each per benchmark step, speaking JSON lines over stdin/stdout.
import { resolve } from 'node:path';
import type { FollowerCredentials } from '../../engine/src/executor';
import type { ExecutorCommand } from './executor-process';
import { clockOffset, type ClockSample } from './timed-sim-client';

class LineChild {
  private buffer = '';
  private readonly lines: string[] = [];
  private wake: (() => void) | undefined;
  readonly proc;

  constructor(script: string) {
    // BENCH_CPU_PROF_DIR=dir: each executor process writes a CPU profile there when the pool closes.
    const prof = process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`] : [];
    this.proc = Bun.spawn([process.execPath, ...prof, script], { stdin: 'pipe', stdout: 'pipe', stderr: 'inherit' });
    void this.pump();
  }

  private async pump(): Promise<void> {
    const decoder = new TextDecoder();
    for await (const chunk of this.proc.stdout) {
      this.buffer += decoder.decode(chunk);
      let nl: number;
      while ((nl = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, nl));
        this.buffer = this.buffer.slice(nl + 1);
      }
      this.wake?.();
    }
  }

  async request(command: ExecutorCommand, timeoutMs = 20_000): Promise<any> {
    this.proc.stdin.write(`${JSON.stringify(command)}\n`);
    this.proc.stdin.flush();
    const end = Date.now() + timeoutMs;
    while (this.lines.length === 0) {
      if (Date.now() > end) throw new Error(`executor process gave no reply to ${command.cmd}`);
      await new Promise<void>((r) => {
        this.wake = r;
        setTimeout(r, 50);
      });
    }
    const reply = JSON.parse(this.lines.shift()!);
    if (reply.error) throw new Error(`executor process: ${reply.error}`);
    return reply;
  }
}

export class ExecutorPool {
  private readonly children: LineChild[] = [];
  /** Per child: its clock minus ours. */
  readonly offsetsMs: number[] = [];

  /** Spawns `count` executor processes (idle until start). */
  static async spawn(count: number): Promise<ExecutorPool> {
    const pool = new ExecutorPool();
    const script = resolve(import.meta.dir, 'executor-process.ts');
    for (let i = 0; i < count; i++) pool.children.push(new LineChild(script));
    for (const child of pool.children) {
      const samples: ClockSample[] = [];
      for (let i = 0; i < 20; i++) {
        const t0 = performance.timeOrigin + performance.now();
        const { now } = await child.request({ cmd: 'now' }, 30_000);
        samples.push({ t0, remote: now, t1: performance.timeOrigin + performance.now() });
      }
      pool.offsetsMs.push(clockOffset(samples).offsetMs);
    }
    return pool;
  }

  get size(): number {
    return this.children.length;
  }

  /** Starts shards 0..shards-1, one per process. */
  async start(shards: number, o: { redisUrl: string; prefix: string; binanceUrl: string; credentials: Record<string, FollowerCredentials> }): Promise<void> {
    if (shards > this.children.length) throw new Error(`pool has ${this.children.length} processes, ${shards} shards asked`);
    await Promise.all(this.children.slice(0, shards).map((c, shard) => c.request({ cmd: 'start', shard, ...o })));
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.children.map((c) => c.request({ cmd: 'stop' })));
  }

  /** Ends each process's stdin (it exits on its own, writing a CPU profile if asked); kills it after 5 s. */
  async close(): Promise<void> {
    await Promise.all(this.children.map(async (c) => {
      c.proc.stdin.end();
      const timer = setTimeout(() => c.proc.kill('SIGTERM'), 5_000);
      await c.proc.exited;
      clearTimeout(timer);
    }));
  }
}
