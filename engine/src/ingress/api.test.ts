// Tests of the composed API through app.handle on a real PGlite store: authentication (admin, issued
// operator and follower tokens), follower scope limits on every route, health, unknown routes, malformed
// bodies, EngineControl failures, unexpected errors without stacks, and audit entries.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { openApiHarness, ADMIN_TOKEN, type ApiHarness } from './testing/api-harness.test-support';
import { binanceFollower, binanceWhale, hyperliquidFollower, hyperliquidWhale } from './testing/fixtures.test-support';

let h: ApiHarness;
let whaleId: string;
let ownFollowerId: string;
let otherFollowerId: string;
let ownFollowId: string;
let otherFollowId: string;
let followerToken: string;
let operatorToken: string;
let operatorTokenId: string;

beforeAll(async () => {
  h = await openApiHarness();
  whaleId = (await h.call('POST', '/api/whales', { body: hyperliquidWhale() })).body.id;
  ownFollowerId = (await h.call('POST', '/api/followers', { body: binanceFollower('own') })).body.id;
  otherFollowerId = (await h.call('POST', '/api/followers', { body: hyperliquidFollower('other') })).body.id;
  ownFollowId = (await h.call('POST', '/api/follows', { body: { whaleId, followerId: ownFollowerId, sizing: { mode: 'equity', k: 1 } } })).body.id;
  otherFollowId = (await h.call('POST', '/api/follows', { body: { whaleId, followerId: otherFollowerId, sizing: { mode: 'equity', k: 1 } } })).body.id;
  followerToken = (await h.store.tokens.issue({ scope: 'follower', followerId: ownFollowerId })).token;
  const operator = await h.store.tokens.issue({ scope: 'operator' });
  operatorToken = operator.token;
  operatorTokenId = operator.record.id;
  await h.store.orders.upsert([ownFollowerId, otherFollowerId].map((followerId, n) => ({
    clientOrderId: `wc-order-${n}`, followerId, whaleId, venue: 'binanceusdm' as const, symbol: 'BTC/USDT:USDT', side: 'buy' as const, amount: 1, status: 'filled' as const,
  })));
  await h.store.fills.insert([ownFollowerId, otherFollowerId].map((followerId, n) => ({
    clientOrderId: `wc-order-${n}`, followerId, venue: 'binanceusdm' as const, symbol: 'BTC/USDT:USDT', side: 'buy' as const, amount: 1, price: 1, fee: 0, venueTradeId: `trade-${n}`, ts: 1_700_000_000_000,
  })));
});
afterAll(async () => { await h.close(); });

describe('authentication', () => {
  const rejected: [string, string | null][] = [
    ['no Authorization header', null],
    ['a wrong token', 'not-the-admin-token-at-all'],
    ['the admin token with a suffix', `${ADMIN_TOKEN}x`],
    ['a prefix of the admin token', ADMIN_TOKEN.slice(0, -1)],
  ];
  test.each(rejected)('401 unauthorized JSON: %s', async (_case, token) => {
    const reply = await h.call('GET', '/api/whales', { token });
    expect([reply.status, reply.body.error]).toEqual([401, 'unauthorized']);
    expect(reply.contentType).toContain('application/json');
  });

  test.each(['Basic YWRtaW46cGFzcw==', 'Bearer', 'Bearer ', `Token ${ADMIN_TOKEN}`, `Bearer ${ADMIN_TOKEN} extra`])('401 for the header %p', async (header) => {
    const response = await h.api.handle(new Request('http://localhost/api/whales', { headers: { authorization: header } }));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('unauthorized');
  });

  test('the scheme is case-insensitive', async () => {
    const response = await h.api.handle(new Request('http://localhost/api/whales', { headers: { authorization: `bearer ${ADMIN_TOKEN}` } }));
    expect(response.status).toBe(200);
  });

  test('401 comes before body validation', async () => {
    const reply = await h.call('POST', '/api/whales', { token: null, body: { venue: 'nope' } });
    expect(reply.status).toBe(401);
  });

  test('an issued operator token works everywhere and is the audit actor', async () => {
    const created = await h.call('POST', '/api/whales', { token: operatorToken, body: binanceWhale('by-token') });
    expect(created.status).toBe(201);
    const [entry] = await h.store.audit.list({ target: created.body.id });
    expect(entry).toMatchObject({ actor: `token:${operatorTokenId}`, action: 'whale.create', detail: { kind: 'binanceusdm' } });
    expect((await h.call('GET', '/api/signals', { token: operatorToken })).status).toBe(200);
  });

  test('a revoked token is refused', async () => {
    const { token, record } = await h.store.tokens.issue({ scope: 'operator' });
    expect((await h.call('GET', '/api/whales', { token })).status).toBe(200);
    await h.store.tokens.revoke(record.id);
    expect((await h.call('GET', '/api/whales', { token })).status).toBe(401);
  });

  test('public routes need no token: /health/live and /openapi.json', async () => {
    const live = await h.call('GET', '/health/live', { token: null });
    expect(live.status).toBe(200);
    expect(live.body.status).toBe('live');
    expect(live.body.uptimeMs).toBeGreaterThanOrEqual(0);
    expect((await h.call('GET', '/openapi.json', { token: null })).status).toBe(200);
  });
});

describe('follower token scope', () => {
  const as = (method: string, path: string, body?: unknown) => h.call(method, path, { token: followerToken, body });

  test('403 forbidden on operator-only routes', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/whales'], ['POST', '/api/whales', hyperliquidWhale()], ['GET', `/api/whales/${whaleId}`],
      ['PATCH', `/api/whales/${whaleId}`, { name: 'x' }], ['DELETE', `/api/whales/${whaleId}`], ['GET', `/api/whales/${whaleId}/positions`],
      ['POST', '/api/followers', binanceFollower()], ['DELETE', `/api/followers/${ownFollowerId}`], ['GET', '/api/signals'],
    ];
    h.control.take();
    for (const [method, path, body] of routes) {
      const reply = await as(method, path, body);
      expect([method, path, reply.status, reply.body.error]).toEqual([method, path, 403, 'forbidden']);
    }
    expect(h.control.take().filter(([method]) => !method.endsWith('Positions'))).toEqual([]);
    expect(await h.store.whales.get(whaleId)).not.toBeNull();
  });

  test('403 on another follower, its follows, orders and fills', async () => {
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/followers/${otherFollowerId}`], ['PATCH', `/api/followers/${otherFollowerId}`, { name: 'x' }],
      ['GET', `/api/followers/${otherFollowerId}/positions`], ['GET', `/api/follows/${otherFollowId}`],
      ['PATCH', `/api/follows/${otherFollowId}`, { state: 'halted' }], ['DELETE', `/api/follows/${otherFollowId}`],
      ['POST', '/api/follows', { whaleId, followerId: otherFollowerId, sizing: { mode: 'equity', k: 1 } }],
      ['GET', `/api/follows?followerId=${otherFollowerId}`], ['GET', `/api/orders?followerId=${otherFollowerId}`],
      ['GET', `/api/fills?followerId=${otherFollowerId}`],
    ];
    for (const [method, path, body] of routes) {
      const reply = await as(method, path, body);
      expect([method, path, reply.status]).toEqual([method, path, 403]);
    }
    expect((await h.store.follows.get(otherFollowId))?.state).toBe('active');
  });

  test('lists are limited to its own follower', async () => {
    expect((await as('GET', '/api/followers')).body.items.map((f: { id: string }) => f.id)).toEqual([ownFollowerId]);
    expect((await as('GET', '/api/follows')).body.items.map((f: { id: string }) => f.id)).toEqual([ownFollowId]);
    expect((await as('GET', '/api/orders')).body.items.map((o: { followerId: string }) => o.followerId)).toEqual([ownFollowerId]);
    expect((await as('GET', '/api/fills')).body.items.map((f: { followerId: string }) => f.followerId)).toEqual([ownFollowerId]);
    expect((await as('GET', `/api/orders?followerId=${ownFollowerId}`)).status).toBe(200);
  });

  test('reads and changes its own data', async () => {
    expect((await as('GET', `/api/followers/${ownFollowerId}`)).status).toBe(200);
    expect((await as('GET', `/api/followers/${ownFollowerId}/positions`)).status).toBe(200);
    h.control.take();
    expect((await as('PATCH', `/api/followers/${ownFollowerId}`, { name: 'own-renamed' })).body.name).toBe('own-renamed');
    expect((await as('PATCH', `/api/follows/${ownFollowId}`, { sizing: { mode: 'proportional', k: 0.5 } })).body.sizing).toEqual({ mode: 'proportional', k: 0.5 });
    expect(h.control.take()).toEqual([['followerAdded', ownFollowerId], ['followChanged', ownFollowId]]);
    const secondWhale = (await h.call('POST', '/api/whales', { body: hyperliquidWhale(`0x${'7'.repeat(40)}`) })).body.id;
    const created = await as('POST', '/api/follows', { whaleId: secondWhale, followerId: ownFollowerId, sizing: { mode: 'fixed_notional', usd: 20 } });
    expect(created.status).toBe(201);
    expect((await h.store.audit.list({ target: created.body.id }))[0]?.actor).toMatch(/^token:/);
    expect((await as('DELETE', `/api/follows/${created.body.id}`)).status).toBe(204);
  });
});

test('a follower token can halt its own follower and follow but not lift a halt', async () => {
  const as = (method: string, path: string, body?: unknown) => h.call(method, path, { token: followerToken, body });
  expect((await as('PATCH', `/api/follows/${ownFollowId}`, { state: 'halted' })).body.state).toBe('halted');
  const resume = await as('PATCH', `/api/follows/${ownFollowId}`, { state: 'active' });
  expect([resume.status, resume.body.error]).toEqual([403, 'forbidden']);
  expect((await h.store.follows.get(ownFollowId))?.state).toBe('halted');
  expect((await as('PATCH', `/api/followers/${ownFollowerId}`, { state: 'reducing' })).status).toBe(200);
  expect((await as('PATCH', `/api/followers/${ownFollowerId}`, { state: 'active' })).status).toBe(403);
  expect((await h.call('PATCH', `/api/followers/${ownFollowerId}`, { body: { state: 'active' } })).body.state).toBe('active');
  expect((await h.call('PATCH', `/api/follows/${ownFollowId}`, { body: { state: 'active' } })).body.state).toBe('active');
});

describe('errors', () => {
  test('unknown route: 404 JSON not_found', async () => {
    const reply = await h.call('GET', '/api/nothing-here');
    expect([reply.status, reply.body.error]).toEqual([404, 'not_found']);
  });

  test('malformed JSON: 400 malformed_body', async () => {
    const reply = await h.call('POST', '/api/whales', { rawBody: '{"venue": "hyperliquid",' });
    expect([reply.status, reply.body.error]).toEqual([400, 'malformed_body']);
  });

  test('EngineControl failure after the store write: 500 engine_apply_failed, record kept', async () => {
    h.control.failing = 'whaleAdded';
    try {
      const reply = await h.call('POST', '/api/whales', { body: hyperliquidWhale(`0x${'5'.repeat(40)}`) });
      expect([reply.status, reply.body.error]).toEqual([500, 'engine_apply_failed']);
      const { entity, id, action } = reply.body.details;
      expect([entity, action]).toEqual(['whale', 'whaleAdded']);
      expect((await h.call('GET', `/api/whales/${id}`)).status).toBe(200);
    } finally {
      h.control.failing = undefined;
    }
  });
});

test('an unexpected error is a 500 {error: internal} without a stack, and is reported', async () => {
  const broken = await openApiHarness();
  await broken.store.close();
  const reply = await broken.call('GET', '/api/whales');
  expect(reply.status).toBe(500);
  expect(reply.body).toEqual({ error: 'internal', message: 'internal error' });
  expect(reply.text).not.toContain(' at ');
  expect(broken.reported.length).toBe(1);
});
