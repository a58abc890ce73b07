// Tests of GET /api/overview and /api/latency: counts from the store, feeds from the engine, shard
// backlogs from the bus, latency and order rate from their sources (empty when absent), operators only.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { RedisBus } from '../../bus';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';
import { binanceFollower, hyperliquidWhale } from '../testing/fixtures.test-support';

const latency = {
  summary: () => ({ end_to_end: { p50Ms: 3.5, p99Ms: 9.25 }, webhook_ack: { p50Ms: 0.4, p99Ms: 1.2 } }),
  curves: () => ({ end_to_end: [{ percentile: 50, ms: 3.5 }, { percentile: 99, ms: 9.25 }] }),
};
let h: ApiHarness;
beforeAll(async () => { h = await openApiHarness({ latency, ordersPerSec: () => 12.5 }); }, 30_000);
afterAll(async () => { await h.close(); }, 30_000);

test('overview: counts, feeds, order rate, latency, shard backlogs', async () => {
  await h.call('POST', '/api/whales', { body: hyperliquidWhale() });
  const f1 = (await h.call('POST', '/api/followers', { body: binanceFollower('a') })).body.id;
  await h.call('POST', '/api/followers', { body: binanceFollower('b') });
  h.control.feedViews.push(
    { kind: 'whale', id: 'w', status: { connected: true, lastMessageAt: 1 } },
    { kind: 'follower', id: f1, status: { connected: true, lastMessageAt: 1 } },
    { kind: 'follower', id: 'f2', status: { connected: false, lastMessageAt: 0 } },
  );
  await h.bus.publishSignals(1, new Uint8Array([1]));
  await h.bus.publishSignals(1, new Uint8Array([2]));
  const reply = await h.call('GET', '/api/overview');
  expect(reply.status).toBe(200);
  expect(reply.body).toEqual({
    engine: 'active', feeds: { connected: 2, total: 3 }, whales: 1, followers: 2, followersOnline: 1, ordersPerSec: 12.5,
    latency: latency.summary(), bus: { kind: 'in_process', ok: true },
    shards: [
      { shard: 0, length: 0, pending: 0, lag: 0, deadLetters: 0 },
      { shard: 1, length: 2, pending: 0, lag: 2, deadLetters: 0 },
    ],
  });
  expect((await h.call('GET', '/api/latency')).body).toEqual(latency.curves());
  const token = (await h.store.tokens.issue({ scope: 'follower', followerId: f1 })).token;
  expect((await h.call('GET', '/api/overview', { token })).status).toBe(403);
  expect((await h.call('GET', '/api/latency', { token })).status).toBe(403);
});

test('without latency or rate sources, and with Redis unreachable: empty figures, bus not ok, still 200', async () => {
  const bus = new RedisBus({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 100, onConnectionError: () => undefined });
  const g = await openApiHarness({ bus });
  try {
    const reply = await g.call('GET', '/api/overview');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ ordersPerSec: 0, latency: {}, bus: { kind: 'redis', ok: false }, shards: [] });
    expect((await g.call('GET', '/api/latency')).body).toEqual({});
  } finally {
    await bus.close();
    await g.close();
  }
}, 30_000);
