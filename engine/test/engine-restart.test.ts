// An engine restarted while its last signals still wait for an executor: the followers' first snapshots
// (taken at start) cannot contain those orders, and the new engine's book starts empty, so a repair would
// send them again. The engine waits at start until the executors have finished what is queued
// (ENGINE_START_DRAIN_MS). Real simulator through ccxt, Redis, PostgreSQL, an executor process.
import { describe, expect, test } from 'bun:test';
import { RedisBus } from '../src/bus';
import { loadConfig } from '../src/config';
import { startEngine, type EngineHandle } from '../src/engine';
import { createLogger } from '../src/runtime/log';
import { WhaleRunner, createWhaleAccount } from '../../scripts/whales/runner';
import { engineEnv, fileScope } from './file-scope';
import { REDIS_URL, apiClient, spawnExecutor, until, type ExecutorProcess } from './support';

const TOKEN = 'restart-admin-token-0123456789';
const BTC = 'BTC/USDT:USDT';
const scope = fileScope();

/** Engine 1 copies one whale trade, but no executor runs: the signal waits in Redis. Engine 1 stops, engine 2 starts. */
async function restartWithQueuedSignal(drainMs: number) {
  const env = await engineEnv(scope, TOKEN, { EXECUTOR_CLAIM_IDLE_MS: '1500', ENGINE_START_DRAIN_MS: String(drainMs) });
  const sim = scope.sim;
  const start = () => startEngine(loadConfig(env), { env, log: createLogger('error', 'engine') });
  let engine: EngineHandle = await start();
  const api = apiClient(engine.url, TOKEN);
  const whale = await createWhaleAccount(sim, 'binanceusdm', 1_000_000);
  if (whale.venue !== 'binanceusdm') throw new Error('unexpected whale venue');
  const whaleId = (await api('POST', '/api/whales', { venue: 'binanceusdm', apiKey: whale.apiKey, secret: whale.secret })).id;
  const acc = (await (await fetch(`${sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance: 1_000_000 }) })).json()) as any;
  const followerId = (await api('POST', '/api/followers', { name: 'f', venue: 'binanceusdm', apiKey: acc.apiKey, secret: acc.secret })).id;
  await api('POST', '/api/follows', { whaleId, followerId, sizing: { mode: 'proportional', k: 1 } });
  await Bun.sleep(500); // private streams connected before the whale trades
  const runner = new WhaleRunner(sim, [whale]);
  await runner.prepare();
  await runner.place({ whale: 0, venue: 'binanceusdm', symbol: BTC, side: 'buy', amount: 0.1, reduceOnly: false, action: 'open', after: 0 } as never);
  await runner.close();
  await until('the copy signal queued for shard 0', async () => (await engine.bus.shardStats(0)).lag === 1);
  await engine.stop();

  // Engine 2 starts while the order still waits; the executor comes up a second later.
  const starting = start();
  let executor: ExecutorProcess | undefined;
  scope.cleanup(async () => void (await executor?.kill('SIGTERM')));
  await Bun.sleep(1_500);
  const bus = new RedisBus({ url: REDIS_URL, keyPrefix: env.BUS_PREFIX! });
  await bus.ready();
  const queuedBeforeExecutor = (await bus.shardStats(0)).lag;
  await bus.close();
  executor = await spawnExecutor(0, 1, env);
  engine = await starting;
  scope.cleanup(() => engine.stop());
  const position = async () => {
    const view = (await (await fetch(`${sim.adminUrl}/accounts/${acc.id}`)).json()) as any;
    return { contracts: view.positions.find((p: any) => p.symbol === BTC)?.contracts ?? 0, orders: view.orders.length as number };
  };
  await until('the follower holds a position', async () => (await position()).contracts > 0);
  await Bun.sleep(1_500); // time for a second order, were one sent
  return { engine, followerId, queuedBeforeExecutor, ...(await position()) };
}

describe('engine restart with a signal still queued', () => {
  test('the new engine waits for the executor to finish it: one order, the follower at exactly the whale size', async () => {
    const r = await restartWithQueuedSignal(20_000);
    expect(r.queuedBeforeExecutor).toBe(1); // engine 2 sent nothing while it waited
    expect(r.orders).toBe(1);
    expect(r.contracts).toBeCloseTo(0.1, 9);
    const view = (await apiClient(r.engine.url, TOKEN)('GET', `/api/followers/${r.followerId}/positions`)).positions;
    expect(view.find((p: any) => p.symbol === BTC)).toMatchObject({ target: 0.1, actual: 0.1, inFlight: 0 });
  }, 60_000);

  test('without the wait (ENGINE_START_DRAIN_MS=0) the hazard is real: a second order for the same change, the follower doubled', async () => {
    const r = await restartWithQueuedSignal(0);
    expect(r.queuedBeforeExecutor).toBe(2); // the repair after the first snapshot queued the same order again
    expect(r.orders).toBe(2);
    expect(r.contracts).toBeCloseTo(0.2, 9);
  }, 60_000);
});
