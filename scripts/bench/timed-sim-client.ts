// The benchmark's handle on timed-sim.ts: spawns it, measures its clock offset, creates accounts, runs
// whale drives and reads follower order arrivals (converted to this process's clock). No measuring logic.
import { resolve } from 'node:path';

export interface OrderArrival {
  readonly received: number;
  readonly taken: number;
  /** The order came over the account's WebSocket API connection (else REST). */
  readonly websocket: boolean;
}

export interface ClockSample {
  /** Local time before the request. */
  t0: number;
  /** The remote clock's reading. */
  remote: number;
  /** Local time after the reply. */
  t1: number;
}

/** remote - local, from the sample with the shortest round trip (NTP style); its half round trip bounds the error. */
export function clockOffset(samples: readonly ClockSample[]): { offsetMs: number; errorMs: number } {
  if (samples.length === 0) throw new Error('clockOffset needs at least one sample');
  let best = samples[0]!;
  for (const s of samples) if (s.t1 - s.t0 < best.t1 - best.t0) best = s;
  return { offsetMs: best.remote - (best.t0 + best.t1) / 2, errorMs: (best.t1 - best.t0) / 2 };
}

export interface DrivenOrder {
  i: number;
  /** Schedule slot, local clock. */
  intendedMs: number;
  /** When the simulator placed it, local clock. */
  placedMs: number;
  /** Whale contracts right after the order. */
  contracts: number;
}

export interface SimAccount {
  id: string;
  apiKey: string;
  secret: string;
}

const nowMs = () => performance.timeOrigin + performance.now();

export class TimedSim {
  offsetMs = 0;
  offsetErrorMs = 0;

  private constructor(
    readonly binanceUrl: string,
    readonly hyperliquidUrl: string,
    private readonly controlUrl: string,
    private readonly proc: ReturnType<typeof Bun.spawn>,
  ) {}

  get adminUrl(): string {
    return `${this.binanceUrl}/admin`;
  }

  get pid(): number {
    return this.proc.pid;
  }

  static async start(): Promise<TimedSim> {
    // BENCH_SIM_PROF_DIR=dir: the simulator process writes a CPU profile there when it stops.
    const prof = process.env.BENCH_SIM_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SIM_PROF_DIR}`] : [];
    const proc = Bun.spawn([process.execPath, ...prof, resolve(import.meta.dir, 'timed-sim.ts')], { stdout: 'pipe', stderr: 'inherit' });
    const reader = proc.stdout.getReader();
    let text = '';
    const deadline = Date.now() + 15_000;
    while (!text.includes('\n')) {
      if (Date.now() > deadline) throw new Error('timed simulator did not start within 15 s');
      const { value, done } = await reader.read();
      if (done) throw new Error(`timed simulator exited: ${text}`);
      text += new TextDecoder().decode(value);
    }
    reader.releaseLock();
    const urls = [...text.matchAll(/http:\/\/[\d.]+:\d+/g)].map((m) => m[0]);
    if (urls.length < 3) throw new Error(`cannot read timed simulator URLs from: ${text}`);
    const sim = new TimedSim(urls[0]!, urls[1]!, urls[2]!, proc);
    await sim.syncClock();
    return sim;
  }

  /** Measures the child's clock against ours (30 pings); call again after long runs if drift matters. */
  async syncClock(): Promise<void> {
    const samples: ClockSample[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = nowMs();
      const { now } = (await (await fetch(`${this.controlUrl}/now`)).json()) as { now: number };
      samples.push({ t0, remote: now, t1: nowMs() });
    }
    const { offsetMs, errorMs } = clockOffset(samples);
    this.offsetMs = offsetMs;
    this.offsetErrorMs = errorMs;
  }

  async account(venue: 'binanceusdm' | 'hyperliquid', balance: number): Promise<SimAccount> {
    return this.post(`${this.adminUrl}/accounts`, { venue, balance });
  }

  /** Starts `count` whale market buys of `amount` at `perSec`; resolves when the drive has started. */
  async startDrive(accountId: string, symbolId: string, amount: number, perSec: number, count: number): Promise<void> {
    const r = await this.post(`${this.controlUrl}/drive`, { accountId, symbolId, amount, perSec, count });
    if (!r.started) throw new Error(`drive did not start: ${JSON.stringify(r)}`);
  }

  /** Waits for the drive to finish and returns its orders on the local clock. */
  async driveResult(timeoutMs = 120_000): Promise<DrivenOrder[]> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const d = (await (await fetch(`${this.controlUrl}/drive`)).json()) as { done: boolean; error?: string; orders: DrivenOrder[] };
      if (d.done) {
        if (d.error) throw new Error(`whale drive failed: ${d.error}`);
        return d.orders.map((o) => ({ ...o, intendedMs: o.intendedMs - this.offsetMs, placedMs: o.placedMs - this.offsetMs }));
      }
      if (Date.now() > end) throw new Error('whale drive did not finish');
      await Bun.sleep(50);
    }
  }

  /** Follower accounts whose orders are timestamped from now on (clears earlier arrivals). */
  async track(accountIds: readonly string[]): Promise<void> {
    await this.post(`${this.controlUrl}/track`, { accountIds });
  }

  /**
   * Order arrivals since the last call, local clock: client order id -> when its request (HTTP or WebSocket API frame) reached the
   * simulator (`received`) and when the matching core took it (`taken`, after parsing and the HMAC check).
   */
  async arrivals(): Promise<Map<string, OrderArrival>> {
    const rows = (await (await fetch(`${this.controlUrl}/arrivals`)).json()) as [string, number, number | null, boolean][];
    return new Map(rows.map(([cid, taken, received, websocket]) => [cid, { taken: taken - this.offsetMs, received: (received ?? NaN) - this.offsetMs, websocket }]));
  }

  async stop(): Promise<void> {
    this.proc.kill('SIGTERM');
    await this.proc.exited;
  }

  private async post(url: string, body: unknown): Promise<any> {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
    return res.json();
  }
}
