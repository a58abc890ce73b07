// TradingView alerts end to end: real-shaped alerts (long, add, reduce, flat, flip to short, a second
// ticker, duplicates, an out-of-order alert, a lost alert) over HTTP into the engine, through real Redis
// Streams and two executor processes to the venue simulator; followers on both venues converge after every
// alert. Then a restart rebuilt from the webhook journal, live events, readiness and a whale flatten.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { loadConfig } from '../src/config';
import { startEngine, type EngineHandle } from '../src/engine';
import { generateKeySpec } from '../src/store';
import { createLogger } from '../src/runtime/log';
import { startVenueSimulator, type VenueSimulator } from '../../scripts/venue/server';
import { REDIS_URL, apiClient, dropRedisPrefix, freshDatabase, spawnExecutor, until, type ExecutorProcess } from './support';

const TOKEN = 'webhook-e2e-admin-token-0123';
const SECRET = 'tv-e2e-secret-0123456789abcdef';
const BTC = { binanceusdm: 'BTC/USDT:USDT', hyperliquid: 'BTC/USDC:USDC' } as const;
const ETH = { binanceusdm: 'ETH/USDT:USDT', hyperliquid: 'ETH/USDC:USDC' } as const;
const FOLLOWERS = [
  { venue: 'binanceusdm', k: 0.5, steps: { BTC: 0.001, ETH: 0.001 } },
  { venue: 'hyperliquid', k: 0.1, steps: { BTC: 0.00001, ETH: 0.0001 } },
] as const;

let sim: VenueSimulator;
let engine: EngineHandle;
let env: Record<string, string>;
let dropDb: () => Promise<void>;
const prefix = `tve2e${Math.random().toString(36).slice(2, 8)}`;
const executors: ExecutorProcess[] = [];
let strategyId = '';
const accounts: { venue: 'binanceusdm' | 'hyperliquid'; accountId: string; followerId: string; k: number; steps: { BTC: number; ETH: number } }[] = [];

beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0, slippageBps: 0, takerFee: 0 });
  const db = await freshDatabase();
  dropDb = db.drop;
  env = {
    ENGINE_ADMIN_TOKEN: TOKEN, ENGINE_MASTER_KEY: generateKeySpec(), REDIS_URL, DATABASE_URL: db.url, ENGINE_PORT: '0',
    BINANCEUSDM_URL: sim.binanceUrl, HYPERLIQUID_URL: sim.hyperliquidUrl, EXECUTOR_SHARDS: '2', BUS_PREFIX: prefix, LOG_LEVEL: 'error',
  };
  engine = await startEngine(loadConfig(env), { env, log: createLogger('error', 'engine') });
  for (let shard = 0; shard < 2; shard++) executors.push(await spawnExecutor(shard, 2, env));
}, 60_000);

afterAll(async () => {
  await Promise.all(executors.map((e) => e.kill('SIGTERM')));
  await engine?.stop();
  await sim?.stop();
  await dropDb?.();
  await dropRedisPrefix(prefix);
}, 60_000);

/** Alert times step by whole seconds, as {{timenow}} does, never behind the wall clock. */
let lastTime = 0;
const nextTime = () => (lastTime = Math.max(Math.floor(Date.now() / 1000) * 1000, lastTime + 1000));
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function alert(ticker: string, marketPosition: 'long' | 'short' | 'flat', size: string, orderId: string, price: string, timeMs = nextTime()) {
  return {
    strategy: strategyId, secret: SECRET, ticker, action: marketPosition === 'short' ? 'sell' : 'buy', contracts: '1',
    position_size: size, market_position: marketPosition, prev_market_position: 'flat', order_id: orderId, price, time: iso(timeMs),
  };
}

async function post(body: Record<string, unknown>, contentType = 'application/json') {
  const res = await fetch(`${engine.url}/webhooks/tradingview`, { method: 'POST', headers: { 'content-type': contentType }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as any };
}

const accountView = async (id: string) => (await (await fetch(`${sim.adminUrl}/accounts/${id}`)).json()) as any;

/** Waits until every follower holds k x the whale's position (whole steps toward zero) on both symbols. */
async function converge(whale: { BTC: number; ETH: number }, what: string) {
  for (const f of accounts) {
    const want = new Map<string, number>();
    for (const base of ['BTC', 'ETH'] as const) {
      const step = f.steps[base];
      const steps = Math.trunc(Math.round((f.k * whale[base] / step) * 1e6) / 1e6);
      if (steps !== 0) want.set((base === 'BTC' ? BTC : ETH)[f.venue], Number((steps * step).toFixed(8)));
    }
    await until(`${f.venue} follower after ${what}: ${JSON.stringify([...want])}`, async () => {
      const got = new Map<string, number>((await accountView(f.accountId)).positions.map((p: any) => [p.symbol, p.contracts]));
      return got.size === want.size && [...want].every(([s, q]) => Math.abs((got.get(s) ?? 0) - q) < 1e-9);
    }, 20_000);
  }
}

const orderCounts = async () => Promise.all(accounts.map(async (f) => (await accountView(f.accountId)).orders.length));

describe('TradingView alerts drive followers through the whole pipeline', () => {
  test('long, add, duplicate, reduce, second ticker, stale, lost alert, flat, flip: followers converge after each', async () => {
    const api = apiClient(engine.url, TOKEN);
    strategyId = (await api('POST', '/api/whales', { venue: 'tradingview', name: 'e2e-strategy', secret: SECRET, tickerMap: { 'ETHPERP': 'ETH/USDT:USDT' } })).id;
    for (const spec of FOLLOWERS) {
      const acc = await (await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: spec.venue, balance: 1_000_000 }) })).json() as any;
      const creds = spec.venue === 'binanceusdm' ? { apiKey: acc.apiKey, secret: acc.secret } : { address: acc.address, privateKey: acc.privateKey };
      const { id } = await api('POST', '/api/followers', { name: `tv-${spec.venue}`, venue: spec.venue, ...creds });
      await api('POST', '/api/follows', { whaleId: strategyId, followerId: id, sizing: { mode: 'proportional', k: spec.k } });
      accounts.push({ venue: spec.venue, accountId: acc.id, followerId: id, k: spec.k, steps: spec.steps });
    }
    await until('feeds connected, engine ready', async () => (await fetch(`${engine.url}/health/ready`)).status === 200, 15_000);
    // Opening orders need the follower's equity (leverage check): wait for the balance streams.
    await until('follower equity known', () => accounts.every((f) => engine.followers.equity(f.followerId) !== undefined));
    const events: any[] = [];
    const ws = new WebSocket(`${engine.url.replace('http', 'ws')}/api/events`, { headers: { authorization: `Bearer ${TOKEN}` } } as never);
    ws.onmessage = (e) => events.push(JSON.parse(String(e.data)));
    await new Promise((resolve) => { ws.onopen = resolve; });

    const long1 = alert('BINANCE:BTCUSDT.P', 'long', '0.4', 'Long', '60000');
    expect((await post(long1)).body).toMatchObject({ accepted: true, symbol: BTC.binanceusdm, contracts: 0.4, orders: 2 });
    await converge({ BTC: 0.4, ETH: 0 }, 'long 0.4');

    const add = alert('BINANCE:BTCUSDT.P', 'long', '1', 'Add', '60000');
    expect((await post(add, 'text/plain')).status).toBe(200);
    await converge({ BTC: 1, ETH: 0 }, 'add to 1');

    const orders = await orderCounts();
    expect((await post(add)).body).toEqual({ accepted: false, duplicate: true });
    const reduceTime = nextTime();
    expect((await post(alert('BINANCE:BTCUSDT.P', 'long', '0.6', 'TP1', '60000', reduceTime))).status).toBe(200);
    await converge({ BTC: 0.6, ETH: 0 }, 'reduce to 0.6');
    expect((await orderCounts()).map((n, i) => n - orders[i]!)).toEqual([1, 1]); // the duplicate sent nothing

    expect((await post(alert('ETHPERP', 'short', '5', 'Short ETH', '3000'))).body).toMatchObject({ symbol: ETH.binanceusdm, contracts: -5 });
    await converge({ BTC: 0.6, ETH: -5 }, 'ETH short 5');

    const beforeStale = await orderCounts();
    expect((await post(alert('BINANCE:BTCUSDT.P', 'long', '3', 'Late', '60000', reduceTime - 1000))).body).toMatchObject({ stale: true });
    await Bun.sleep(300);
    expect(await orderCounts()).toEqual(beforeStale);

    nextTime(); // an ETH alert (short 7) that never arrives: the next one carries the whole position
    expect((await post(alert('ETHPERP', 'short', '-4', 'Cover part', '3000'))).status).toBe(200);
    await converge({ BTC: 0.6, ETH: -4 }, 'ETH after a lost alert');

    expect((await post(alert('BINANCE:BTCUSDT.P', 'flat', '0', 'Close', '60000'))).status).toBe(200);
    await converge({ BTC: 0, ETH: -4 }, 'BTC flat');
    expect((await post(alert('BINANCE:BTCUSDT.P', 'long', '0.5', 'Long again', '60000'))).status).toBe(200);
    await converge({ BTC: 0.5, ETH: -4 }, 'BTC long 0.5');
    expect((await post(alert('BINANCE:BTCUSDT.P', 'short', '0.8', 'Flip', '60000'))).status).toBe(200);
    await converge({ BTC: -0.8, ETH: -4 }, 'flip to short 0.8');

    for (const f of accounts) {
      const ids = (await accountView(f.accountId)).orders.map((o: any) => o.clientOrderId);
      expect(new Set(ids).size).toBe(ids.length);
    }
    await until('live events seen', () => events.some((e) => e.type === 'whale' && e.whaleId === strategyId) && events.some((e) => e.type === 'signal' && e.whaleId === strategyId));
    expect(events.filter((e) => e.type === 'report').length).toBeGreaterThan(0);
    ws.close();
    const positions = (await api('GET', `/api/whales/${strategyId}/positions`)).positions;
    expect(positions.map((p: any) => [p.symbol, p.contracts]).sort()).toEqual([[BTC.binanceusdm, -0.8], [ETH.binanceusdm, -4]]);
  }, 180_000);

  test('a restart rebuilds the strategy from the journal: replays still dedupe, new alerts still copy', async () => {
    const last = alert('BINANCE:BTCUSDT.P', 'short', '1', 'Add short', '60000');
    expect((await post(last)).status).toBe(200);
    await converge({ BTC: -1, ETH: -4 }, 'add to short 1');
    await engine.stop();
    engine = await startEngine(loadConfig(env), { env, log: createLogger('error', 'engine') });
    const api = apiClient(engine.url, TOKEN);
    const positions = (await api('GET', `/api/whales/${strategyId}/positions`)).positions;
    expect(positions.map((p: any) => [p.symbol, p.contracts]).sort()).toEqual([[BTC.binanceusdm, -1], [ETH.binanceusdm, -4]]);
    expect((await post(last)).body).toEqual({ accepted: false, duplicate: true });
    await until('followers reconnected', async () => (await fetch(`${engine.url}/health/ready`)).status === 200, 15_000);
    await until('follower equity known', () => accounts.every((f) => engine.followers.equity(f.followerId) !== undefined));
    expect((await post(alert('ETHPERP', 'flat', '0', 'Close ETH', '3000'))).status).toBe(200);
    await converge({ BTC: -1, ETH: 0 }, 'ETH flat after restart');
  }, 120_000);

  test('flatten the strategy: followers close, and later alerts open nothing while it is reducing', async () => {
    const api = apiClient(engine.url, TOKEN);
    const reply = await api('POST', '/api/state', { scope: 'whale', id: strategyId, state: 'reducing', flatten: true });
    expect(reply).toMatchObject({ scope: 'whale', state: 'reducing', flattened: 2 });
    await converge({ BTC: 0, ETH: 0 }, 'flatten');
    const orders = await orderCounts();
    expect((await post(alert('BINANCE:BTCUSDT.P', 'long', '2', 'Ignored while reducing', '60000'))).body).toMatchObject({ accepted: true, orders: 0 });
    await Bun.sleep(300);
    expect(await orderCounts()).toEqual(orders);
    expect((await api('GET', '/api/state')).whales[strategyId]).toBe('reducing');
    await engine.store.journal.flush();
    const denials = await engine.store.signals.list({ kind: 'denial', whaleId: strategyId });
    expect(denials.map((d) => (d.detail as any).reason)).toContain('reducing_only');
  }, 60_000);
});
