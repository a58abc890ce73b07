// Raw wire checks with hand-made HMAC signatures: error body shapes and HTTP statuses, signature in
// the query, the body or split across both, parameter validation codes, listenKey and exchangeInfo.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { startHarness, type Harness } from './harness';
import { hmacHex } from './sign';

let h: Harness;
let cred: { apiKey: string; secret: string };
const ts = () => String(Date.now());

beforeAll(async () => {
  h = await startHarness();
  cred = h.account(10_000).cred;
});
afterAll(() => h.stop());

describe('auth failures', () => {
  test('a bad signature is 400 {"code":-1022}', async () => {
    const r = await h.signed('GET', '/fapi/v3/account', { timestamp: ts() }, cred, '0'.repeat(64));
    expect(r.status).toBe(400);
    expect(r.body).toEqual({ code: -1022, msg: 'Signature for this request is not valid.' });
  });

  test('no API key is 401 -2014, an unknown one 401 -2015', async () => {
    const none = await fetch(`${h.url}/fapi/v3/account?timestamp=${ts()}&signature=00`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ code: -2014, msg: 'API-key format invalid.' });
    const r = await h.signed('GET', '/fapi/v3/account', { timestamp: ts() }, { apiKey: 'b'.repeat(64), secret: cred.secret });
    expect(r.status).toBe(401);
    expect(r.body).toEqual({ code: -2015, msg: 'Invalid API-key, IP, or permissions for action.' });
  });

  test('a missing signature is -1102', async () => {
    const res = await fetch(`${h.url}/fapi/v3/account?timestamp=${ts()}`, { headers: { 'X-MBX-APIKEY': cred.apiKey } });
    expect((await res.json()).code).toBe(-1102);
  });
});

describe('where the signature travels', () => {
  const order = (extra: Record<string, string> = {}) =>
    new URLSearchParams({ symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', newOrderRespType: 'RESULT', timestamp: ts(), ...extra }).toString();

  test('form body signed alone (what ccxt sends)', async () => {
    const body = order({ newClientOrderId: 'body-1' });
    const res = await fetch(`${h.url}/fapi/v1/order`, {
      method: 'POST', headers: { 'X-MBX-APIKEY': cred.apiKey, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `${body}&signature=${hmacHex(cred.secret, body)}`,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'FILLED', clientOrderId: 'body-1', executedQty: '0.010', positionSide: 'BOTH' });
  });

  test('query + body: the signature covers both concatenated', async () => {
    const query = 'symbol=ETHUSDT&side=BUY&type=MARKET';
    const body = `quantity=0.01&newClientOrderId=mixed-1&timestamp=${ts()}`;
    const res = await fetch(`${h.url}/fapi/v1/order?${query}`, {
      method: 'POST', headers: { 'X-MBX-APIKEY': cred.apiKey }, body: `${body}&signature=${hmacHex(cred.secret, query + body)}`,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ clientOrderId: 'mixed-1', status: 'NEW', executedQty: '0' }); // ACK by default
    expect(h.ctx.core.findOrder(h.ctx.credentials.binance(cred.apiKey)!.id, { clientOrderId: 'mixed-1' }).status).toBe('filled');
  });
});

describe('order lookups', () => {
  test('unknown order: GET is 400 -2013, DELETE is 400 -2011', async () => {
    const get = await h.signed('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: 42, timestamp: ts() }, cred);
    expect(get.status).toBe(400);
    expect(get.body).toEqual({ code: -2013, msg: 'Order does not exist.' });
    const del = await h.signed('DELETE', '/fapi/v1/order', { symbol: 'BTCUSDT', origClientOrderId: 'nope', timestamp: ts() }, cred);
    expect(del.body).toEqual({ code: -2011, msg: 'Unknown order sent.' });
  });

  test('an order is only found under its own symbol', async () => {
    const placed = await h.signed('POST', '/fapi/v1/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', timestamp: ts() }, cred);
    const other = await h.signed('GET', '/fapi/v1/order', { symbol: 'BTCUSDT', orderId: placed.body.orderId, timestamp: ts() }, cred);
    expect(other.body.code).toBe(-2013);
    const same = await h.signed('GET', '/fapi/v1/order', { symbol: 'ETHUSDT', orderId: placed.body.orderId, timestamp: ts() }, cred);
    expect(same.body).toMatchObject({ orderId: placed.body.orderId, status: 'FILLED', time: expect.any(Number) });
  });
});

describe('order parameter validation', () => {
  const base = { symbol: 'BTCUSDT', side: 'BUY', type: 'LIMIT', timeInForce: 'GTC', quantity: '0.01', price: '60000' };
  test.each([
    ['unknown symbol', { symbol: 'DOGEUSDT' }, -1121],
    ['lower-case symbol', { symbol: 'btcusdt' }, -1121],
    ['missing quantity', { quantity: '' }, -1102],
    ['illegal quantity', { quantity: '1e-3' }, -1100],
    ['zero quantity', { quantity: '0' }, -4003],
    ['quantity finer than the step', { quantity: '0.0105' }, -1111],
    ['quantity above LOT_SIZE max', { quantity: '1001' }, -4005],
    ['market quantity above MARKET_LOT_SIZE max', { type: 'MARKET', timeInForce: '', price: '', quantity: '121' }, -4005],
    ['price off the tick', { price: '60000.05' }, -4014],
    ['price above the band', { price: '63000.1' }, -4016],
    ['price below the band', { price: '56999.9' }, -4024],
    ['missing time in force', { timeInForce: '' }, -1102],
    ['FOK is not offered', { timeInForce: 'FOK' }, -1115],
    ['bad side', { side: 'LONG' }, -1117],
    ['stop orders are not simulated', { type: 'STOP' }, -1116],
    ['price on a market order', { type: 'MARKET', timeInForce: '' }, -1106],
    ['hedge-mode position side', { positionSide: 'LONG' }, -4061],
    ['client id too long', { newClientOrderId: 'x'.repeat(37) }, -4015],
  ])('%s', async (_name, patch, code) => {
    const params: Record<string, string> = { ...base, ...patch, timestamp: ts() };
    for (const k of Object.keys(params)) if (params[k] === '' && k !== 'quantity') delete params[k];
    const r = await h.signed('POST', '/fapi/v1/order', params, cred);
    expect(r.status).toBe(400);
    expect(r.body.code).toBe(code);
  });
});

describe('public endpoints and listenKey', () => {
  test('exchangeInfo carries Binance filters, rate limits and server time', async () => {
    const info = (await (await fetch(`${h.url}/fapi/v1/exchangeInfo`)).json()) as any;
    expect(Math.abs(info.serverTime - Date.now())).toBeLessThan(2000);
    expect(info.rateLimits).toContainEqual({ rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 300 });
    const btc = info.symbols.find((s: any) => s.symbol === 'BTCUSDT');
    expect(btc).toMatchObject({ contractType: 'PERPETUAL', status: 'TRADING', marginAsset: 'USDT', pricePrecision: 2, quantityPrecision: 3 });
    const f = Object.fromEntries(btc.filters.map((x: any) => [x.filterType, x]));
    expect(f.LOT_SIZE).toMatchObject({ stepSize: '0.001', minQty: '0.001', maxQty: '1000' });
    expect(f.MARKET_LOT_SIZE.maxQty).toBe('120');
    expect(f.MIN_NOTIONAL.notional).toBe('100');
    expect(f.PRICE_FILTER.tickSize).toBe('0.1');
    expect(f.PERCENT_PRICE).toMatchObject({ multiplierUp: '1.0500', multiplierDown: '0.9500' });
  });

  test('unknown symbol on a public endpoint is -1121; an unknown path -5000 (404)', async () => {
    const t = await fetch(`${h.url}/fapi/v1/ticker/24hr?symbol=DOGEUSDT`);
    expect(t.status).toBe(400);
    expect(await t.json()).toEqual({ code: -1121, msg: 'Invalid symbol.' });
    const p = await fetch(`${h.url}/fapi/v9/nothing`);
    expect(p.status).toBe(404);
    expect((await p.json()).code).toBe(-5000);
  });

  test('listenKey: POST returns the account key, PUT keeps it alive, DELETE ends it', async () => {
    const call = async (method: string) => {
      const res = await fetch(`${h.url}/fapi/v1/listenKey`, { method, headers: { 'X-MBX-APIKEY': cred.apiKey } });
      return { status: res.status, body: (await res.json()) as any };
    };
    const first = await call('POST');
    expect(first.body.listenKey).toMatch(/^[0-9a-f]{64}$/);
    expect((await call('POST')).body.listenKey).toBe(first.body.listenKey);
    expect((await call('PUT')).body.listenKey).toBe(first.body.listenKey);
    expect((await call('DELETE')).body).toEqual({});
    expect((await call('PUT')).body).toEqual({ code: -1125, msg: 'This listenKey does not exist.' });
    const noKey = await fetch(`${h.url}/fapi/v1/listenKey`, { method: 'POST' });
    expect(noKey.status).toBe(401);
  });
});
