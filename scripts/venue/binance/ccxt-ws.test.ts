// Real ccxt.pro watch* calls against the simulator's WebSockets: the user-data stream (positions, orders,
// my trades, balance) and market streams (ticker, mark price, bids/asks), plus the WS faults.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { rejection, startHarness, type BinanceClient, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

/** Resolve once ccxt's socket whose URL contains `part` is open. */
async function connected(ex: BinanceClient, part: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    const c = Object.values(ex.clients).find((x: any) => x.url.includes(part)) as any;
    if (c?.connected) return void (await c.connected);
    await Bun.sleep(5);
  }
  throw new Error(`no ${part} socket`);
}

/** Repeat a push (e.g. setPrice) until the watch resolves: the subscription lands at an unknown moment. */
async function pushUntil<T>(watch: Promise<T>, push: () => void): Promise<T> {
  let done = false;
  void watch.then(() => (done = true), () => (done = true));
  for (let i = 0; i < 200 && !done; i++) {
    push();
    await Bun.sleep(10);
  }
  return watch;
}

describe('user-data stream', () => {
  test('an order pushes ORDER_TRADE_UPDATE and ACCOUNT_UPDATE to watchOrders / watchMyTrades / watchPositions / watchBalance', async () => {
    const { cred } = h.account(10_000);
    const ex = await h.client(cred);
    await ex.loadMarkets();
    expect(await ex.watchPositions()).toEqual([]); // the first call answers with the REST snapshot
    const positions = ex.watchPositions();
    const orders = ex.watchOrders();
    const trades = ex.watchMyTrades();
    const balance = ex.watchBalance();
    await connected(ex, '/private/ws?listenKey=');
    const placed = await ex.createOrder('BTC/USDT:USDT', 'market', 'buy', 0.015, undefined, { clientOrderId: 'ws-1' });
    const [ps, os, ts, bal] = await Promise.all([positions, orders, trades, balance]);
    expect(ps).toHaveLength(1);
    expect(ps[0]).toMatchObject({ symbol: 'BTC/USDT:USDT', contracts: 0.015, entryPrice: 60000, side: 'long', hedged: false, marginMode: 'cross' });
    expect(os.at(-1)).toMatchObject({ id: placed.id, clientOrderId: 'ws-1', status: 'closed', filled: 0.015, average: 60000, side: 'buy', type: 'market' });
    expect(ts.at(-1)).toMatchObject({ order: placed.id, side: 'buy', amount: 0.015, price: 60000, takerOrMaker: 'taker' });
    expect(ts.at(-1)!.fee).toEqual({ cost: 0.36, currency: 'USDT' });
    expect(bal.USDT?.total).toBeCloseTo(10_000 - 0.36, 8);

    const closing = ex.watchPositions();
    await ex.createOrder('BTC/USDT:USDT', 'market', 'sell', 0.015, undefined, { reduceOnly: true });
    const [closed] = await closing;
    expect(closed).toMatchObject({ symbol: 'BTC/USDT:USDT', contracts: 0 }); // Binance sends pa "0"
  });

  test('a resting limit order pushes NEW, then CANCELED', async () => {
    const { cred } = h.account();
    const ex = await h.client(cred);
    await ex.loadMarkets();
    const first = ex.watchOrders('ETH/USDT:USDT');
    await connected(ex, '/private/ws?listenKey=');
    const o = await ex.createOrder('ETH/USDT:USDT', 'limit', 'buy', 0.1, 2950);
    expect((await first).at(-1)).toMatchObject({ id: o.id, status: 'open', price: 2950, amount: 0.1, filled: 0 });
    const second = ex.watchOrders('ETH/USDT:USDT');
    await ex.cancelOrder(o.id!, 'ETH/USDT:USDT');
    expect((await second).at(-1)).toMatchObject({ id: o.id, status: 'canceled' });
  });

  test('closeWebSockets fault rejects a pending watch with NetworkError; ccxt reconnects on the next call', async () => {
    const { cred } = h.account();
    const ex = await h.client(cred);
    await ex.loadMarkets();
    // ccxt's binance watchOrders also starts a positions-snapshot future; if the socket closes while that
    // REST snapshot is in flight, ccxt rejects it with nobody listening (an unhandled rejection). Take the
    // snapshot first, as a follower engine does.
    await ex.watchPositions();
    const pending = ex.watchOrders();
    await connected(ex, '/private/ws?listenKey=');
    h.ctx.faults.apply({ venue: 'binanceusdm', closeWebSockets: true });
    expect(await rejection(pending)).toBeInstanceOf(ccxt.NetworkError);
    const again = ex.watchOrders();
    await connected(ex, '/private/ws?listenKey=');
    await ex.createOrder('SOL/USDT:USDT', 'market', 'buy', 1);
    expect((await again).at(-1)).toMatchObject({ symbol: 'SOL/USDT:USDT', status: 'closed' });
  });
});

describe('market streams', () => {
  test('watchTicker and watchMarkPrice receive pushes after core.setPrice', async () => {
    const { cred } = h.account();
    const ex = await h.client(cred);
    await ex.loadMarkets();
    const t = await pushUntil(ex.watchTicker('BTC/USDT:USDT'), () => h.ctx.core.setPrice('binanceusdm', 'BTCUSDT', 62000));
    expect(t).toMatchObject({ symbol: 'BTC/USDT:USDT', last: 62000, open: 60000, high: 62000 });
    const mp = await pushUntil(ex.watchMarkPrice('ETH/USDT:USDT'), () => h.ctx.core.setPrice('binanceusdm', 'ETHUSDT', 3210.55));
    expect(mp).toMatchObject({ symbol: 'ETH/USDT:USDT', markPrice: 3210.55, indexPrice: 3210.55 });
    const next = ex.watchMarkPrice('ETH/USDT:USDT');
    h.ctx.core.setPrice('binanceusdm', 'ETHUSDT', 3220);
    expect((await next).markPrice).toBe(3220);
  });

  test('watchBidsAsks reads bookTicker around the mark', async () => {
    const { cred } = h.account();
    const ex = await h.client(cred);
    await ex.loadMarkets();
    const ba = await pushUntil(ex.watchBidsAsks(['SOL/USDT:USDT']), () => h.ctx.core.setPrice('binanceusdm', 'SOLUSDT', 160));
    expect(ba['SOL/USDT:USDT']).toMatchObject({ bid: 159.99, ask: 160.01, bidVolume: 5000, askVolume: 5000 });
  });
});

describe('raw WebSocket protocol', () => {
  const open = (path: string) =>
    new Promise<{ ws: WebSocket; messages: any[] }>((resolve, reject) => {
      const ws = new WebSocket(h.url.replace('http', 'ws') + path);
      const messages: any[] = [];
      ws.onmessage = (e) => messages.push(JSON.parse(String(e.data)));
      ws.onopen = () => resolve({ ws, messages });
      ws.onerror = reject;
    });
  const waitFor = async (messages: any[], n: number) => {
    for (let i = 0; i < 300 && messages.length < n; i++) await Bun.sleep(5);
    return messages;
  };

  test('SUBSCRIBE / LIST_SUBSCRIPTIONS / UNSUBSCRIBE replies and bad frames', async () => {
    const { ws, messages } = await open('/market/ws/3');
    ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: ['btcusdt@bookTicker', 'btcusdt@miniTicker'], id: 1 }));
    ws.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 2 }));
    ws.send(JSON.stringify({ method: 'UNSUBSCRIBE', params: ['btcusdt@miniTicker'], id: 3 }));
    ws.send(JSON.stringify({ method: 'LIST_SUBSCRIPTIONS', id: 4 }));
    ws.send('not json');
    ws.send(JSON.stringify({ method: 'SUBSCRIBE', params: [7], id: 5 }));
    await waitFor(messages, 6);
    expect(messages).toEqual([
      { result: null, id: 1 },
      { result: ['btcusdt@bookTicker', 'btcusdt@miniTicker'], id: 2 },
      { result: null, id: 3 },
      { result: ['btcusdt@bookTicker'], id: 4 },
      { error: { code: 3, msg: expect.stringContaining('Invalid JSON') } },
      { error: { code: 2, msg: 'Invalid request: invalid value for params' }, id: 5 },
    ]);
    h.ctx.core.setPrice('binanceusdm', 'BTCUSDT', 61000);
    await waitFor(messages, 7);
    expect(messages[6]).toMatchObject({ e: 'bookTicker', s: 'BTCUSDT', b: '60999.90', a: '61000.10' });
    ws.close();
  });

  test('a paused stream drops pushes until the pause ends', async () => {
    const { ws, messages } = await open('/ws/ethusdt@miniTicker');
    await Bun.sleep(20);
    h.ctx.faults.apply({ venue: 'binanceusdm', pauseStreamMs: 150 });
    h.ctx.core.setPrice('binanceusdm', 'ETHUSDT', 3001);
    await Bun.sleep(50);
    expect(messages).toHaveLength(0);
    await Bun.sleep(120);
    h.ctx.core.setPrice('binanceusdm', 'ETHUSDT', 3002);
    await waitFor(messages, 1);
    expect(messages).toEqual([expect.objectContaining({ e: '24hrMiniTicker', s: 'ETHUSDT', c: '3002.00' })]);
    ws.close();
  });

  test('an unknown listenKey is closed at once; DELETE listenKey ends a live stream with listenKeyExpired', async () => {
    const bad = new WebSocket(h.url.replace('http', 'ws') + '/private/ws?listenKey=nope');
    const code = await new Promise<number>((resolve) => (bad.onclose = (e) => resolve(e.code)));
    expect(code).toBe(1008);

    const { cred } = h.account();
    const headers = { 'X-MBX-APIKEY': cred.apiKey };
    const { listenKey } = (await (await fetch(`${h.url}/fapi/v1/listenKey`, { method: 'POST', headers })).json()) as { listenKey: string };
    const { ws, messages } = await open(`/ws/${listenKey}`);
    const closed = new Promise<number>((resolve) => (ws.onclose = (e) => resolve(e.code)));
    await fetch(`${h.url}/fapi/v1/listenKey`, { method: 'DELETE', headers });
    expect(await closed).toBe(1000);
    expect(messages).toEqual([{ e: 'listenKeyExpired', E: expect.any(Number), listenKey }]);
  });
});
