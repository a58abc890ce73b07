// Tests of /api/orders, /api/fills and /api/signals through app.handle on a real PGlite store:
// filters, limits, newest-first order, cursor paging, payload encoding and query validation.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import type { OrderUpdate } from '../../store';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';

let h: ApiHarness;
const T0 = Date.parse('2025-01-02T03:04:05.000Z');
const order = (n: number, followerId: string, whaleId: string, status: OrderUpdate['status']): OrderUpdate => ({
  clientOrderId: `wc-${String(n).padStart(32, '0')}`, followerId, whaleId, venue: 'binanceusdm', symbol: 'BTC/USDT:USDT',
  side: n % 2 === 0 ? 'buy' : 'sell', amount: 0.001 * n, status, leg: 1, whaleSeq: n, at: T0 + n * 1000,
});

beforeAll(async () => {
  h = await openApiHarness();
  await h.store.orders.upsert([
    order(1, 'f-1', 'w-1', 'filled'), order(2, 'f-1', 'w-2', 'rejected'), order(3, 'f-2', 'w-1', 'filled'), order(4, 'f-1', 'w-1', 'sent'),
  ]);
  await h.store.fills.insert([1, 2, 3].map((n) => ({
    clientOrderId: `wc-${n}`, followerId: n === 2 ? 'f-2' : 'f-1', venue: 'binanceusdm' as const, symbol: 'BTC/USDT:USDT',
    side: 'buy' as const, amount: n, price: 60000 + n, fee: 0.01 * n, feeCurrency: 'USDT', venueTradeId: `t-${n}`, ts: T0 + n * 1000,
  })));
  await h.store.signals.append([1, 2, 3, 4, 5].map((n) => ({
    kind: n === 3 ? 'denial' as const : 'signal' as const, whaleId: n === 5 ? 'w-2' : 'w-1', whaleSeq: n, shard: 0, followerCount: n,
    payload: n === 1 ? new Uint8Array([0, 1, 254, 255]) : null, detail: n === 3 ? { reason: 'halted' } : null, ts: T0 + n,
  })));
});
afterAll(async () => { await h.close(); });

const seqs = (items: { whaleSeq: number }[]) => items.map((item) => item.whaleSeq);

describe('GET /api/orders', () => {
  test('newest first, with filters and limit', async () => {
    const all = await h.call('GET', '/api/orders');
    expect(all.status).toBe(200);
    expect(seqs(all.body.items)).toEqual([4, 3, 2, 1]);
    expect(all.body.items[3]).toMatchObject({ clientOrderId: order(1, '', '', 'filled').clientOrderId, status: 'filled', side: 'sell', leg: 1, createdAt: new Date(T0 + 1000).toISOString() });
    expect(seqs((await h.call('GET', '/api/orders?followerId=f-1')).body.items)).toEqual([4, 2, 1]);
    expect(seqs((await h.call('GET', '/api/orders?followerId=f-1&whaleId=w-1')).body.items)).toEqual([4, 1]);
    expect(seqs((await h.call('GET', '/api/orders?status=filled')).body.items)).toEqual([3, 1]);
    expect(seqs((await h.call('GET', '/api/orders?limit=2')).body.items)).toEqual([4, 3]);
  });

  test.each([
    ['?limit=0', '/limit'], ['?limit=501', '/limit'], ['?limit=abc', '/limit'], ['?limit=1.5', '/limit'],
    ['?status=done', '/status'], ['?followerId=', '/followerId'], ['?sort=asc', '/sort'],
  ])('400 on %s', async (query, path) => {
    const reply = await h.call('GET', `/api/orders${query}`);
    expect([reply.status, reply.body.error]).toEqual([400, 'validation_failed']);
    expect(reply.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});

describe('GET /api/fills', () => {
  test('newest first, follower filter, limit', async () => {
    const all = await h.call('GET', '/api/fills');
    expect(all.body.items.map((f: { venueTradeId: string }) => f.venueTradeId)).toEqual(['t-3', 't-2', 't-1']);
    expect(all.body.items[0]).toMatchObject({ price: 60003, fee: 0.03, feeCurrency: 'USDT', ts: new Date(T0 + 3000).toISOString() });
    expect((await h.call('GET', '/api/fills?followerId=f-1')).body.items.map((f: { amount: number }) => f.amount)).toEqual([3, 1]);
    expect((await h.call('GET', '/api/fills?limit=1')).body.items.length).toBe(1);
    expect((await h.call('GET', '/api/fills?whaleId=w-1')).status).toBe(400);
  });
});

describe('GET /api/signals', () => {
  test('pages backwards with the next cursor until null', async () => {
    const first = await h.call('GET', '/api/signals?limit=2');
    expect(seqs(first.body.items)).toEqual([5, 4]);
    expect(first.body.next).toBe(first.body.items[1].id);
    const second = await h.call('GET', `/api/signals?limit=2&beforeId=${first.body.next}`);
    expect(seqs(second.body.items)).toEqual([3, 2]);
    const third = await h.call('GET', `/api/signals?limit=2&beforeId=${second.body.next}`);
    expect([seqs(third.body.items), third.body.next]).toEqual([[1], null]);
  });

  test('an exact last page has next null', async () => {
    const page = await h.call('GET', '/api/signals?whaleId=w-1&limit=4');
    expect([seqs(page.body.items), page.body.next]).toEqual([[4, 3, 2, 1], null]);
  });

  test('whale and kind filters; payload as base64, detail as stored', async () => {
    expect(seqs((await h.call('GET', '/api/signals?whaleId=w-2')).body.items)).toEqual([5]);
    const denials = (await h.call('GET', '/api/signals?kind=denial')).body.items;
    expect(denials.map((s: { detail: unknown }) => s.detail)).toEqual([{ reason: 'halted' }]);
    const withPayload = (await h.call('GET', '/api/signals?whaleId=w-1')).body.items.find((s: { whaleSeq: number }) => s.whaleSeq === 1);
    expect(Buffer.from(withPayload.payload, 'base64')).toEqual(Buffer.from([0, 1, 254, 255]));
    expect(withPayload.ts).toBe(new Date(T0 + 1).toISOString());
  });

  test.each([['?beforeId=0', '/beforeId'], ['?beforeId=x', '/beforeId'], ['?kind=fill', '/kind'], ['?limit=-1', '/limit']])('400 on %s', async (query, path) => {
    const reply = await h.call('GET', `/api/signals${query}`);
    expect(reply.status).toBe(400);
    expect(reply.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
