// Tests of /api/dead-letters on the in-process bus: a signal batch an executor refused as poison is
// listed decoded, retried onto its shard stream or discarded (audited); bad shards and ids are 4xx.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { PoisonEntryError, encodeSignalBatch, emptyHops } from '../../bus';
import { HARNESS_SHARDS, openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';

let h: ApiHarness;
beforeAll(async () => { h = await openApiHarness(); }, 30_000);
afterAll(async () => { await h.close(); }, 30_000);

async function bury(shard: number, whaleSeq: number): Promise<void> {
  await h.bus.publishSignals(shard, encodeSignalBatch({
    shard, whaleId: 'w1', whaleSeq, hops: emptyHops(),
    signals: [{ clientOrderId: `wc-${whaleSeq}`, followerId: 'f1', whaleId: 'w1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'buy', amount: '0.010', reduceOnly: false, leg: 1, whaleSeq, leverage: 0, refPrice: '' }],
  }));
  const consumer = h.bus.consumeSignals(shard, { consumer: 'poison', blockMs: 5 }, async () => { throw new PoisonEntryError('refused in test'); });
  await consumer.ready;
  await Bun.sleep(30);
  await consumer.stop();
}

test('list decoded, retry onto the stream, discard; each audited', async () => {
  await bury(1, 7);
  await bury(0, 8);
  const listed = await h.call('GET', '/api/dead-letters');
  expect(listed.status).toBe(200);
  expect(listed.body.items.map((d: any) => [d.shard, d.reason, d.batch.whaleSeq, d.batch.signals[0].clientOrderId])).toEqual([
    [1, 'poison', 7, 'wc-7'], [0, 'poison', 8, 'wc-8'],
  ]);
  expect((await h.call('GET', '/api/dead-letters?shard=0')).body.items.map((d: any) => d.shard)).toEqual([0]);
  const [one, zero] = listed.body.items;
  const lengthBefore = (await h.bus.shardStats(1)).length;
  const retried = await h.call('POST', `/api/dead-letters/1/${one.deadId}/retry`);
  expect(retried.body).toMatchObject({ shard: 1, deadId: one.deadId });
  expect((await h.bus.shardStats(1)).length).toBe(lengthBefore + 1);
  expect((await h.call('POST', `/api/dead-letters/0/${zero.deadId}/discard`)).status).toBe(204);
  expect((await h.call('GET', '/api/dead-letters')).body.items).toEqual([]);
  expect((await h.call('POST', `/api/dead-letters/0/${zero.deadId}/discard`)).status).toBe(404);
  expect((await h.call('POST', `/api/dead-letters/1/${one.deadId}/retry`)).status).toBe(404);
  expect((await h.store.audit.list({ limit: 5 })).map((e) => e.action).slice(0, 2)).toEqual(['dead_letter.discard', 'dead_letter.retry']);
});

test.each([
  ['GET', `/api/dead-letters?shard=${HARNESS_SHARDS}`, 400],
  ['GET', '/api/dead-letters?shard=-1', 400],
  ['GET', '/api/dead-letters?afterId=abc', 400],
  ['POST', '/api/dead-letters/0/not-an-id/retry', 400],
  ['POST', `/api/dead-letters/${HARNESS_SHARDS}/1-0/discard`, 400],
])('%s %s -> %d', async (method, path, status) => {
  expect((await h.call(method, path)).status).toBe(status);
});

test('operators only', async () => {
  const followerId = (await h.call('POST', '/api/followers', { body: { name: 'x', venue: 'binanceusdm', apiKey: 'k', secret: 's' } })).body.id;
  const token = (await h.store.tokens.issue({ scope: 'follower', followerId })).token;
  expect((await h.call('GET', '/api/dead-letters', { token })).status).toBe(403);
  expect((await h.call('POST', '/api/dead-letters/0/1-0/discard', { token })).status).toBe(403);
});
