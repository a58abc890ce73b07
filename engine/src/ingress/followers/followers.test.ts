// Tests of /api/followers through app.handle on a real PGlite store: create per venue, validation,
// list/get/patch/delete, credential rotation, EngineControl notifications and live positions.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { WalletCredentials } from '../../store';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';
import { binanceFollower, HL_FOLLOWER_ADDRESS, hyperliquidFollower, hyperliquidWhale, SECRETS } from '../testing/fixtures.test-support';

let h: ApiHarness;
beforeAll(async () => { h = await openApiHarness(); });
afterAll(async () => { await h.close(); });

const create = async (body: unknown) => {
  const reply = await h.call<{ id: string }>('POST', '/api/followers', { body });
  expect(reply.status).toBe(201);
  return reply.body.id;
};

describe('POST /api/followers', () => {
  test('binanceusdm: api key sealed, no address, followerAdded called', async () => {
    h.control.take();
    const id = await create(binanceFollower());
    expect(h.control.take()).toEqual([['followerAdded', id]]);
    expect((await h.call('GET', `/api/followers/${id}`)).body).toMatchObject({ id, name: 'alice', venue: 'binanceusdm', address: null, state: 'active', lastError: null });
    const stored = await h.store.followers.credentials(id);
    expect(stored.kind === 'apiKey' && [stored.apiKey, stored.secret]).toEqual([SECRETS.followerApiKey, SECRETS.followerSecret]);
  });

  test('hyperliquid: wallet sealed, lower-cased address public, initial state honoured', async () => {
    const id = await create({ ...hyperliquidFollower(), state: 'halted' });
    expect((await h.call('GET', `/api/followers/${id}`)).body).toMatchObject({ venue: 'hyperliquid', address: HL_FOLLOWER_ADDRESS.toLowerCase(), state: 'halted' });
    const stored = await h.store.followers.credentials(id);
    expect(stored instanceof WalletCredentials && stored.privateKey).toBe(SECRETS.followerPrivateKey);
  });

  const invalid: [string, unknown, string][] = [
    ['private key too short', { ...hyperliquidFollower(), privateKey: '0xabc' }, '/privateKey'],
    ['private key without 0x', { ...hyperliquidFollower(), privateKey: 'ab'.repeat(32) }, '/privateKey'],
    ['address not hex', { ...hyperliquidFollower(), address: `0x${'z'.repeat(40)}` }, '/address'],
    ['hyperliquid without private key', { name: 'x', venue: 'hyperliquid', address: HL_FOLLOWER_ADDRESS }, '/privateKey'],
    ['binanceusdm with a private key', { ...binanceFollower(), privateKey: SECRETS.followerPrivateKey }, '/privateKey'],
    ['missing name', { venue: 'binanceusdm', apiKey: 'a', secret: 'b' }, '/name'],
    ['empty name', { ...binanceFollower(), name: '' }, '/name'],
    ['tradingview is not a follower venue', { ...binanceFollower(), venue: 'tradingview' }, '/venue'],
    ['bad state', { ...binanceFollower(), state: 'on' }, '/state'],
    ['secret with whitespace', { ...binanceFollower(), secret: 'has space' }, '/secret'],
  ];
  test.each(invalid)('400 validation_failed: %s', async (_case, body, path) => {
    h.control.take();
    const reply = await h.call('POST', '/api/followers', { body });
    expect([reply.status, reply.body.error]).toEqual([400, 'validation_failed']);
    expect(reply.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(h.control.take()).toEqual([]);
  });
});

describe('GET, PATCH, DELETE /api/followers', () => {
  test('list has every follower with public fields only', async () => {
    const id = await create(binanceFollower('listed'));
    const reply = await h.call('GET', '/api/followers');
    const listed = reply.body.items.find((f: { id: string }) => f.id === id);
    expect(Object.keys(listed).sort()).toEqual(['address', 'createdAt', 'id', 'lastError', 'name', 'state', 'venue']);
  });

  test('unknown id: 404 on get, patch, delete, positions', async () => {
    for (const [method, path, body] of [
      ['GET', '/api/followers/none'], ['PATCH', '/api/followers/none', { name: 'x' }], ['DELETE', '/api/followers/none'], ['GET', '/api/followers/none/positions'],
    ] as const) {
      const reply = await h.call(method, path, { body });
      expect([method, reply.status, reply.body.error]).toEqual([method, 404, 'not_found']);
    }
  });

  test('PATCH rename, state and binanceusdm credentials; followerAdded called', async () => {
    const id = await create(binanceFollower());
    h.control.take();
    const reply = await h.call('PATCH', `/api/followers/${id}`, { body: { name: 'alice-2', state: 'reducing', apiKey: 'ROT-KEY', secret: 'ROT-SECRET' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ id, name: 'alice-2', state: 'reducing' });
    const stored = await h.store.followers.credentials(id);
    expect(stored.kind === 'apiKey' && [stored.apiKey, stored.secret]).toEqual(['ROT-KEY', 'ROT-SECRET']);
    expect(h.control.take()).toEqual([['followerAdded', id]]);
  });

  test('PATCH hyperliquid wallet replaces address and key', async () => {
    const id = await create(hyperliquidFollower());
    const address = `0x${'9'.repeat(40)}`;
    const reply = await h.call('PATCH', `/api/followers/${id}`, { body: { address, privateKey: `0x${'1'.repeat(64)}` } });
    expect(reply.body.address).toBe(address);
    const stored = await h.store.followers.credentials(id);
    expect(stored instanceof WalletCredentials && [stored.address, stored.privateKey]).toEqual([address, `0x${'1'.repeat(64)}`]);
  });

  const misfits: [string, () => unknown, unknown, string, string][] = [
    ['apiKey alone', binanceFollower, { apiKey: 'K' }, 'invalid_request', '/secret'],
    ['wallet fields on binanceusdm', binanceFollower, { address: HL_FOLLOWER_ADDRESS, privateKey: SECRETS.followerPrivateKey }, 'invalid_request', '/address'],
    ['privateKey alone', hyperliquidFollower, { privateKey: SECRETS.followerPrivateKey }, 'invalid_request', '/address'],
    ['api key on hyperliquid', hyperliquidFollower, { apiKey: 'K', secret: 'S' }, 'invalid_request', '/apiKey'],
    ['venue cannot change', binanceFollower, { venue: 'hyperliquid' }, 'validation_failed', '/venue'],
    ['empty patch', binanceFollower, {}, 'validation_failed', ''],
  ];
  test.each(misfits)('PATCH 400: %s', async (_case, body, patch, code, path) => {
    const id = await create(body());
    h.control.take();
    const reply = await h.call('PATCH', `/api/followers/${id}`, { body: patch });
    expect([reply.status, reply.body.error]).toEqual([400, code]);
    expect(reply.body.details.map((d: { path: string }) => d.path)).toContain(path);
    expect(h.control.take()).toEqual([]);
  });

  test('DELETE cascades follows and tokens; followRemoved for each, then followerRemoved', async () => {
    const followerId = await create(binanceFollower());
    const { token } = await h.store.tokens.issue({ scope: 'follower', followerId });
    const whaleId = (await h.call('POST', '/api/whales', { body: hyperliquidWhale() })).body.id;
    const followId = (await h.call('POST', '/api/follows', { body: { whaleId, followerId, sizing: { mode: 'equity', k: 1 } } })).body.id;
    h.control.take();
    const reply = await h.call('DELETE', `/api/followers/${followerId}`);
    expect(reply.status).toBe(204);
    expect(h.control.take()).toEqual([['followRemoved', followId], ['followerRemoved', followerId]]);
    expect(await h.store.follows.get(followId)).toBeNull();
    expect(await h.store.tokens.verify(token)).toBeNull();
    expect((await h.call('GET', `/api/followers/${followerId}`)).status).toBe(404);
  });
});

describe('GET /api/followers/:id/positions', () => {
  test('not run by the engine: loaded false', async () => {
    const id = await create(binanceFollower());
    expect((await h.call('GET', `/api/followers/${id}/positions`)).body).toEqual({ followerId: id, loaded: false, positions: [] });
  });

  test('target, actual and in-flight from EngineControl', async () => {
    const id = await create(binanceFollower());
    h.control.followerBooks.set(id, [{ symbol: 'BTC/USDT:USDT', target: 0.02, actual: 0.015, inFlight: 0.005 }, { symbol: 'ETH/USDT:USDT', target: -1.5, actual: 0, inFlight: -1.5 }]);
    const reply = await h.call('GET', `/api/followers/${id}/positions`);
    expect(reply.body).toEqual({
      followerId: id, loaded: true,
      positions: [{ symbol: 'BTC/USDT:USDT', target: 0.02, actual: 0.015, inFlight: 0.005 }, { symbol: 'ETH/USDT:USDT', target: -1.5, actual: 0, inFlight: -1.5 }],
    });
  });
});
