// The simulator's Binance WebSocket API (ws-fapi order.place / order.status) seen through real ccxt.pro
// (createOrderWs, fetchOrderWs): replies ccxt parses, errors in ccxt's classes, the REST endpoints' faults.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { rejection, startHarness, type Harness } from './harness';
import { hmacHex } from './sign';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

const ETH = 'ETH/USDT:USDT';

/** One raw request on a fresh socket: the reply, or undefined if none came within `waitMs`. */
async function rawRequest(text: string, waitMs = 300): Promise<any> {
  const ws = new WebSocket(`${h.url.replace('http', 'ws')}/ws-fapi/v1`);
  await new Promise((resolve, reject) => {
    ws.onopen = resolve;
    ws.onerror = reject;
  });
  try {
    return await new Promise((resolve) => {
      const timer = setTimeout(() => resolve(undefined), waitMs);
      ws.onmessage = (e) => {
        clearTimeout(timer);
        resolve(JSON.parse(String(e.data)));
      };
      ws.send(text);
    });
  } finally {
    ws.close();
  }
}

function signedParams(cred: { apiKey: string; secret: string }, params: Record<string, string | number>): Record<string, string | number> {
  const all: Record<string, string | number> = { ...params, apiKey: cred.apiKey, timestamp: Date.now() };
  const payload = Object.keys(all).sort().map((k) => `${k}=${all[k]}`).join('&');
  return { ...all, signature: hmacHex(cred.secret, payload) };
}

describe('order.place and order.status through ccxt', () => {
  test('createOrderWs fills a market order; fetchOrderWs finds it by client order id; positions move', async () => {
    const { id, cred } = h.account();
    const ex = await h.client(cred);
    await ex.loadMarkets();
    const order = await ex.createOrderWs(ETH, 'market', 'buy', 0.05, undefined, { clientOrderId: 'wc-ws-1' });
    expect(order.status).toBe('closed');
    expect(order.filled).toBe(0.05);
    expect(order.clientOrderId).toBe('wc-ws-1');
    const found = await ex.fetchOrderWs('', ETH, { origClientOrderId: 'wc-ws-1' });
    expect(found.id).toBe(order.id);
    expect(found.filled).toBe(0.05);
    expect(h.ctx.core.account(id).positions.get('ETHUSDT')?.contracts).toBe(0.05);
  });

  test('venue rejections arrive in ccxt classes: margin, minimum notional, duplicate open id, unknown order', async () => {
    const { cred } = h.account(1);
    const ex = await h.client(cred);
    await ex.loadMarkets();
    expect((await rejection(ex.createOrderWs(ETH, 'market', 'buy', 1))).constructor).toBe(ccxt.InsufficientFunds);
    expect((await rejection(ex.createOrderWs(ETH, 'market', 'buy', 0.001))).constructor).toBe(ccxt.InvalidOrder);
    const rich = await h.client(h.account().cred);
    await rich.createOrderWs(ETH, 'limit', 'buy', 0.01, 2900, { clientOrderId: 'wc-ws-dup' }); // rests: still open
    const dup = await rejection(rich.createOrderWs(ETH, 'market', 'buy', 0.01, undefined, { clientOrderId: 'wc-ws-dup' }));
    expect(dup).toBeInstanceOf(ccxt.InvalidOrder);
    expect(dup.message).toContain('-4116');
    expect((await rejection(rich.fetchOrderWs('', ETH, { origClientOrderId: 'wc-ws-none' }))).constructor).toBe(ccxt.OrderNotFound);
  });

  test('the rate limit answers -1015 (RateLimitExceeded in ccxt) and nothing is placed', async () => {
    h.ctx.limiter.configure({ capacity: 1, refillPerSec: 0.01, banAfterStrikes: 10, banMs: 60_000 });
    try {
      const { id, cred } = h.account();
      const ex = await h.client(cred);
      await ex.createOrderWs(ETH, 'market', 'buy', 0.01);
      expect((await rejection(ex.createOrderWs(ETH, 'market', 'buy', 0.01))).constructor).toBe(ccxt.RateLimitExceeded);
      expect(h.ctx.core.account(id).orders.size).toBe(1);
    } finally {
      h.ctx.limiter.configure({ capacity: 300, refillPerSec: 30, banAfterStrikes: 20, banMs: 30_000 });
    }
  });
});

describe('faults and bad requests', () => {
  test('"unknown" after a fill answers -1007 (RequestTimeout in ccxt: outcome unknown) and the order exists', async () => {
    const { id, cred } = h.account();
    const ex = await h.client(cred);
    h.ctx.faults.apply({ venue: 'binanceusdm', accountId: id, unknownErrorAfterFill: 1 });
    const e = await rejection(ex.createOrderWs(ETH, 'market', 'buy', 0.01, undefined, { clientOrderId: 'wc-ws-unknown' }));
    expect(e.constructor).toBe(ccxt.RequestTimeout);
    expect((await ex.fetchOrderWs('', ETH, { origClientOrderId: 'wc-ws-unknown' })).filled).toBe(0.01);
  });

  test('a dropped reply never comes, but the order is placed', async () => {
    const { id, cred } = h.account();
    h.ctx.faults.apply({ venue: 'binanceusdm', accountId: id, dropReplyAfterFill: 1 });
    const params = signedParams(cred, { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', newClientOrderId: 'wc-ws-drop' });
    expect(await rawRequest(JSON.stringify({ id: 'd1', method: 'order.place', params }))).toBeUndefined();
    expect(h.ctx.core.findOrder(id, { clientOrderId: 'wc-ws-drop' }).filled).toBe(0.01);
  });

  test('bad signature, unknown key, malformed JSON and unknown methods get error replies; nothing is placed', async () => {
    const { id, cred } = h.account();
    const order = { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01' };
    const badSig = { ...signedParams(cred, order), signature: 'f'.repeat(64) };
    expect(await rawRequest(JSON.stringify({ id: 'a', method: 'order.place', params: badSig }))).toEqual({
      id: 'a', status: 400, error: { code: -1022, msg: 'Signature for this request is not valid.' },
    });
    const stranger = signedParams({ apiKey: 'k'.repeat(64), secret: 's' }, order);
    expect((await rawRequest(JSON.stringify({ id: 'b', method: 'order.place', params: stranger }))).error.code).toBe(-2015);
    expect(await rawRequest('{"id":')).toMatchObject({ id: null, status: 400, error: { code: -1100 } });
    expect(await rawRequest(JSON.stringify({ id: 7, method: 'order.nope', params: signedParams(cred, order) }))).toMatchObject({ id: 7, status: 400, error: { code: -1102 } });
    const stale = { ...order, apiKey: cred.apiKey, timestamp: Date.now() - 60_000 };
    const payload = Object.keys(stale).sort().map((k) => `${k}=${(stale as Record<string, unknown>)[k]}`).join('&');
    const reply = await rawRequest(JSON.stringify({ id: 'c', method: 'order.place', params: { ...stale, signature: hmacHex(cred.secret, payload) } }));
    expect(reply.error.code).toBe(-1021);
    expect(h.ctx.core.account(id).orders.size).toBe(0);
  });
});
