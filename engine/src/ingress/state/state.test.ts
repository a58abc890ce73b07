// Tests of POST/GET /api/state on a real PGlite store and in-process bus: each scope persisted and
// applied, the live event and the control-stream command, flatten, follower-token limits, the engine
// state restored from the audit log.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { decodeControl } from '../../bus';
import { openApiHarness, type ApiHarness } from '../testing/api-harness.test-support';
import { binanceFollower, hyperliquidWhale } from '../testing/fixtures.test-support';
import { persistedEngineState } from './service';

let h: ApiHarness;
let whaleId: string;
let followerId: string;
let otherFollowerId: string;
let followerToken: string;
beforeAll(async () => {
  h = await openApiHarness();
  whaleId = (await h.call('POST', '/api/whales', { body: hyperliquidWhale() })).body.id;
  followerId = (await h.call('POST', '/api/followers', { body: binanceFollower('own') })).body.id;
  otherFollowerId = (await h.call('POST', '/api/followers', { body: binanceFollower('other') })).body.id;
  followerToken = (await h.store.tokens.issue({ scope: 'follower', followerId })).token;
}, 30_000);
afterAll(async () => { await h.close(); }, 30_000);

describe('POST /api/state', () => {
  test('engine halted: applied, evented, announced on the control stream, audited and restorable', async () => {
    const events = h.events.subscribe();
    const control: unknown[] = [];
    const subscription = h.bus.subscribeControl(async (entry) => { control.push(decodeControl(entry.bytes)); });
    await subscription.ready;
    h.control.take();
    const reply = await h.call('POST', '/api/state', { body: { scope: 'engine', state: 'halted' } });
    expect([reply.status, reply.body]).toEqual([200, { scope: 'engine', id: null, state: 'halted', flattened: 0 }]);
    expect(h.control.take()).toEqual([['setTradingState', '', 'engine', 'halted']]);
    expect(events.take()).toMatchObject({ type: 'state', scope: 'engine', id: '', state: 'halted' });
    await Bun.sleep(50);
    expect(control).toEqual([{ kind: 'trading_state_change', scope: 'engine', id: '', state: 'halted', flatten: false }]);
    await subscription.stop();
    events.close();
    expect(await persistedEngineState(h.store.audit)).toBe('halted');
    expect((await h.call('GET', '/api/state')).body.engine).toBe('halted');
    await h.call('POST', '/api/state', { body: { scope: 'engine', state: 'active' } });
    expect(await persistedEngineState(h.store.audit)).toBe('active');
  });

  test('whale reducing: stored on the whale, applied, audited with the actor', async () => {
    const reply = await h.call('POST', '/api/state', { body: { scope: 'whale', id: whaleId, state: 'reducing' } });
    expect(reply.body).toEqual({ scope: 'whale', id: whaleId, state: 'reducing', flattened: 0 });
    expect((await h.store.whales.get(whaleId))?.state).toBe('reducing');
    expect(h.control.tradingState('whale', whaleId)).toBe('reducing');
    const [entry] = await h.store.audit.list({ target: whaleId, limit: 1 });
    expect(entry).toMatchObject({ actor: 'admin', action: 'state.set', detail: { scope: 'whale', state: 'reducing', flatten: false } });
    expect((await h.call('GET', '/api/state')).body.whales[whaleId]).toBe('reducing');
  });

  test('flatten: the engine closes the scope and the count is returned and audited', async () => {
    h.control.flattenResult = 3;
    h.control.take();
    const reply = await h.call('POST', '/api/state', { body: { scope: 'follower', id: followerId, state: 'reducing', flatten: true } });
    expect(reply.body).toEqual({ scope: 'follower', id: followerId, state: 'reducing', flattened: 3 });
    expect(h.control.take()).toEqual([['setTradingState', followerId, 'follower', 'reducing'], ['flatten', followerId, 'follower']]);
    expect((await h.store.followers.get(followerId))?.state).toBe('reducing');
    expect((await h.store.audit.list({ target: followerId, limit: 1 }))[0]).toMatchObject({ action: 'state.flatten', detail: { orders: 3 } });
  });

  test('a failing flatten is a 500 engine_apply_failed; the state change stands', async () => {
    h.control.failing = 'flatten';
    try {
      const reply = await h.call('POST', '/api/state', { body: { scope: 'whale', id: whaleId, state: 'halted', flatten: true } });
      expect([reply.status, reply.body.error]).toEqual([500, 'engine_apply_failed']);
      expect((await h.store.whales.get(whaleId))?.state).toBe('halted');
    } finally {
      h.control.failing = undefined;
    }
  });

  const invalid: [string, unknown, number, string][] = [
    ['flatten with active', { scope: 'engine', state: 'active', flatten: true }, 400, 'invalid_request'],
    ['whale without id', { scope: 'whale', state: 'halted' }, 400, 'invalid_request'],
    ['unknown whale', { scope: 'whale', id: 'nope', state: 'halted' }, 404, 'not_found'],
    ['unknown follower', { scope: 'follower', id: 'nope', state: 'halted' }, 404, 'not_found'],
    ['unknown scope', { scope: 'follow', id: 'x', state: 'halted' }, 400, 'validation_failed'],
    ['unknown state', { scope: 'engine', state: 'paused' }, 400, 'validation_failed'],
    ['extra field', { scope: 'engine', state: 'halted', why: 'x' }, 400, 'validation_failed'],
  ];
  test.each(invalid)('%s -> %d %s', async (_case, body, status, code) => {
    h.control.take();
    const reply = await h.call('POST', '/api/state', { body });
    expect([reply.status, reply.body.error]).toEqual([status, code]);
    expect(h.control.take().filter(([m]) => m === 'setTradingState' || m === 'flatten')).toEqual([]);
  });
});

describe('follower tokens', () => {
  const as = (body: unknown) => h.call('POST', '/api/state', { token: followerToken, body });

  test('may halt and flatten its own follower, not lift a halt, not touch others, the engine or whales', async () => {
    await h.call('POST', '/api/state', { body: { scope: 'follower', id: followerId, state: 'active' } });
    expect((await as({ scope: 'follower', id: followerId, state: 'halted', flatten: true })).status).toBe(200);
    expect((await as({ scope: 'follower', id: followerId, state: 'active' })).status).toBe(403);
    expect((await as({ scope: 'follower', id: otherFollowerId, state: 'halted' })).status).toBe(403);
    expect((await as({ scope: 'engine', state: 'halted' })).status).toBe(403);
    expect((await as({ scope: 'whale', id: whaleId, state: 'active' })).status).toBe(403);
    expect((await h.store.followers.get(otherFollowerId))?.state).toBe('active');
  });

  test('GET /api/state shows the engine and itself only', async () => {
    const reply = await h.call('GET', '/api/state', { token: followerToken });
    expect(reply.body).toEqual({ engine: 'active', whales: {}, followers: { [followerId]: 'halted' } });
  });
});
