// Benchmark child process: the venue simulator plus a small control server that drives a whale's orders
// on a fixed schedule and timestamps follower orders as the matching core takes them. Measures nothing itself.
import { startVenueSimulator } from '../venue/server';

const nowMs = () => performance.timeOrigin + performance.now();

const sim = await startVenueSimulator({ port: 0, slippageBps: 0, takerFee: 0 });
// Order limits of the simulator are lifted: the benchmark measures latency, not the venue's throttling.
sim.ctx.limiter.configure({ capacity: 1e9, refillPerSec: 1e9, banAfterStrikes: 1e9, banMs: 1 });

/** One whale order of a drive: its schedule slot, when it was placed, and the whale's contracts after it. */
interface DrivenOrder {
  i: number;
  intendedMs: number;
  placedMs: number;
  contracts: number;
}

let drive: { orders: DrivenOrder[]; done: boolean; error?: string } = { orders: [], done: true };
const tracked = new Set<string>();
/** Tracked follower orders: client order id, when the matching core took it, when its HTTP request arrived. */
let arrivals: [clientOrderId: string, takenMs: number, receivedMs: number, websocket: boolean][] = [];
/** Request arrival times of orders not yet taken by the core (client order id -> ms). */
const received = new Map<string, { ms: number; websocket: boolean }>();

sim.ctx.onOrderRequest = (_venue, clientOrderId, receivedMs, transport) => {
  if (clientOrderId !== '') received.set(clientOrderId, { ms: receivedMs, websocket: transport === 'websocket' });
};
sim.ctx.core.on((e) => {
  if (e.type !== 'order' || !e.fill) return;
  const cid = e.order.clientOrderId;
  const at = received.get(cid);
  received.delete(cid);
  if (tracked.has(e.account.id)) arrivals.push([cid, nowMs(), at?.ms ?? NaN, at?.websocket ?? false]);
});

async function runDrive(accountId: string, symbolId: string, amount: number, perSec: number, count: number): Promise<void> {
  const orders: DrivenOrder[] = [];
  drive = { orders, done: false };
  const period = 1000 / perSec;
  const start = nowMs() + 5;
  try {
    for (let i = 0; i < count; i++) {
      const intendedMs = start + i * period;
      const wait = intendedMs - nowMs();
      if (wait > 1) await Bun.sleep(wait - 0.5);
      while (nowMs() < intendedMs) { /* spin out the last half millisecond */ }
      const placedMs = nowMs();
      sim.ctx.core.placeOrder(accountId, { symbolId, side: 'buy', type: 'market', amount });
      const contracts = sim.ctx.core.position(sim.ctx.core.account(accountId), symbolId).contracts;
      orders.push({ i, intendedMs, placedMs, contracts });
    }
  } catch (e) {
    drive.error = String(e);
  }
  drive.done = true;
}

const json = (x: unknown) => Response.json(x);
const control = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  async fetch(req) {
    const path = new URL(req.url).pathname;
    if (path === '/now') return json({ now: nowMs() });
    if (path === '/drive' && req.method === 'POST') {
      const b = (await req.json()) as { accountId: string; symbolId: string; amount: number; perSec: number; count: number };
      if (!drive.done) return json({ error: 'a drive is running' });
      void runDrive(b.accountId, b.symbolId, b.amount, b.perSec, b.count);
      return json({ started: true });
    }
    if (path === '/drive') return json(drive);
    if (path === '/track' && req.method === 'POST') {
      const b = (await req.json()) as { accountIds: string[] };
      tracked.clear();
      for (const id of b.accountIds) tracked.add(id);
      arrivals = [];
      received.clear();
      return json({ tracking: tracked.size });
    }
    if (path === '/arrivals') {
      const out = arrivals;
      arrivals = [];
      return json(out);
    }
    return new Response('not found', { status: 404 });
  },
});

console.log(`timed simulator: ${sim.binanceUrl} ${sim.hyperliquidUrl} control http://127.0.0.1:${control.port}`);

const shutdown = async () => {
  control.stop(true);
  await sim.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
