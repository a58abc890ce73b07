// Tests of /api/follows through app.handle on a real PGlite store: sizing modes and defaults,
// validation of sizing/caps/leverage/symbols, 404 and 409, filters, patch, delete and followChanged.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';
import { binanceFollower, hyperliquidFollower, hyperliquidWhale, tradingViewWhale } from '../testing/fixtures.test-support';

let h: ApiHarness;
let whaleId: string;
let otherWhaleId: string;
beforeAll(async () => {
  h = await openApiHarness();
  whaleId = (await h.call('POST', '/api/whales', { body: hyperliquidWhale() })).body.id;
  otherWhaleId = (await h.call('POST', '/api/whales', { body: tradingViewWhale() })).body.id;
});
afterAll(async () => { await h.close(); });

const newFollower = async () => (await h.call('POST', '/api/followers', { body: binanceFollower() })).body.id as string;
const follow = async (body: Record<string, unknown>) => {
  const reply = await h.call<{ id: string }>('POST', '/api/follows', { body });
  expect(reply.status).toBe(201);
  return reply.body.id;
};

describe('POST /api/follows', () => {
  test.each([
    { mode: 'proportional', k: 0.25 },
    { mode: 'equity', k: 3 },
    { mode: 'fixed_notional', usd: 150 },
  ])('sizing %o: stored with defaults, followChanged called', async (sizing) => {
    const followerId = await newFollower();
    h.control.take();
    const id = await follow({ whaleId, followerId, sizing });
    expect(h.control.take()).toEqual([['followChanged', id]]);
    expect((await h.call('GET', `/api/follows/${id}`)).body).toMatchObject({
      id, whaleId, followerId, sizing, caps: {}, leverage: { mode: 'copy' }, symbols: {}, existing: 'copy_now', state: 'active',
    });
  });

  test('every option given is stored as given', async () => {
    const followerId = (await h.call('POST', '/api/followers', { body: hyperliquidFollower() })).body.id;
    const body = {
      whaleId, followerId, sizing: { mode: 'equity', k: 1.5 },
      caps: { maxOrderNotional: 1000, maxPositionNotional: 5000, maxLeverage: 3 },
      leverage: { mode: 'fixed', value: 5 }, symbols: { allow: ['BTC/USDC:USDC', 'ETH'], deny: ['DOGE'] },
      existing: 'wait_next_change', state: 'reducing',
    };
    const id = await follow(body);
    const { createdAt, ...stored } = (await h.call('GET', `/api/follows/${id}`)).body;
    expect(stored).toEqual({ id, ...body });
    expect(Number.isNaN(Date.parse(createdAt))).toBe(false);
  });

  test('unknown whale or follower: 404 not_found naming it, nothing stored or announced', async () => {
    const followerId = await newFollower();
    h.control.take();
    const noWhale = await h.call('POST', '/api/follows', { body: { whaleId: 'ghost', followerId, sizing: { mode: 'equity', k: 1 } } });
    expect([noWhale.status, noWhale.body.error, noWhale.body.details]).toEqual([404, 'not_found', { entity: 'whale', id: 'ghost' }]);
    const noFollower = await h.call('POST', '/api/follows', { body: { whaleId, followerId: 'ghost', sizing: { mode: 'equity', k: 1 } } });
    expect([noFollower.status, noFollower.body.details]).toEqual([404, { entity: 'follower', id: 'ghost' }]);
    expect(await h.store.follows.list({ followerId })).toEqual([]);
    expect(h.control.take()).toEqual([]);
  });

  test('the same whale and follower twice: 409 follow_exists', async () => {
    const followerId = await newFollower();
    await follow({ whaleId, followerId, sizing: { mode: 'equity', k: 1 } });
    h.control.take();
    const reply = await h.call('POST', '/api/follows', { body: { whaleId, followerId, sizing: { mode: 'proportional', k: 2 } } });
    expect([reply.status, reply.body.error]).toEqual([409, 'follow_exists']);
    expect(h.control.take()).toEqual([]);
  });

  const base = () => ({ whaleId: 'w', followerId: 'f', sizing: { mode: 'equity', k: 1 } });
  const invalid: [string, Record<string, unknown>, string][] = [
    ['k zero', { ...base(), sizing: { mode: 'equity', k: 0 } }, '/sizing/k'],
    ['k negative', { ...base(), sizing: { mode: 'proportional', k: -1 } }, '/sizing/k'],
    ['k as a string', { ...base(), sizing: { mode: 'proportional', k: '1' } }, '/sizing/k'],
    ['usd missing', { ...base(), sizing: { mode: 'fixed_notional' } }, '/sizing/usd'],
    ['usd zero', { ...base(), sizing: { mode: 'fixed_notional', usd: 0 } }, '/sizing/usd'],
    ['k given to fixed_notional', { ...base(), sizing: { mode: 'fixed_notional', usd: 5, k: 1 } }, '/sizing/k'],
    ['unknown sizing mode', { ...base(), sizing: { mode: 'martingale', k: 2 } }, '/sizing/mode'],
    ['sizing missing', { whaleId: 'w', followerId: 'f' }, '/sizing'],
    ['negative cap', { ...base(), caps: { maxOrderNotional: -5 } }, '/caps/maxOrderNotional'],
    ['zero cap', { ...base(), caps: { maxLeverage: 0 } }, '/caps/maxLeverage'],
    ['unknown cap', { ...base(), caps: { maxDailyLoss: 5 } }, '/caps/maxDailyLoss'],
    ['fixed leverage 0', { ...base(), leverage: { mode: 'fixed', value: 0 } }, '/leverage/value'],
    ['fixed leverage not an integer', { ...base(), leverage: { mode: 'fixed', value: 2.5 } }, '/leverage/value'],
    ['copy leverage with a value', { ...base(), leverage: { mode: 'copy', value: 3 } }, '/leverage/value'],
    ['symbols.allow not a list', { ...base(), symbols: { allow: 'BTC' } }, '/symbols/allow'],
    ['existing unknown', { ...base(), existing: 'later' }, '/existing'],
    ['unknown field', { ...base(), note: 'x' }, '/note'],
    ['empty whaleId', { ...base(), whaleId: '' }, '/whaleId'],
  ];
  test.each(invalid)('400 validation_failed: %s', async (_case, body, path) => {
    const reply = await h.call('POST', '/api/follows', { body });
    expect([reply.status, reply.body.error]).toEqual([400, 'validation_failed']);
    expect(reply.body.details.map((d: { path: string }) => d.path)).toContain(path);
  });

  test('k overflowing to Infinity (1e400) is not finite: 400', async () => {
    const reply = await h.call('POST', '/api/follows', { rawBody: '{"whaleId":"w","followerId":"f","sizing":{"mode":"equity","k":1e400}}' });
    expect([reply.status, reply.body.error]).toEqual([400, 'validation_failed']);
    expect(reply.body.details[0].path).toBe('/sizing/k');
  });
});

describe('GET, PATCH, DELETE /api/follows', () => {
  test('list filters by whale, follower and state', async () => {
    const followerId = await newFollower();
    const a = await follow({ whaleId, followerId, sizing: { mode: 'equity', k: 1 } });
    const b = await follow({ whaleId: otherWhaleId, followerId, sizing: { mode: 'equity', k: 1 }, state: 'halted' });
    const ids = async (query: string) => (await h.call('GET', `/api/follows${query}`)).body.items.map((f: { id: string }) => f.id);
    expect(await ids(`?followerId=${followerId}`)).toEqual([a, b]);
    expect(await ids(`?followerId=${followerId}&whaleId=${otherWhaleId}`)).toEqual([b]);
    expect(await ids(`?followerId=${followerId}&state=active`)).toEqual([a]);
    expect((await ids('')).length).toBeGreaterThanOrEqual(2);
    const bad = await h.call('GET', '/api/follows?state=paused');
    expect([bad.status, bad.body.details[0].path]).toEqual([400, '/state']);
    expect((await h.call('GET', '/api/follows?color=red')).status).toBe(400);
  });

  test('PATCH sizing, caps and state; followChanged called; whaleId cannot change', async () => {
    const followerId = await newFollower();
    const id = await follow({ whaleId, followerId, sizing: { mode: 'equity', k: 1 } });
    h.control.take();
    const reply = await h.call('PATCH', `/api/follows/${id}`, { body: { sizing: { mode: 'fixed_notional', usd: 250 }, caps: { maxLeverage: 2 }, state: 'halted' } });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ sizing: { mode: 'fixed_notional', usd: 250 }, caps: { maxLeverage: 2 }, state: 'halted' });
    expect(await h.store.follows.get(id)).toMatchObject({ sizing: { mode: 'fixed_notional', usd: 250 }, state: 'halted' });
    expect(h.control.take()).toEqual([['followChanged', id]]);
    const moved = await h.call('PATCH', `/api/follows/${id}`, { body: { whaleId: otherWhaleId } });
    expect([moved.status, moved.body.details[0].path]).toEqual([400, '/whaleId']);
    expect((await h.call('PATCH', '/api/follows/ghost', { body: { state: 'active' } })).status).toBe(404);
    expect(h.control.take()).toEqual([]);
  });

  test('DELETE: 204, followRemoved, then 404', async () => {
    const followerId = await newFollower();
    const id = await follow({ whaleId, followerId, sizing: { mode: 'equity', k: 1 } });
    h.control.take();
    expect((await h.call('DELETE', `/api/follows/${id}`)).status).toBe(204);
    expect(h.control.take()).toEqual([['followRemoved', id]]);
    expect((await h.call('GET', `/api/follows/${id}`)).status).toBe(404);
    expect((await h.call('DELETE', `/api/follows/${id}`)).status).toBe(404);
  });
});
