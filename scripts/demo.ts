// `npm start`: the whole product on one machine. The venue simulator (Binance USD-M on 18555, Hyperliquid
// on 18556, marks walking), scripted whales on both venues, the engine with its API on 3000, executors, and
// followers with three sizing modes seeded through the API. One summary line every few seconds.
// Without REDIS_URL/DATABASE_URL: embedded (PGlite in memory, in-process bus and executors). With both:
// Redis Streams, a fresh PostgreSQL database `wc_demo`, and one process per executor shard.
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { loadConfig } from '../engine/src/config';
import { startEngine } from '../engine/src/engine';
import { createLogger } from '../engine/src/runtime/log';
import { generateKeySpec } from '../engine/src/store';
import { startVenueSimulator } from './venue/server';
import { WhaleRunner, createWhaleAccount, type WhaleAccount } from './whales/runner';
import { planScenario } from './whales/scenario';
import { DemoStats } from './demo-stats';
import { dropPrefix } from './bench/redis-keys';
import { loadConsoleConfig, startConsole } from '../console';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.DEMO_VENUE_PORT ?? '18555' },
    'engine-port': { type: 'string', default: process.env.ENGINE_PORT ?? '3000' },
    'console-port': { type: 'string', default: process.env.CONSOLE_PORT ?? '3100' },
    rate: { type: 'string', default: '0.5' },
    seed: { type: 'string', default: '7' },
    seconds: { type: 'string', default: '0' },
  },
});
const DEMO_BUS_PREFIX = 'wcdemo';
const redisUrl = process.env.REDIS_URL;
let databaseUrl = process.env.DATABASE_URL;
const embedded = !redisUrl || !databaseUrl;

const sim = await startVenueSimulator({ port: Number(values.port), walk: true, seed: Number(values.seed) });
console.log(`venue simulator: Binance USD-M + admin ${sim.binanceUrl}, Hyperliquid ${sim.hyperliquidUrl}`);

if (!embedded) {
  const admin = postgres(databaseUrl!, { max: 1, onnotice: () => undefined });
  await admin.unsafe('DROP DATABASE IF EXISTS wc_demo WITH (FORCE)');
  await admin.unsafe('CREATE DATABASE wc_demo');
  await admin.end();
  databaseUrl = databaseUrl!.replace(/\/[^/]*$/, '/wc_demo');
  // A fresh world on the bus too: a previous demo's queued signals name followers this database never had.
  await dropPrefix(DEMO_BUS_PREFIX, redisUrl!);
}
const env: Record<string, string> = {
  ENGINE_ADMIN_TOKEN: process.env.ENGINE_ADMIN_TOKEN ?? `demo-${crypto.randomUUID()}`,
  ENGINE_MASTER_KEY: process.env.ENGINE_MASTER_KEY ?? generateKeySpec(),
  ENGINE_PORT: values['engine-port'],
  BINANCEUSDM_URL: sim.binanceUrl,
  HYPERLIQUID_URL: sim.hyperliquidUrl,
  EXECUTOR_SHARDS: '2',
  PGLITE_DIR: 'memory://',
  LOG_LEVEL: 'warn',
  ...(embedded ? {} : { REDIS_URL: redisUrl!, DATABASE_URL: databaseUrl!, BUS_PREFIX: DEMO_BUS_PREFIX }),
};
const stats = new DemoStats();
const engine = await startEngine(loadConfig(env), { env, log: createLogger('warn', 'engine'), observer: stats.observer, onReport: (r) => stats.report(r) });
console.log(`engine: ${engine.url} (bus ${engine.bus.kind}, store ${engine.store.driver}); operator token ${env.ENGINE_ADMIN_TOKEN}`);
const executors = embedded ? [] : [0, 1].map((shard) =>
  Bun.spawn([process.execPath, 'engine/src/executor/main.ts', '--shard', String(shard), '--shards', '2'], { env: { ...process.env, ...env }, stdout: 'ignore', stderr: 'inherit' }));
console.log(embedded ? 'executors: 2 shards in the engine process' : `executors: 2 processes (pids ${executors.map((p) => p.pid).join(', ')})`);

const api = async (path: string, body: unknown) => {
  const res = await fetch(`${engine.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${env.ENGINE_ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as { id: string };
};
const whales: WhaleAccount[] = [await createWhaleAccount(sim, 'binanceusdm'), await createWhaleAccount(sim, 'hyperliquid')];
const sizings = [{ mode: 'proportional', k: 0.2 }, { mode: 'equity', k: 1 }, { mode: 'fixed_notional', usd: 2000 }];
for (const w of whales) {
  const whale = await api('/api/whales', w.venue === 'binanceusdm' ? { venue: w.venue, apiKey: w.apiKey, secret: w.secret } : { venue: w.venue, address: w.address });
  for (const sizing of sizings) {
    const acc = (await (await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: w.venue, balance: 50_000 }) })).json()) as Record<string, string>;
    const creds = w.venue === 'binanceusdm' ? { apiKey: acc.apiKey, secret: acc.secret } : { address: acc.address, privateKey: acc.privateKey };
    const follower = await api('/api/followers', { name: `${w.venue}-${sizing.mode}`, venue: w.venue, ...creds });
    await api('/api/follows', { whaleId: whale.id, followerId: follower.id, sizing });
  }
}
const password = `demo-${crypto.randomUUID().slice(0, 8)}`;
await api('/api/auth/operators', { email: 'operator@demo.local', password });
const consoleApp = await startConsole(loadConsoleConfig({
  CONSOLE_PORT: values['console-port'], ENGINE_URL: engine.url, ENGINE_ADMIN_TOKEN: env.ENGINE_ADMIN_TOKEN,
  CONSOLE_SESSION_SECRET: crypto.randomUUID() + crypto.randomUUID(), LOG_LEVEL: 'warn',
}));
console.log(`console: ${consoleApp.url}/console (sign in as operator@demo.local / ${password}); follower portal ${consoleApp.url}/portal`);
console.log(`seeded: 2 whales (${whales.map((w) => w.id).join(', ')}), 6 followers with proportional, equity and fixed-notional sizing`);

const runner = new WhaleRunner(sim, whales);
await runner.prepare();
void runner.run(planScenario({ seed: Number(values.seed), steps: 100_000, whales }), Number(values.rate), (r) => stats.whaleTrade(r.ok));
const summary = setInterval(() => console.log(stats.line()), 3000);

const stop = async () => {
  clearInterval(summary);
  await runner.close();
  await consoleApp.stop();
  for (const p of executors) p.kill('SIGTERM');
  await Promise.all(executors.map((p) => p.exited));
  await engine.stop();
  await sim.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
if (Number(values.seconds) > 0) setTimeout(stop, Number(values.seconds) * 1000);
