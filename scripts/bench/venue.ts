// Simulator throughput: signed Binance orders per second over HTTP keep-alive, and WebSocket messages
// pushed per second to many market-stream subscribers. The load generator runs in this process.
import { createHmac } from 'node:crypto';
import { summarize } from './stats';

async function post(url: string, body: unknown): Promise<any> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** Lift the per-account order limits for a throughput run (the default is Binance's 300 / 10 s). */
export async function liftRateLimits(adminUrl: string): Promise<void> {
  await post(`${adminUrl}/config`, { rateLimit: { capacity: 1e9, refillPerSec: 1e9, banAfterStrikes: 1e9, banMs: 1 } });
}

export interface OrderBenchResult {
  ordersPerSec: number;
  orders: number;
  errors: number;
  latencyMs: ReturnType<typeof summarize>;
}

export async function benchOrders(sim: { binanceUrl: string; adminUrl: string }, seconds: number, concurrency = 32): Promise<OrderBenchResult> {
  await liftRateLimits(sim.adminUrl);
  const accounts: { apiKey: string; secret: string }[] = [];
  for (let i = 0; i < concurrency; i++) accounts.push(await post(`${sim.adminUrl}/accounts`, { venue: 'binanceusdm', balance: 1e9 }));
  let orders = 0;
  let errors = 0;
  let firstError = '';
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  const worker = async (w: number) => {
    const { apiKey, secret } = accounts[w]!;
    for (let n = 0; performance.now() < end; n++) {
      const q = `symbol=ETHUSDT&side=${n % 2 ? 'SELL' : 'BUY'}&type=MARKET&quantity=0.010&newClientOrderId=b${w}-${n}&newOrderRespType=RESULT&timestamp=${Date.now()}&recvWindow=10000`;
      const sig = createHmac('sha256', secret).update(q).digest('hex');
      const t0 = performance.now();
      const res = await fetch(`${sim.binanceUrl}/fapi/v1/order`, {
        method: 'POST', headers: { 'X-MBX-APIKEY': apiKey, 'content-type': 'application/x-www-form-urlencoded' },
        body: `${q}&signature=${sig}`,
      });
      const text = await res.text();
      latencies.push(performance.now() - t0);
      if (res.ok) orders++;
      else {
        errors++;
        firstError ||= `${res.status} ${text}`;
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(accounts.map((_, w) => worker(w)));
  const elapsed = (performance.now() - t0) / 1000;
  if (errors) console.error(`order bench: ${errors} errors, first: ${firstError}`);
  return { ordersPerSec: orders / elapsed, orders, errors, latencyMs: summarize(latencies) };
}

export interface PushBenchResult {
  messagesPerSec: number;
  messages: number;
  sockets: number;
  priceChanges: number;
}

/** `sockets` market-stream clients each subscribe to four BTCUSDT streams; prices change as fast as the admin API takes them. */
export async function benchPushes(sim: { binanceUrl: string; adminUrl: string }, seconds: number, sockets = 200): Promise<PushBenchResult> {
  const wsUrl = sim.binanceUrl.replace(/^http/, 'ws') + '/market/ws';
  const streams = ['btcusdt@markPrice', 'btcusdt@bookTicker', 'btcusdt@miniTicker', 'btcusdt@ticker'];
  let messages = 0;
  let counting = false;
  const open: WebSocket[] = [];
  await Promise.all(Array.from({ length: sockets }, (_, i) => new Promise<void>((resolve, reject) => {
    const ws = new WebSocket(wsUrl);
    ws.onopen = () => ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: streams, id: i + 1 }));
    ws.onmessage = (ev) => {
      if (typeof ev.data === 'string' && ev.data.includes('"result"')) return resolve();
      if (counting) messages++;
    };
    ws.onerror = () => reject(new Error('websocket error'));
    open.push(ws);
  })));
  let price = 60_000;
  let changes = 0;
  counting = true;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const drivers = Array.from({ length: 4 }, async () => {
    while (performance.now() < end) {
      price += price > 61_000 ? -100 : 100;
      await post(`${sim.adminUrl}/prices`, { venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', price });
      changes++;
    }
  });
  await Promise.all(drivers);
  await Bun.sleep(200);
  counting = false;
  const elapsed = (performance.now() - t0) / 1000;
  for (const ws of open) ws.close();
  return { messagesPerSec: messages / elapsed, messages, sockets, priceChanges: changes };
}
