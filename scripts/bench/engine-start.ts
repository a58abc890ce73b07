// How long an engine restart takes with N followers (each with its own Binance account on the venue simulator
// and a follow of one whale), PostgreSQL and Redis real: from startEngine() to its return (every whale and
// follower feed started, every follow registered). Prints the median of `rounds` restarts and the engine's heap.
// CLI: `bun scripts/bench/engine-start.ts [followers] [rounds]` (TEST_DATABASE_URL, TEST_REDIS_URL as the tests).
import { loadConfig } from '../../engine/src/config';
import { startEngine } from '../../engine/src/engine';
import { createLogger } from '../../engine/src/runtime/log';
import { generateKeySpec } from '../../engine/src/store';
import { REDIS_URL, apiClient, dropRedisPrefix, freshDatabase } from '../../engine/test/support';
import { startVenueSimulator } from '../venue/server';

const followers = Number(process.argv[2] ?? 200);
const rounds = Number(process.argv[3] ?? 3);
const TOKEN = 'engine-start-bench-token-0123456789';
const sim = await startVenueSimulator({ port: 0 });
const db = await freshDatabase();
const prefix = `es${Math.random().toString(36).slice(2, 8)}`;
const env: Record<string, string> = {
  ENGINE_ADMIN_TOKEN: TOKEN, ENGINE_MASTER_KEY: generateKeySpec(), REDIS_URL, DATABASE_URL: db.url, ENGINE_PORT: '0',
  BINANCEUSDM_URL: sim.binanceUrl, HYPERLIQUID_URL: sim.hyperliquidUrl, EXECUTOR_SHARDS: '1', BUS_PREFIX: prefix,
  LOG_LEVEL: 'error', ENGINE_START_DRAIN_MS: '0',
};
const start = () => startEngine(loadConfig(env), { env, log: createLogger('error', 'engine') });
const newAccount = async () => (await (await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance: 1e6 }) })).json()) as { apiKey: string; secret: string };
try {
  let engine = await start();
  const api = apiClient(engine.url, TOKEN);
  const lead = await newAccount();
  const whaleId = (await api<{ id: string }>('POST', '/api/whales', { venue: 'binanceusdm', apiKey: lead.apiKey, secret: lead.secret })).id;
  for (let i = 0; i < followers; i++) {
    const acc = await newAccount();
    const followerId = (await api<{ id: string }>('POST', '/api/followers', { name: `f${i}`, venue: 'binanceusdm', apiKey: acc.apiKey, secret: acc.secret })).id;
    await api('POST', '/api/follows', { whaleId, followerId, sizing: { mode: 'proportional', k: 1 } });
  }
  await engine.stop();
  const times: number[] = [];
  let heapMiB = 0;
  for (let r = 0; r < rounds; r++) {
    Bun.gc(true);
    const heap0 = process.memoryUsage().heapUsed;
    const t0 = performance.now();
    engine = await start();
    times.push(performance.now() - t0);
    Bun.gc(true);
    heapMiB = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;
    await engine.stop();
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`engine start with ${followers} followers: median ${(sorted[sorted.length >> 1]! / 1000).toFixed(2)} s (runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')}), ${((sorted[sorted.length >> 1]! / followers)).toFixed(1)} ms per follower, heap +${heapMiB.toFixed(0)} MiB while running`);
} finally {
  await sim.stop();
  await db.drop();
  await dropRedisPrefix(prefix);
}
process.exit(0);
