// Real ccxt.pro watch* and raw sockets against /ws: snapshots, pushes after orders and prices, faults.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { startVenue, waitUntil, type Venue } from './test-harness';

type Hl = InstanceType<typeof ccxt.pro.hyperliquid>;
const BTC = 'BTC/USDC:USDC';

let venue: Venue;
beforeAll(async () => {
  venue = await startVenue();
});
afterAll(() => venue.stop());

async function traderAndFollower() {
  const t = await venue.trader(10_000);
  await t.client.loadMarkets();
  const follower = (await venue.client({ walletAddress: t.cred.address })) as Hl;
  await follower.loadMarkets();
  venue.ctx.core.setPrice('hyperliquid', 'BTC', 60_000);
  return { ...t, client: t.client as Hl, follower, user: t.cred.address.toLowerCase() };
}

describe('ccxt.pro watch*', () => {
  test('watchPositions({user}): snapshot, then the position after an order, then gone after the close', async () => {
    const { client, follower, user } = await traderAndFollower();
    expect(await follower.watchPositions(undefined, undefined, undefined, { user })).toEqual([]);
    const opened = follower.watchPositions(undefined, undefined, undefined, { user });
    await client.createOrder(BTC, 'market', 'sell', 0.25, 60_000);
    const [pos] = await opened;
    expect(pos).toMatchObject({ symbol: BTC, side: 'short', contracts: 0.25, entryPrice: 60_000, leverage: 20, marginMode: 'cross' });
    const closed = follower.watchPositions(undefined, undefined, undefined, { user });
    await client.createOrder(BTC, 'market', 'buy', 0.25, 60_000, { reduceOnly: true });
    expect(await closed).toEqual([]);
  });

  test('watchOrders and watchMyTrades receive the fill of a market order', async () => {
    const { client, follower, user } = await traderAndFollower();
    const orders = follower.watchOrders(undefined, undefined, undefined, { user });
    const trades = follower.watchMyTrades(undefined, undefined, undefined, { user });
    await waitUntil(() => venue.subscribers(`orderUpdates:${user}`) === 1 && venue.subscribers(`userFills:${user}`) === 1);
    const placed = await client.createOrder(BTC, 'market', 'buy', 0.01, 60_000, { clientOrderId: '0x' + '0f'.repeat(16) });
    const [o] = await orders;
    expect(o).toMatchObject({ id: placed.id, symbol: BTC, side: 'buy', status: 'closed', amount: 0.01, filled: 0.01, clientOrderId: '0x' + '0f'.repeat(16) });
    const [t] = await trades;
    expect(t).toMatchObject({ order: placed.id, symbol: BTC, side: 'buy', amount: 0.01, price: 60_000 });
    expect(t!.info).toMatchObject({ dir: 'Open Long', startPosition: '0.0', feeToken: 'USDC', crossed: true });
    expect(t!.fee!.cost).toBeCloseTo(0.01 * 60_000 * 0.00045, 9);
  });

  test('watchTicker follows setPrice through activeAssetCtx; watchTickers through allMids', async () => {
    const { follower } = await traderAndFollower();
    expect((await follower.watchTicker(BTC)).close).toBe(60_000);
    const next = follower.watchTicker(BTC);
    venue.ctx.core.setPrice('hyperliquid', 'BTC', 61_234);
    expect((await next).close).toBe(61_234);
    const tickers = await follower.watchTickers();
    expect(tickers[BTC]!.last).toBe(61_234);
  });

  test('closing the venue sockets fails a pending watch with a NetworkError; a new watch reconnects', async () => {
    const { follower, user } = await traderAndFollower();
    await follower.watchPositions(undefined, undefined, undefined, { user });
    const pending = follower.watchPositions(undefined, undefined, undefined, { user }).catch((e) => e);
    venue.ctx.faults.apply({ venue: 'hyperliquid', closeWebSockets: true });
    const err = await pending;
    expect(err).toBeInstanceOf(ccxt.NetworkError);
    expect(await follower.watchPositions(undefined, undefined, undefined, { user })).toEqual([]);
  });
});

describe('raw protocol', () => {
  test('ping, subscription ack echoing the request, duplicate and unknown subscriptions, unsubscribe', async () => {
    const s = await venue.socket();
    s.send({ method: 'ping' });
    const sub = { method: 'subscribe', subscription: { type: 'allMids' } };
    s.send(sub);
    s.send(sub);
    s.send({ method: 'subscribe', subscription: { type: 'l2Book', coin: 'BTC' } });
    s.send({ method: 'unsubscribe', subscription: { type: 'allMids' } });
    s.send('not json');
    await waitUntil(() => s.messages.length >= 7);
    expect(s.messages[0]).toEqual({ channel: 'pong' });
    expect(s.messages[1]).toEqual({ channel: 'subscriptionResponse', data: sub });
    expect(s.messages[2].channel).toBe('allMids');
    expect(s.messages[2].data.mids.BTC).toBe(venue.ctx.core.mark('hyperliquid', 'BTC').toFixed(1));
    expect(s.messages[3]).toEqual({ channel: 'error', data: 'Already subscribed: {"type":"allMids"}' });
    expect(s.messages[4]).toEqual({ channel: 'error', data: 'Subscription not served by the simulator: {"type":"l2Book","coin":"BTC"}' });
    expect(s.messages[5]).toEqual({ channel: 'subscriptionResponse', data: { method: 'unsubscribe', subscription: { type: 'allMids' } } });
    expect(s.messages[6].data).toStartWith('Error parsing JSON into valid websocket request');
    expect(venue.subscribers('allMids')).toBe(0);
  });

  test('clearinghouseState push carries dex, user and time; a paused stream loses pushes', async () => {
    const { client, user } = await traderAndFollower();
    const s = await venue.socket();
    s.send({ method: 'subscribe', subscription: { type: 'clearinghouseState', user } });
    await waitUntil(() => s.messages.length === 2);
    expect(s.messages[1]).toMatchObject({ channel: 'clearinghouseState', data: { dex: '', user, clearinghouseState: { assetPositions: [] } } });
    venue.ctx.faults.apply({ venue: 'hyperliquid', pauseStreamMs: 10_000 });
    try {
      await client.createOrder(BTC, 'market', 'buy', 0.01, 60_000);
      await Bun.sleep(50);
      expect(s.messages).toHaveLength(2);
    } finally {
      venue.ctx.faults.apply({ venue: 'hyperliquid', pauseStreamMs: 0 });
    }
    await client.createOrder(BTC, 'market', 'buy', 0.01, 60_000);
    await waitUntil(() => s.messages.length === 3);
    const state = s.messages[2].data.clearinghouseState;
    expect(state.assetPositions[0].position).toMatchObject({ coin: 'BTC', szi: '0.02' });
    expect(typeof state.time).toBe('number');
  });

  test('ccxt createOrderWs goes through the post channel', async () => {
    const { client, account } = await traderAndFollower();
    const o = await client.createOrderWs(BTC, 'market', 'buy', 0.02, 60_000);
    expect(o).toMatchObject({ amount: 0.02, filled: 0.02, average: 60_000 });
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0.02);
  });

  test('post method over WS places an order and answers on the post channel', async () => {
    const { client, account } = await traderAndFollower();
    const s = await venue.socket();
    const nonce = Date.now() + 1000;
    const action = { type: 'order', orders: [{ a: 0, b: true, p: '63000', s: '0.01', r: false, t: { limit: { tif: 'Ioc' } } }], grouping: 'na' };
    s.send({ method: 'post', id: 9, request: { type: 'action', payload: { action, nonce, signature: client.signL1Action(action, nonce) } } });
    await waitUntil(() => s.messages.length === 1);
    expect(s.messages[0]).toMatchObject({ channel: 'post', data: { id: 9, response: { type: 'action', payload: { status: 'ok' } } } });
    expect(venue.ctx.core.position(account, 'BTC').contracts).toBe(0.01);
  });

  test('throughput: one price change is serialized once and fanned out; >= 50,000 messages/s', async () => {
    const sockets = await Promise.all(Array.from({ length: 40 }, () => venue.socket()));
    for (const s of sockets) s.send({ method: 'subscribe', subscription: { type: 'activeAssetCtx', coin: 'ETH' } });
    await waitUntil(() => venue.subscribers('activeAssetCtx:ETH') === 40);
    await waitUntil(() => sockets.every((s) => s.messages.length === 2));
    for (const s of sockets) s.messages.length = 0;
    const changes = 2500;
    const t0 = performance.now();
    for (let i = 0; i < changes; i++) venue.ctx.core.setPrice('hyperliquid', 'ETH', 3000 + (i % 100));
    await waitUntil(() => sockets.every((s) => s.messages.length === changes), 20_000);
    const perSec = (changes * sockets.length) / ((performance.now() - t0) / 1000);
    console.log(`ws fan-out: ${Math.round(perSec)} messages/s to ${sockets.length} sockets (server and clients in one process)`);
    expect(perSec).toBeGreaterThan(50_000);
    expect(sockets[7]!.messages[changes - 1].data.ctx.markPx).toBe(String(3000 + ((changes - 1) % 100)) + '.0');
  });
});
