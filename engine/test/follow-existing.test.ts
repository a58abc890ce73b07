// A follow with existing: 'wait_next_change' must not copy what its whale already holds, however soon after the
// whale's feed started it is registered (the whale's first snapshot may come after the follow) and across an
// engine restart. Real simulator through ccxt, PostgreSQL, Redis; the signals the engine emits are observed.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { OrderSignal } from '../src/bus';
import { loadConfig } from '../src/config';
import { startEngine, type EngineHandle } from '../src/engine';
import { createLogger } from '../src/runtime/log';
import { generateKeySpec } from '../src/store';
import { startVenueSimulator, type VenueSimulator } from '../../scripts/venue/server';
import { WhaleRunner, createWhaleAccount } from '../../scripts/whales/runner';
import { REDIS_URL, apiClient, dropRedisPrefix, freshDatabase } from './support';

const TOKEN = 'existing-admin-token-0123456789';
const BTC = 'BTC/USDT:USDT';
let sim: VenueSimulator;
const cleanups: (() => Promise<void>)[] = [];

beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0, slippageBps: 0, takerFee: 0 });
}, 30_000);

afterAll(async () => {
  for (const c of cleanups.reverse()) await c().catch(() => undefined);
  await sim?.stop();
}, 60_000);

async function setup() {
  const db = await freshDatabase();
  const prefix = `ex${Math.random().toString(36).slice(2, 8)}`;
  cleanups.push(db.drop, () => dropRedisPrefix(prefix));
  const env: Record<string, string> = {
    ENGINE_ADMIN_TOKEN: TOKEN, ENGINE_MASTER_KEY: generateKeySpec(), REDIS_URL, DATABASE_URL: db.url, ENGINE_PORT: '0',
    BINANCEUSDM_URL: sim.binanceUrl, HYPERLIQUID_URL: sim.hyperliquidUrl, EXECUTOR_SHARDS: '1', BUS_PREFIX: prefix, LOG_LEVEL: 'error',
    ENGINE_START_DRAIN_MS: '0',
  };
  const signals: OrderSignal[] = [];
  const start = () => startEngine(loadConfig(env), {
    env, log: createLogger('error', 'engine'),
    observer: { emitted: (_w, _s, _i, byShard) => byShard.forEach((shard) => signals.push(...shard)) },
  });
  const whale = await createWhaleAccount(sim, 'binanceusdm', 1_000_000);
  const runner = new WhaleRunner(sim, [whale]);
  await runner.prepare();
  cleanups.push(() => runner.close());
  const trade = (side: 'buy' | 'sell', amount: number) =>
    runner.place({ whale: 0, venue: 'binanceusdm', symbol: BTC, side, amount, reduceOnly: false, action: 'open', after: 0 } as never);
  const follower = (await (await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance: 1_000_000 }) })).json()) as any;
  return { env, start, whale, trade, follower, signals };
}

describe("a follow registered before its whale's positions are known", () => {
  test('wait_next_change registered right after its whale (before the whale feed has its first snapshot): the held position is not copied, the next change is', async () => {
    const s = await setup();
    await s.trade('buy', 0.2); // the whale holds 0.2 BTC before the engine knows it
    const engine: EngineHandle = await s.start();
    cleanups.push(() => engine.stop());
    const api = apiClient(engine.url, TOKEN);
    const followerId = (await api('POST', '/api/followers', { name: 'f', venue: 'binanceusdm', apiKey: s.follower.apiKey, secret: s.follower.secret })).id;
    if (s.whale.venue !== 'binanceusdm') throw new Error('unexpected whale venue');
    const whaleId = (await api('POST', '/api/whales', { venue: 'binanceusdm', apiKey: s.whale.apiKey, secret: s.whale.secret })).id;
    await api('POST', '/api/follows', { whaleId, followerId, sizing: { mode: 'proportional', k: 1 }, existing: 'wait_next_change' });
    await Bun.sleep(2_000);
    expect(s.signals.filter((x) => x.followerId === followerId)).toEqual([]);
    await s.trade('buy', 0.1);
    const deadline = Date.now() + 10_000;
    while (!s.signals.some((x) => x.followerId === followerId) && Date.now() < deadline) await Bun.sleep(50);
    expect(s.signals.filter((x) => x.followerId === followerId).length).toBeGreaterThan(0);
  }, 60_000);

  test("copy_now registered as soon: the held position is copied, once", async () => {
    const s = await setup();
    await s.trade('buy', 0.2);
    const engine: EngineHandle = await s.start();
    cleanups.push(() => engine.stop());
    const api = apiClient(engine.url, TOKEN);
    const followerId = (await api('POST', '/api/followers', { name: 'f', venue: 'binanceusdm', apiKey: s.follower.apiKey, secret: s.follower.secret })).id;
    if (s.whale.venue !== 'binanceusdm') throw new Error('unexpected whale venue');
    const whaleId = (await api('POST', '/api/whales', { venue: 'binanceusdm', apiKey: s.whale.apiKey, secret: s.whale.secret })).id;
    await api('POST', '/api/follows', { whaleId, followerId, sizing: { mode: 'proportional', k: 1 }, existing: 'copy_now' });
    await Bun.sleep(2_500);
    const mine = s.signals.filter((x) => x.followerId === followerId);
    expect(mine.map((x) => [x.symbol, x.side, x.amount])).toEqual([[BTC, 'buy', '0.200']]);
  }, 60_000);

  test('wait_next_change after an engine restart: a position the follow was waiting out is still not copied', async () => {
    const s = await setup();
    await s.trade('buy', 0.2);
    let engine: EngineHandle = await s.start();
    const api = apiClient(engine.url, TOKEN);
    if (s.whale.venue !== 'binanceusdm') throw new Error('unexpected whale venue');
    const whaleId = (await api('POST', '/api/whales', { venue: 'binanceusdm', apiKey: s.whale.apiKey, secret: s.whale.secret })).id;
    await Bun.sleep(1_500); // the whale's book is known before the follow
    const followerId = (await api('POST', '/api/followers', { name: 'f', venue: 'binanceusdm', apiKey: s.follower.apiKey, secret: s.follower.secret })).id;
    await api('POST', '/api/follows', { whaleId, followerId, sizing: { mode: 'proportional', k: 1 }, existing: 'wait_next_change' });
    await Bun.sleep(1_500);
    await engine.stop();
    engine = await s.start();
    cleanups.push(() => engine.stop());
    await Bun.sleep(2_500);
    expect(s.signals.filter((x) => x.followerId === followerId)).toEqual([]);
  }, 60_000);
});
