// Tests of TradingViewIngress without HTTP, on a real PGlite store: every reply reported with its time,
// the copy engine told only of applied alerts, a removed strategy refused at once.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { WhaleBook } from '../book';
import { ManualClock } from '../core';
import type { WhaleChange } from '../copy';
import { generateKeySpec, keyringFromSpec, openStore, type Store } from '../store';
import { TradingViewIngress } from './tradingview-ingress';

const SECRET = 'ingress-secret-0123456789';
let store: Store;
let strategyId: string;
beforeAll(async () => {
  store = await openStore({ dataDir: 'memory://', keyring: await keyringFromSpec(generateKeySpec()) });
  strategyId = (await store.whales.create({ kind: 'tradingview', name: 's', tradingViewSecret: SECRET })).id;
}, 30_000);
afterAll(async () => { await store.close(); }, 30_000);

test('replies are reported; only applied alerts reach the copy engine, with the alert time as venue time', async () => {
  const clock = new ManualClock(1_763_000_000_000);
  const changes: WhaleChange[] = [];
  const replies: [number, number][] = [];
  const ingress = new TradingViewIngress({
    whales: new WhaleBook(), store, clock, copy: { onWhaleChange: async (c) => { changes.push(c); clock.advance(2); return 3; } },
    onReplied: (status, ms) => replies.push([status, ms]),
  });
  await ingress.start();
  const send = (body: unknown) => ingress.receive({ source: '203.0.113.5', contentLength: undefined, readBody: async () => JSON.stringify(body) });
  const alert = { strategy: strategyId, secret: SECRET, ticker: 'BTCUSDT', position_size: '0.5', market_position: 'long', time: clock.nowMs() - 1000 };
  expect((await send(alert)).body).toEqual({ accepted: true, whaleId: strategyId, symbol: 'BTC/USDT:USDT', contracts: 0.5, orders: 3 });
  expect((await send({ ...alert, secret: 'nope-nope-nope-nope' })).status).toBe(401);
  expect(changes).toEqual([{ whaleId: strategyId, changed: ['BTC/USDT:USDT'], venueTs: 1_763_000_000_000 - 1000, rxTs: 1_763_000_000_000 }]);
  expect(replies).toEqual([[200, 2], [401, 0]]);
  ingress.strategyRemoved(strategyId);
  expect((await send({ ...alert, position_size: '1', time: clock.nowMs() })).status).toBe(401);
  await ingress.flushJournal();
  const rows = await store.webhooks.list({ strategy: strategyId });
  expect(rows.map((r) => [r.accepted, r.reason?.split(' ')[0], r.sourceIp]).sort()).toEqual([
    [false, 'unknown_strategy', '203.0.113.5'], [false, 'wrong_secret', '203.0.113.5'], [true, 'applied', '203.0.113.5'],
  ]);
  await ingress.close();
});
