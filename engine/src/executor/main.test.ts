// The executor as its own process (`bun engine/src/executor/main.ts --shard 0 --shards 1`) over Redis,
// PostgreSQL (a throwaway database) and the simulator: it executes a signal, then stops cleanly on SIGTERM.
import { afterAll, beforeAll, expect, setDefaultTimeout, test } from 'bun:test';
import { RedisBus, encodeSignalBatch } from '../bus';
import { uniquePrefix } from '../bus/testing';
import { ApiKeyCredentials, generateKeySpec, keyringFromSpec, openStore } from '../store';
import { ReportReader, batchOf, deleteRedisKeys, signalFor, simFollower, startVenueSimulator, venueOrders, type VenueSimulator } from './testing';

setDefaultTimeout(60_000);

const REDIS_URL = 'redis://127.0.0.1:6379';
const ADMIN_DB = 'postgres://postgres@127.0.0.1:5432/test';
const database = `wc_exec_main_${process.pid}_${Date.now().toString(36)}`;
const prefix = uniquePrefix('exec-main');
const admin = new Bun.SQL(ADMIN_DB);
let sim: VenueSimulator;

beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
  await admin.unsafe(`CREATE DATABASE ${database}`);
});

afterAll(async () => {
  await sim.stop();
  await admin.unsafe(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  await admin.close();
  await deleteRedisKeys(REDIS_URL, prefix);
});

test('refuses to start without its configuration, naming every problem', async () => {
  const proc = Bun.spawn([process.execPath, 'engine/src/executor/main.ts'], { env: { PATH: process.env.PATH ?? '' }, stdout: 'pipe', stderr: 'pipe' });
  expect(await proc.exited).toBe(2);
  const stderr = await new Response(proc.stderr).text();
  for (const text of ['--shard is required', '--shards (or EXECUTOR_SHARDS) is required', 'REDIS_URL is required', 'DATABASE_URL is required']) expect(stderr).toContain(text);
});

test('executes a signal for a follower stored in PostgreSQL, then stops on SIGTERM with exit code 0', async () => {
  const databaseUrl = `postgres://postgres@127.0.0.1:5432/${database}`;
  const keySpec = generateKeySpec();
  const store = await openStore({ databaseUrl, keyring: await keyringFromSpec(keySpec), poolSize: 1 });
  const account = await simFollower(sim, 'binanceusdm');
  if (account.credentials.venue !== 'binanceusdm') throw new Error('expected a binance account');
  const follower = await store.followers.create({
    name: 'process follower', venue: 'binanceusdm', credentials: new ApiKeyCredentials({ apiKey: account.credentials.apiKey, secret: account.credentials.secret }),
  });
  await store.close();

  const proc = Bun.spawn([process.execPath, 'engine/src/executor/main.ts', '--shard', '0', '--shards', '1'], {
    env: {
      PATH: process.env.PATH ?? '', REDIS_URL, DATABASE_URL: databaseUrl, BINANCEUSDM_URL: sim.binanceUrl,
      ENGINE_MASTER_KEY: keySpec, BUS_PREFIX: prefix, EXECUTOR_METRICS_PORT: '0',
    },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const bus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix, onConnectionError: () => undefined });
  const reader = new ReportReader(bus);
  try {
    await Promise.all([bus.ready(), reader.ready()]);
    const signal = signalFor({ ...account, followerId: follower.id }, 1, 'buy', '0.010');
    await bus.publishSignals(0, encodeSignalBatch(batchOf(0, 1, [signal])));
    await reader.waitFor((r) => r.length === 1, 30_000);
    expect(reader.reports[0]).toMatchObject({ clientOrderId: signal.clientOrderId, followerId: follower.id, status: 'filled', attempts: 1 });
    expect((await venueOrders(sim, account.accountId)).map((o) => o.clientOrderId)).toEqual([signal.clientOrderId]);
    proc.kill('SIGTERM');
    expect(await proc.exited).toBe(0);
    const stdout = await new Response(proc.stdout).text();
    expect(stdout).toContain('consuming as exec-0-');
    expect(stdout).toContain('stopped');
    expect((await bus.shardStats(0)).pending).toBe(0);
  } finally {
    proc.kill();
    await reader.stop();
    await bus.close();
  }
});
