// Tests of /api/whales through app.handle on a real PGlite store: create per kind, validation,
// list/get/patch/delete, EngineControl notifications and live positions.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';
import { binanceFollower, binanceWhale, HL_ADDRESS, hyperliquidWhale, SECRETS, tradingViewWhale } from '../testing/fixtures.test-support';

let h: ApiHarness;
beforeAll(async () => { h = await openApiHarness(); });
afterAll(async () => { await h.close(); });

const create = async (body: unknown) => {
  const reply = await h.call<{ id: string }>('POST', '/api/whales', { body });
  expect(reply.status).toBe(201);
  return reply.body.id;
};

describe('POST /api/whales', () => {
  test('binanceusdm: credentials sealed in the store, default name, whaleAdded called', async () => {
    h.control.take();
    const { name: _name, ...withoutName } = binanceWhale();
    const id = await create(withoutName);
    expect(h.control.take()).toEqual([['whaleAdded', id]]);
    const whale = (await h.call('GET', `/api/whales/${id}`)).body;
    expect(whale).toMatchObject({ id, kind: 'binanceusdm', name: `binanceusdm-${id.slice(0, 8)}`, address: null, hasCredentials: true, hasSecret: false, state: 'active' });
    const stored = await h.store.whales.credentials(id);
    expect([stored?.apiKey, stored?.secret]).toEqual([SECRETS.whaleApiKey, SECRETS.whaleSecret]);
  });

  test('hyperliquid: address lower-cased, used as the default name', async () => {
    const id = await create(hyperliquidWhale());
    const whale = (await h.call('GET', `/api/whales/${id}`)).body;
    expect(whale).toMatchObject({ kind: 'hyperliquid', address: HL_ADDRESS.toLowerCase(), name: HL_ADDRESS.toLowerCase(), hasCredentials: false });
  });

  test('tradingview: secret stored as a hash that verifies, ticker map kept', async () => {
    const id = await create(tradingViewWhale());
    const whale = (await h.call('GET', `/api/whales/${id}`)).body;
    expect(whale).toMatchObject({ kind: 'tradingview', name: 'tv-strategy', hasSecret: true, tickerMap: { 'BTCUSDT.P': 'BTC/USDT:USDT' } });
    expect(await h.store.whales.verifyTradingViewSecret(id, SECRETS.tradingViewSecret)).toBe(true);
    expect(await h.store.whales.verifyTradingViewSecret(id, 'another-secret-123456')).toBe(false);
  });

  const invalid: [string, unknown, string][] = [
    ['unknown field', { ...hyperliquidWhale(), extra: 1 }, '/extra'],
    ['address too short', hyperliquidWhale('0x12'), '/address'],
    ['address without 0x', hyperliquidWhale('ab'.repeat(21)), '/address'],
    ['address with 41 hex digits', hyperliquidWhale(`0x${'a'.repeat(41)}`), '/address'],
    ['address not hex', hyperliquidWhale(`0x${'g'.repeat(40)}`), '/address'],
    ['unknown venue', { venue: 'bybit', apiKey: 'a', secret: 'b' }, '/venue'],
    ['missing venue', { apiKey: 'a', secret: 'b' }, '/venue'],
    ['binanceusdm without secret', { venue: 'binanceusdm', apiKey: 'a' }, '/secret'],
    ['binanceusdm with an address', { ...binanceWhale(), address: HL_ADDRESS }, '/address'],
    ['empty apiKey', { ...binanceWhale(), apiKey: '' }, '/apiKey'],
    ['tradingview secret shorter than 16', { ...tradingViewWhale(), secret: 'short' }, '/secret'],
    ['tradingview without a name', { venue: 'tradingview', secret: SECRETS.tradingViewSecret }, '/name'],
    ['name of the wrong type', { ...hyperliquidWhale(), name: 42 }, '/name'],
    ['not an object', [1, 2], ''],
  ];
  test.each(invalid)('400 validation_failed: %s', async (_case, body, path) => {
    h.control.take();
    const reply = await h.call('POST', '/api/whales', { body });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('validation_failed');
    expect(reply.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(h.control.take()).toEqual([]);
  });
});

describe('GET, PATCH, DELETE /api/whales', () => {
  test('list returns every whale in creation order, without secrets', async () => {
    const first = await create(binanceWhale('list-a'));
    const second = await create(tradingViewWhale('list-b'));
    const reply = await h.call('GET', '/api/whales');
    expect(reply.status).toBe(200);
    const ids = reply.body.items.map((w: { id: string }) => w.id);
    expect(ids.indexOf(first)).toBeLessThan(ids.indexOf(second));
    expect(Object.keys(reply.body.items[0]).sort()).toEqual(
      ['address', 'createdAt', 'hasCredentials', 'hasSecret', 'id', 'kind', 'name', 'state', 'tickerMap']);
  });

  test('unknown id: 404 not_found on get, patch, delete and positions', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/whales/nope'], ['PATCH', '/api/whales/nope', { name: 'x' }], ['DELETE', '/api/whales/nope'], ['GET', '/api/whales/nope/positions'],
    ] as const) {
      const reply = await h.call(method, path, { body });
      expect([method, reply.status, reply.body.error]).toEqual([method, 404, 'not_found']);
    }
  });

  test('PATCH name and state: stored, returned, whaleAdded called again', async () => {
    const id = await create(hyperliquidWhale());
    h.control.take();
    const reply = await h.call('PATCH', `/api/whales/${id}`, { body: { name: 'renamed', state: 'reducing' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, name: 'renamed', state: 'reducing' });
    expect((await h.store.whales.get(id))?.state).toBe('reducing');
    expect(h.control.take()).toEqual([['whaleAdded', id]]);
  });

  test('PATCH rotates binanceusdm credentials and a TradingView secret', async () => {
    const lead = await create(binanceWhale());
    expect((await h.call('PATCH', `/api/whales/${lead}`, { body: { apiKey: 'NEW-KEY-1', secret: 'NEW-SECRET-1' } })).status).toBe(200);
    const stored = await h.store.whales.credentials(lead);
    expect([stored?.apiKey, stored?.secret]).toEqual(['NEW-KEY-1', 'NEW-SECRET-1']);
    const tv = await create(tradingViewWhale());
    const rotated = await h.call('PATCH', `/api/whales/${tv}`, { body: { secret: 'rotated-secret-0123456789', tickerMap: null } });
    expect(rotated.body).toMatchObject({ hasSecret: true, tickerMap: null });
    expect(await h.store.whales.verifyTradingViewSecret(tv, 'rotated-secret-0123456789')).toBe(true);
    expect(await h.store.whales.verifyTradingViewSecret(tv, SECRETS.tradingViewSecret)).toBe(false);
  });

  const misfits: [string, () => unknown, unknown, string, string][] = [
    ['address on a binanceusdm whale', binanceWhale, { address: HL_ADDRESS }, 'invalid_request', '/address'],
    ['apiKey without secret', binanceWhale, { apiKey: 'K' }, 'invalid_request', '/secret'],
    ['apiKey on a hyperliquid whale', hyperliquidWhale, { apiKey: 'K', secret: 'S' }, 'invalid_request', '/apiKey'],
    ['tickerMap on a hyperliquid whale', hyperliquidWhale, { tickerMap: {} }, 'invalid_request', '/tickerMap'],
    ['short TradingView secret', tradingViewWhale, { secret: 'short' }, 'invalid_request', '/secret'],
    ['empty patch', hyperliquidWhale, {}, 'validation_failed', ''],
    ['unknown field', hyperliquidWhale, { kind: 'binanceusdm' }, 'validation_failed', '/kind'],
    ['bad state', hyperliquidWhale, { state: 'paused' }, 'validation_failed', '/state'],
  ];
  test.each(misfits)('PATCH 400: %s', async (_case, body, patch, code, path) => {
    const id = await create(body());
    h.control.take();
    const reply = await h.call('PATCH', `/api/whales/${id}`, { body: patch });
    expect([reply.status, reply.body.error]).toEqual([400, code]);
    expect(reply.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(h.control.take()).toEqual([]);
  });

  test('DELETE removes the whale and its follows; followRemoved for each, then whaleRemoved', async () => {
    const whaleId = await create(hyperliquidWhale());
    const followerId = (await h.call('POST', '/api/followers', { body: binanceFollower() })).body.id;
    const followId = (await h.call('POST', '/api/follows', { body: { whaleId, followerId, sizing: { mode: 'proportional', k: 1 } } })).body.id;
    h.control.take();
    const reply = await h.call('DELETE', `/api/whales/${whaleId}`);
    expect([reply.status, reply.text]).toEqual([204, '']);
    expect(h.control.take()).toEqual([['followRemoved', followId], ['whaleRemoved', whaleId]]);
    expect(await h.store.follows.get(followId)).toBeNull();
    expect((await h.call('GET', `/api/whales/${whaleId}`)).status).toBe(404);
    expect((await h.call('DELETE', `/api/whales/${whaleId}`)).status).toBe(404);
    expect(h.control.take()).toEqual([]);
  });
});

describe('GET /api/whales/:id/positions', () => {
  test('not run by the engine: loaded false, no positions', async () => {
    const id = await create(hyperliquidWhale());
    expect((await h.call('GET', `/api/whales/${id}/positions`)).body).toEqual({ whaleId: id, loaded: false, positions: [] });
  });

  test('live book from EngineControl, short positions negative', async () => {
    const id = await create(hyperliquidWhale());
    h.control.whaleBooks.set(id, [
      { symbol: 'BTC/USDC:USDC', contracts: 0.5, entryPrice: 60000 },
      { symbol: 'ETH/USDC:USDC', contracts: -3, entryPrice: 2500 },
    ]);
    const reply = await h.call('GET', `/api/whales/${id}/positions`);
    expect(reply.body).toEqual({
      whaleId: id, loaded: true,
      positions: [{ symbol: 'BTC/USDC:USDC', contracts: 0.5, entryPrice: 60000 }, { symbol: 'ETH/USDC:USDC', contracts: -3, entryPrice: 2500 }],
    });
  });
});

test('a ticker map value must be a unified symbol', async () => {
  const reply = await h.call('POST', '/api/whales', { body: { ...tradingViewWhale(), tickerMap: { 'BTCUSDT.P': 'BTCUSDT' } } });
  expect([reply.status, reply.body.error]).toEqual([400, 'validation_failed']);
  const ok = await h.call('POST', '/api/whales', { body: { ...tradingViewWhale(), tickerMap: { 'BINANCE:PEPEUSDT.P': '1000PEPE/USDT:USDT', ETHPERP: 'ETH/USDC' } } });
  expect(ok.status).toBe(201);
});
