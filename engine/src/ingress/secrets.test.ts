// No secret (apiKey, secret, privateKey, TradingView secret) ever appears in a response body of any
// route, valid or rejected, nor in the audit log or in errors given to reportError.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { openApiHarness, type ApiHarness } from './testing/api-harness.test-support';
import { binanceFollower, binanceWhale, hyperliquidFollower, hyperliquidWhale, SECRETS, tradingViewWhale } from './testing/fixtures.test-support';

let h: ApiHarness;
beforeAll(async () => { h = await openApiHarness(); });
afterAll(async () => { await h.close(); });

const ROTATED = { apiKey: 'ROTATED-APIKEY-e1e2e3', secret: 'ROTATED-SECRET-f4f5f6', tv: 'ROTATED-TV-SECRET-a7a8a9b0', privateKey: `0x${'ed'.repeat(32)}` };
const ALL_SECRETS = [...Object.values(SECRETS), ...Object.values(ROTATED)];

test('every route, valid and rejected requests: no response contains a secret', async () => {
  const { call } = h;
  const lead = (await call('POST', '/api/whales', { body: binanceWhale() })).body.id;
  const hl = (await call('POST', '/api/whales', { body: hyperliquidWhale() })).body.id;
  const tv = (await call('POST', '/api/whales', { body: tradingViewWhale() })).body.id;
  const alice = (await call('POST', '/api/followers', { body: binanceFollower() })).body.id;
  const bob = (await call('POST', '/api/followers', { body: hyperliquidFollower() })).body.id;
  const follow = (await call('POST', '/api/follows', { body: { whaleId: lead, followerId: alice, sizing: { mode: 'equity', k: 1 } } })).body.id;
  // Rejected bodies that carry secrets next to the mistake.
  const rejected: [string, string, unknown][] = [
    ['POST', '/api/whales', { ...binanceWhale(), extra: true }],
    ['POST', '/api/whales', { ...binanceWhale(), venue: 'bybit' }],
    ['POST', '/api/whales', { ...binanceWhale(), apiKey: `${SECRETS.whaleApiKey} with spaces` }],
    ['POST', '/api/whales', { ...tradingViewWhale(), name: '' }],
    ['POST', '/api/whales', { ...tradingViewWhale(), secret: `${SECRETS.tradingViewSecret} x` }],
    ['POST', '/api/followers', { ...binanceFollower(), name: 7 }],
    ['POST', '/api/followers', { ...hyperliquidFollower(), privateKey: `${SECRETS.followerPrivateKey}00` }],
    ['POST', '/api/followers', { ...hyperliquidFollower(), venue: 'binanceusdm' }],
    ['PATCH', `/api/whales/${lead}`, { apiKey: ROTATED.apiKey }],
    ['PATCH', `/api/whales/${hl}`, { apiKey: ROTATED.apiKey, secret: ROTATED.secret }],
    ['PATCH', `/api/whales/${tv}`, { secret: ROTATED.secret.slice(0, 10) }],
    ['PATCH', `/api/followers/${alice}`, { privateKey: ROTATED.privateKey }],
    ['PATCH', `/api/followers/${bob}`, { apiKey: ROTATED.apiKey, secret: ROTATED.secret }],
    ['PATCH', `/api/followers/${bob}`, { privateKey: ROTATED.privateKey, extra: SECRETS.followerSecret }],
  ];
  for (const [method, path, body] of rejected) expect((await call(method, path, { body })).status).toBe(400);
  expect((await call('POST', '/api/whales', { token: 'wrong-token-xxxxxxxx', body: binanceWhale() })).status).toBe(401);
  // Accepted rotations.
  expect((await call('PATCH', `/api/whales/${lead}`, { body: { apiKey: ROTATED.apiKey, secret: ROTATED.secret } })).status).toBe(200);
  expect((await call('PATCH', `/api/whales/${tv}`, { body: { secret: ROTATED.tv } })).status).toBe(200);
  expect((await call('PATCH', `/api/followers/${alice}`, { body: { apiKey: ROTATED.apiKey, secret: ROTATED.secret } })).status).toBe(200);
  expect((await call('PATCH', `/api/followers/${bob}`, { body: { address: `0x${'3'.repeat(40)}`, privateKey: ROTATED.privateKey } })).status).toBe(200);
  // Every read route.
  for (const path of [
    '/api/whales', `/api/whales/${lead}`, `/api/whales/${tv}`, `/api/whales/${lead}/positions`, '/api/followers', `/api/followers/${alice}`,
    `/api/followers/${bob}`, `/api/followers/${alice}/positions`, '/api/follows', `/api/follows/${follow}`, '/api/orders', '/api/fills',
    '/api/signals', '/health/live', '/openapi.json',
  ]) expect((await call('GET', path)).status).toBe(200);
  expect((await call('DELETE', `/api/follows/${follow}`)).status).toBe(204);
  expect((await call('DELETE', `/api/followers/${bob}`)).status).toBe(204);
  expect((await call('DELETE', `/api/whales/${tv}`)).status).toBe(204);

  expect(h.responses.length).toBeGreaterThan(40);
  const leaks = h.responses.flatMap((text, index) => ALL_SECRETS.filter((secret) => text.includes(secret)).map((secret) => `${index}: ${secret}`));
  expect(leaks).toEqual([]);
  const audit = JSON.stringify(await h.store.audit.list({ limit: 500 }));
  expect(ALL_SECRETS.filter((secret) => audit.includes(secret))).toEqual([]);
  expect(h.reported).toEqual([]);
  // The secrets did reach the store (sealed), so the check above is not vacuous.
  expect((await h.store.whales.credentials(lead))?.secret).toBe(ROTATED.secret);
});
