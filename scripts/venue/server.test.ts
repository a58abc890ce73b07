// The simulator as a whole: started in-process, driven through its admin API, and traded by a whale
// script whose moves independent ccxt.pro clients observe on both venues.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createClient, prepareClient, type ProClient } from '../../engine/src/venues';
import { WhaleRunner, createWhaleAccount, type WhaleAccount } from '../whales/runner';
import { finalPositions, planScenario } from '../whales/scenario';
import { startVenueSimulator, type VenueSimulator } from './server';

let sim: VenueSimulator;
const admin = async (path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST') => {
  const res = await fetch(`${sim.adminUrl}${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
};

async function until<T>(fn: () => Promise<T | undefined> | T | undefined, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('condition not met in time');
    await Bun.sleep(20);
  }
}

beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.stop();
});

describe('admin API', () => {
  test('accounts, prices, account view and clear errors', async () => {
    const bn = await admin('/accounts', { venue: 'binanceusdm', balance: 5000 });
    expect(bn.body).toMatchObject({ venue: 'binanceusdm' });
    expect(bn.body.apiKey).toMatch(/^[0-9a-f]{64}$/);
    const hl = await admin('/accounts', { venue: 'hyperliquid', balance: 5000 });
    expect(hl.body.address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(hl.body.privateKey).toMatch(/^0x[0-9a-f]{64}$/);
    expect((await admin('/prices', { venue: 'hyperliquid', symbol: 'ETH/USDC:USDC', price: 3100.5 })).body.price).toBe(3100.5);
    const view = await admin(`/accounts/${bn.body.id}`);
    expect(view.body).toMatchObject({ balance: 5000, positions: [], orders: [] });
    expect((await admin('/accounts', { venue: 'kraken' })).status).toBe(400);
    expect((await admin('/prices', { venue: 'binanceusdm', symbol: 'DOGE/USDT:USDT', price: 1 })).status).toBe(404);
    expect((await admin('/accounts/nope')).status).toBe(404);
    expect((await admin('/faults', { venue: 'binanceusdm', latencyMs: -5 })).status).toBe(400);
    const bad = await fetch(`${sim.adminUrl}/prices`, { method: 'POST', body: '{not json' });
    expect(bad.status).toBe(400);
  });

  test('Hyperliquid listens on the next port when a port is given', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const s = await startVenueSimulator({ port });
    try {
      expect(s.hyperliquidPort).toBe(port + 1);
      const res = await fetch(`${s.hyperliquidUrl}/info`, { method: 'POST', body: JSON.stringify({ type: 'meta' }) });
      expect(((await res.json()) as any).universe.map((u: any) => u.name)).toEqual(['BTC', 'ETH', 'SOL']);
    } finally {
      await s.stop();
    }
  });
});

describe('whale script', () => {
  test('moves positions that independent ccxt.pro clients observe', async () => {
    const whales: WhaleAccount[] = [await createWhaleAccount(sim, 'binanceusdm'), await createWhaleAccount(sim, 'hyperliquid')];
    const plan = planScenario({ seed: 11, steps: 24, whales });
    const want = finalPositions(plan, whales.length);
    const bnWhale = whales[0] as Extract<WhaleAccount, { venue: 'binanceusdm' }>;
    const hlWhale = whales[1] as Extract<WhaleAccount, { venue: 'hyperliquid' }>;
    // Observers: the lead's own key on Binance; on Hyperliquid, anyone can watch a public address.
    const bnWatch = createClient('binanceusdm', { baseUrl: sim.binanceUrl, credentials: { apiKey: bnWhale.apiKey, secret: bnWhale.secret } });
    const hlWatch = createClient('hyperliquid', { baseUrl: sim.hyperliquidUrl });
    const observed: Map<string, number>[] = [new Map(), new Map()];
    const watchers: ProClient[] = [bnWatch, hlWatch];
    let running = true;
    const loops = watchers.map(async (ex, i) => {
      await prepareClient(ex);
      await ex.loadMarkets();
      const params = i === 1 ? { user: hlWhale.address } : {};
      while (running) {
        try {
          const positions = await ex.watchPositions(undefined, undefined, undefined, params);
          if (i === 1) observed[1]!.clear(); // Hyperliquid sends the full state each time
          for (const p of positions) observed[i]!.set(p.symbol ?? "", (p.side === 'short' ? -1 : 1) * (p.contracts ?? 0));
        } catch {
          if (running) await Bun.sleep(50);
        }
      }
    });
    await Bun.sleep(500); // let both private/user streams connect before trading
    const runner = new WhaleRunner(sim, whales);
    await runner.prepare();
    const results = await runner.run(plan, 50);
    await runner.close();
    expect(results.filter((r) => !r.ok)).toEqual([]);
    for (let w = 0; w < 2; w++) {
      const view = (await admin(`/accounts/${whales[w]!.id}`)).body;
      const venueBook = new Map<string, number>(view.positions.map((p: any) => [p.symbol, p.contracts]));
      expect(venueBook).toEqual(want[w]!);
      await until(() => {
        const seen = [...observed[w]!].filter(([, q]) => Math.abs(q) > 1e-12).sort();
        return JSON.stringify(seen) === JSON.stringify([...want[w]!].sort()) ? true : undefined;
      });
    }
    expect([...want[0]!].length + [...want[1]!].length).toBeGreaterThan(0);
    running = false;
    await Promise.all(watchers.map((x) => x.close()));
    await Promise.race([Promise.all(loops), Bun.sleep(1000)]);
  }, 30_000);
});
