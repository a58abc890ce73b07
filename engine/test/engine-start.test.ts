// Engine start with a follower whose feed cannot start (its sealed credentials no longer open): the engine
// starts anyway, logs that follower, and copies onto the others. Real simulator through ccxt, PostgreSQL, Redis.
import { expect, test } from 'bun:test';
import postgres from 'postgres';
import type { OrderSignal } from '../src/bus';
import { loadConfig } from '../src/config';
import { startEngine, type EngineHandle } from '../src/engine';
import { WhaleRunner, createWhaleAccount } from '../../scripts/whales/runner';
import { engineEnv, fileScope } from './file-scope';
import { apiClient, until } from './support';

const TOKEN = 'start-admin-token-0123456789';
const BTC = 'BTC/USDT:USDT';
const scope = fileScope();

test('a follower whose feed cannot start is logged; the engine starts and copies onto the other followers', async () => {
  const env = await engineEnv(scope, TOKEN, { ENGINE_START_DRAIN_MS: '0' });
  const signals: OrderSignal[] = [];
  const logged: Array<{ msg: string; fields: Record<string, unknown> | undefined }> = [];
  const start = () => startEngine(loadConfig(env), {
    env, log: (level, msg, fields) => void (level === 'error' && logged.push({ msg, fields })),
    observer: { emitted: (_w, _s, _i, byShard) => byShard.forEach((shard) => signals.push(...shard)) },
  });
  let engine: EngineHandle = await start();
  const api = apiClient(engine.url, TOKEN);
  const whale = await createWhaleAccount(scope.sim, 'binanceusdm', 1_000_000);
  if (whale.venue !== 'binanceusdm') throw new Error('unexpected whale venue');
  const whaleId = (await api('POST', '/api/whales', { venue: 'binanceusdm', apiKey: whale.apiKey, secret: whale.secret })).id;
  const ids: string[] = [];
  for (const name of ['broken', 'healthy']) {
    const acc = (await (await fetch(`${scope.sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance: 1_000_000 }) })).json()) as any;
    const id = (await api('POST', '/api/followers', { name, venue: 'binanceusdm', apiKey: acc.apiKey, secret: acc.secret })).id;
    await api('POST', '/api/follows', { whaleId, followerId: id, sizing: { mode: 'proportional', k: 1 } });
    ids.push(id);
  }
  const [broken, healthy] = ids as [string, string];
  await engine.stop();
  const sql = postgres(env.DATABASE_URL!, { max: 1, onnotice: () => undefined });
  await sql`UPDATE followers SET credentials = ${Buffer.from([1, 2, 3])} WHERE id = ${broken}`;
  await sql.end();

  engine = await start();
  scope.cleanup(() => engine.stop());
  const feeds = engine.runtime.feeds().filter((f) => f.kind === 'follower').map((f) => f.id);
  expect(feeds).toEqual([healthy]);
  expect(logged.filter((l) => l.fields?.['followerId'] === broken).map((l) => l.msg)).toEqual(['follower feed did not start; the others run']);
  await until('the healthy follower synced', () => engine.followers.isSynced(healthy));
  const runner = new WhaleRunner(scope.sim, [whale]);
  await runner.prepare();
  scope.cleanup(() => runner.close());
  await runner.place({ whale: 0, venue: 'binanceusdm', symbol: BTC, side: 'buy', amount: 0.1, reduceOnly: false, action: 'open', after: 0 } as never);
  await until('a signal for the healthy follower', () => signals.some((s) => s.followerId === healthy));
  expect(signals.filter((s) => s.followerId === healthy).map((s) => [s.side, s.amount])).toEqual([['buy', '0.100']]);
}, 60_000);
