// Tests of GET /health/ready: real Redis and database checks and every feed; 200 only when all answer,
// else 503 with what failed. Public, like /health/live.
import { expect, test } from 'bun:test';
import { RedisBus } from '../../bus';
import { openApiHarness } from '../testing/api-harness.test-support';

const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

test('in-process bus, database up, no feeds: ready', async () => {
  const h = await openApiHarness();
  try {
    const reply = await h.call('GET', '/health/ready', { token: null });
    expect([reply.status, reply.body]).toEqual([200, { ready: true, redis: true, bus: 'in_process', database: true, feeds: [] }]);
  } finally {
    await h.close();
  }
}, 30_000);

test('a disconnected feed: 503, the feed named with its message age', async () => {
  const h = await openApiHarness();
  try {
    const now = Date.now();
    h.control.feedViews.push(
      { kind: 'whale', id: 'w1', status: { connected: true, lastMessageAt: now - 1500 } },
      { kind: 'follower', id: 'f1', status: { connected: false, lastMessageAt: 0 } },
    );
    const reply = await h.call('GET', '/health/ready', { token: null });
    expect(reply.status).toBe(503);
    expect(reply.body.ready).toBe(false);
    expect(reply.body.feeds[1]).toEqual({ kind: 'follower', id: 'f1', connected: false, lastMessageAgeMs: null });
    expect(reply.body.feeds[0].lastMessageAgeMs).toBeGreaterThanOrEqual(1500);
    expect(reply.body.feeds[0].lastMessageAgeMs).toBeLessThan(5000);
  } finally {
    await h.close();
  }
}, 30_000);

test('real Redis answers: ready; Redis unreachable: 503 redis false', async () => {
  const up = new RedisBus({ url: REDIS_URL, keyPrefix: `ready${Math.random().toString(36).slice(2, 8)}` });
  const down = new RedisBus({ url: 'redis://127.0.0.1:1', connectTimeoutMs: 100, onConnectionError: () => undefined });
  await up.ready();
  const a = await openApiHarness({ bus: up });
  const b = await openApiHarness({ bus: down });
  try {
    expect((await a.call('GET', '/health/ready', { token: null })).body).toMatchObject({ ready: true, redis: true, bus: 'redis' });
    const reply = await b.call('GET', '/health/ready', { token: null });
    expect([reply.status, reply.body.redis, reply.body.database]).toEqual([503, false, true]);
  } finally {
    await a.close();
    await b.close();
    await up.close();
    await down.close();
  }
}, 30_000);

test('the database gone: 503 database false', async () => {
  const h = await openApiHarness();
  await h.store.close();
  const reply = await h.call('GET', '/health/ready', { token: null });
  expect([reply.status, reply.body.database, reply.body.redis]).toEqual([503, false, true]);
  await h.bus.close();
}, 30_000);
