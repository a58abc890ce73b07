// Smoke run of the webhook ack benchmark (the figure itself comes from `bun run bench`): the HTTP server,
// ingress, copy engine with 10 followers and XADD on real Redis, the write-behind journal on real
// PostgreSQL, and the open-loop load client in its own process. Every alert answered 200 and fanned out.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { runWebhookAckBench } from '../src/webhooks/bench/ack-bench';
import { REDIS_URL, dropRedisPrefix, freshDatabase } from './support';

const prefix = `ack${Math.random().toString(36).slice(2, 8)}`;

let db: { url: string; drop(): Promise<void> };
beforeAll(async () => { db = await freshDatabase(); }, 30_000);
afterAll(async () => {
  await db?.drop();
  await dropRedisPrefix(prefix);
}, 30_000);

test('200 alerts/s for 2 s: all 200, every alert fans out to the followers, latencies measured from due times', async () => {
  const result = await runWebhookAckBench({ ratePerSec: 200, seconds: 2, warmupSeconds: 0.5, followers: 10, redisUrl: REDIS_URL, databaseUrl: db.url, keyPrefix: prefix });
  console.log(`webhook ack smoke: p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(2)} ms at ${result.achievedPerSec.toFixed(0)}/s`);
  expect([result.bus, result.store]).toEqual(['redis', 'postgres']);
  expect(result.statuses).toEqual({ 200: 500 });
  expect(result.failed).toBe(0);
  expect(result.measured).toBe(400);
  // Alerts alternate 1 and 2 contracts: an applied alert moves the whale and reaches all 10 followers
  // (an alert overtaken by a later one on another connection is answered {stale} and moves nothing).
  expect(result.accepted).toBeGreaterThan(400);
  expect(result.signals).toBeLessThanOrEqual(result.accepted * 10);
  expect(result.signals).toBeGreaterThanOrEqual(result.accepted * 10 * 0.8);
  expect(result.p50Ms).toBeGreaterThan(0);
  expect(result.p99Ms).toBeGreaterThanOrEqual(result.p50Ms);
}, 60_000);
