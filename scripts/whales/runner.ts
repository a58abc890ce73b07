// Runs a whale plan against the venue simulator: creates whale accounts through the admin API and places
// every step as a real ccxt order, at a chosen rate. Used by tests, the demo and the benchmarks.
import { createClient, prepareClient, type ProClient } from '../../engine/src/venues';
import type { WhaleStep } from './scenario';

export interface SimEndpoints {
  adminUrl: string;
  binanceUrl: string;
  hyperliquidUrl: string;
}

export type WhaleAccount =
  | { id: string; venue: 'binanceusdm'; apiKey: string; secret: string }
  | { id: string; venue: 'hyperliquid'; address: string; privateKey: string };

export interface StepResult {
  step: WhaleStep;
  index: number;
  ok: boolean;
  error?: string;
  /** When the step was meant to run and when its order was acknowledged (epoch ms). */
  intendedAt: number;
  ackedAt: number;
}

async function admin<T>(url: string, init?: RequestInit): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json' } });
  const body = (await res.json()) as T & { message?: string };
  if (!res.ok) throw new Error(`admin ${url}: ${res.status} ${body.message ?? ''}`);
  return body;
}

export async function createWhaleAccount(sim: SimEndpoints, venue: WhaleAccount['venue'], balance = 1_000_000): Promise<WhaleAccount> {
  return admin<WhaleAccount>(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue, balance }) });
}

export function clientFor(sim: SimEndpoints, w: WhaleAccount, timeoutMs = 10_000): ProClient {
  return w.venue === 'binanceusdm'
    ? createClient('binanceusdm', { baseUrl: sim.binanceUrl, credentials: { apiKey: w.apiKey, secret: w.secret }, enableRateLimit: false, timeoutMs })
    : createClient('hyperliquid', { baseUrl: sim.hyperliquidUrl, credentials: { walletAddress: w.address, privateKey: w.privateKey }, enableRateLimit: false, timeoutMs });
}

export class WhaleRunner {
  private readonly clients: ProClient[];
  private stopped = false;

  constructor(private readonly sim: SimEndpoints, readonly whales: WhaleAccount[]) {
    this.clients = whales.map((w) => clientFor(sim, w));
  }

  /** Load markets once per venue and share the table with every client of that venue. */
  async prepare(): Promise<void> {
    const loaded = new Map<string, ProClient>();
    for (let i = 0; i < this.clients.length; i++) {
      const ex = this.clients[i]!;
      const venue = this.whales[i]!.venue;
      const first = loaded.get(venue);
      if (first) ex.setMarkets(first.markets);
      else {
        await ex.loadMarkets();
        loaded.set(venue, ex);
      }
      await prepareClient(ex);
    }
  }

  /** Place one step as a market order. Hyperliquid market orders need a reference price: the current mark. */
  async place(step: WhaleStep): Promise<void> {
    const ex = this.clients[step.whale];
    if (!ex) throw new Error(`no whale ${step.whale}`);
    let price: number | undefined;
    if (step.venue === 'hyperliquid') {
      const marks = await admin<Record<string, Record<string, number>>>(`${this.sim.adminUrl}/prices`);
      price = marks.hyperliquid?.[step.symbol];
    }
    await ex.createOrder(step.symbol, 'market', step.side, step.amount, price, step.reduceOnly ? { reduceOnly: true } : {});
  }

  /**
   * Run the plan at `ratePerSec` steps per second, scheduled from intended start times (a slow step
   * delays the next, it never compresses the schedule silently). Resolves with one result per step.
   */
  async run(plan: WhaleStep[], ratePerSec: number, onStep?: (r: StepResult) => void): Promise<StepResult[]> {
    const interval = 1000 / ratePerSec;
    const start = performance.timeOrigin + performance.now();
    const results: StepResult[] = [];
    for (let i = 0; i < plan.length && !this.stopped; i++) {
      const intendedAt = start + i * interval;
      const wait = intendedAt - (performance.timeOrigin + performance.now());
      if (wait > 0) await Bun.sleep(wait);
      const step = plan[i]!;
      const r: StepResult = { step, index: i, ok: true, intendedAt, ackedAt: 0 };
      try {
        await this.place(step);
      } catch (e) {
        r.ok = false;
        r.error = `${(e as Error).constructor.name}: ${(e as Error).message}`;
      }
      r.ackedAt = performance.timeOrigin + performance.now();
      results.push(r);
      onStep?.(r);
    }
    return results;
  }

  stop(): void {
    this.stopped = true;
  }

  async close(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.clients.map((c) => c.close()));
  }
}
