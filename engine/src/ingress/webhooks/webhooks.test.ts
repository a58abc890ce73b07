// POST /webhooks/tradingview through app.handle with a real ingress, copy engine, books, in-process bus
// and PGlite store: position sequences, replays, stale alerts, every refusal (nothing emitted), source
// checks, secret rotation, journal reasons without secrets, and a restart rebuilt from the journal.
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'bun:test';
import { TradingViewIngress, parseAllowlist } from '../../webhooks';
import { ADMIN_TOKEN } from '../testing/api-harness.test-support';
import { TV_SECRET, openWebhookHarness, type WebhookHarness } from '../testing/webhook-harness.test-support';

const BTC_BN = 'BTC/USDT:USDT';
const BTC_HL = 'BTC/USDC:USDC';
let h: WebhookHarness;
beforeAll(async () => { h = await openWebhookHarness(); }, 30_000);
afterAll(async () => { await h.close(); }, 30_000);

const inFlight = (follower: string, symbol: string) => h.followers.inFlight(follower, symbol);
const position = (side: 'long' | 'short' | 'flat', size: string, orderId: string) => ({ market_position: side, position_size: size, order_id: orderId });

describe('a strategy moves its followers', () => {
  test('long, add, reduce, flat, flip to short: each alert sets the whale position; followers get the difference', async () => {
    const steps: [ReturnType<typeof position>, number][] = [
      [position('long', '0.5', 'L1'), 0.5], [position('long', '1.25', 'L2'), 1.25], [position('long', '0.25', 'TP'), 0.25],
      [position('flat', '0', 'Close'), 0], [position('short', '1.5', 'S1'), -1.5], [position('short', '-2', 'S2'), -2],
    ];
    for (const [fields, contracts] of steps) {
      h.clock.advance(1000);
      const reply = await h.post(h.alert(fields));
      expect(reply.status).toBe(200);
      expect(reply.body).toMatchObject({ accepted: true, whaleId: h.strategyId, symbol: BTC_BN, contracts });
      expect(h.whales.contracts(h.strategyId, BTC_BN)).toBe(contracts);
      expect(inFlight('f-bn', BTC_BN)).toBeCloseTo(contracts, 9);
      expect(inFlight('f-hl', BTC_HL)).toBeCloseTo(contracts * 0.1, 9);
    }
    const signals = (await h.batches()).flatMap((b) => b.signals).filter((s) => s.followerId === 'f-bn');
    // The flip from flat to short is one order; long 0.25 -> flat is a reduce-only close.
    expect(signals.map((s) => [s.side, s.amount, s.reduceOnly])).toEqual([
      ['buy', '0.500', false], ['buy', '0.750', false], ['sell', '1.000', true], ['sell', '0.250', true], ['sell', '1.500', false], ['sell', '0.500', false],
    ]);
  });

  test('text/plain holding JSON is accepted; the whale book keeps other symbols', async () => {
    h.clock.advance(1000);
    const reply = await h.post(JSON.stringify(h.alert({ ticker: 'ETHPERP', ...position('long', '3', 'E1'), price: '3000' })), { contentType: 'text/plain; charset=utf-8' });
    expect([reply.status, reply.body.symbol]).toEqual([200, 'ETH/USDT:USDT']);
    expect([h.whales.contracts(h.strategyId, 'ETH/USDT:USDT'), h.whales.contracts(h.strategyId, BTC_BN)]).toEqual([3, -2]);
    expect(h.whales.position(h.strategyId, 'ETH/USDT:USDT')).toMatchObject({ entryPrice: 3000, markPrice: 3000 });
  });

  test('a replay answers 200 {duplicate} and emits nothing; an explicit id dedupes different bodies', async () => {
    h.clock.advance(1000);
    const alert = h.alert(position('long', '1', 'R1'));
    expect((await h.post(alert)).body.accepted).toBe(true);
    const before = h.emitted;
    const replay = await h.post(alert);
    expect([replay.status, replay.body]).toEqual([200, { accepted: false, duplicate: true }]);
    h.clock.advance(1000);
    expect((await h.post(h.alert({ id: 'alert-7', ...position('long', '2', 'R2') }))).body.accepted).toBe(true);
    const same = await h.post(h.alert({ id: 'alert-7', ...position('long', '5', 'R3') }));
    expect(same.body.duplicate).toBe(true);
    expect(h.whales.contracts(h.strategyId, BTC_BN)).toBe(2);
    expect(h.emitted - before).toBe(2); // the id-7 alert's two followers only
  });

  test('an older alert after a newer one is stale: 200 {stale}, the newer position stays', async () => {
    h.clock.advance(5000);
    const newer = h.alert(position('long', '4', 'N1'));
    const older = h.alert({ ...position('long', '9', 'O1'), time: new Date(h.clock.nowMs() - 2000).toISOString() });
    expect((await h.post(newer)).status).toBe(200);
    const before = h.emitted;
    const reply = await h.post(older);
    expect([reply.status, reply.body]).toEqual([200, { accepted: false, stale: true, symbol: BTC_BN }]);
    expect([h.whales.contracts(h.strategyId, BTC_BN), h.emitted]).toEqual([4, before]);
  });

  test('two dozen alerts at once: every one answered, the last time wins', async () => {
    h.clock.advance(1000);
    const base = h.clock.nowMs();
    const alerts = Array.from({ length: 24 }, (_, i) => h.alert({ ...position('long', String(i + 1), `C${i}`), time: new Date(base + i).toISOString() }));
    const replies = await Promise.all(alerts.map((a) => h.post(a)));
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(h.whales.contracts(h.strategyId, BTC_BN)).toBe(24);
    expect(inFlight('f-bn', BTC_BN)).toBeCloseTo(24, 9);
  });
});

describe('refused alerts: a 4xx with a clear JSON error, nothing emitted, the book unchanged', () => {
  const cases: [string, () => string | Record<string, unknown>, number, string][] = [
    ['invalid JSON', () => '{"strategy": ', 400, 'malformed_body'],
    ['unreplaced placeholder', () => h.alert({ position_size: '{{strategy.position_size}}' }), 400, 'unreplaced_placeholder'],
    ['NaN size', () => h.alert({ position_size: 'NaN' }), 400, 'invalid_field'],
    ['negative order contracts', () => h.alert({ contracts: '-3' }), 400, 'invalid_field'],
    ['absurd size', () => h.alert({ position_size: '1e12' }), 400, 'invalid_field'],
    ['long with a negative size', () => h.alert({ position_size: '-1' }), 400, 'inconsistent_position'],
    ['unknown strategy', () => h.alert({ strategy: 'no-such-strategy' }), 401, 'unauthorized'],
    ['wrong secret', () => h.alert({ secret: 'wrong-secret-0123456789' }), 401, 'unauthorized'],
    ['unknown ticker', () => h.alert({ ticker: 'NASDAQ:AAPL' }), 422, 'unknown_ticker'],
    ['a base no venue lists', () => h.alert({ ticker: 'BINANCE:SOLUSDT.P' }), 422, 'unknown_ticker'],
    ['too old', () => h.alert({ time: new Date(h.clock.nowMs() - 61_000).toISOString() }), 422, 'alert_too_old'],
    ['from the future', () => h.alert({ time: new Date(h.clock.nowMs() + 31_000).toISOString() }), 422, 'alert_from_future'],
    ['too large', () => h.alert({ pad: 'x'.repeat(5000) }), 413, 'payload_too_large'],
    ['empty body', () => '', 400, 'malformed_body'],
  ];
  test.each(cases)('%s -> %d %s', async (_case, body, status, code) => {
    h.clock.advance(1000);
    const before = { emitted: h.emitted, book: h.whales.contracts(h.strategyId, BTC_BN), seq: h.whales.lastSeq(h.strategyId) };
    const reply = await h.post(body());
    expect([reply.status, reply.body.error]).toEqual([status, code]);
    expect(typeof reply.body.message).toBe('string');
    expect(reply.text).not.toContain(TV_SECRET);
    expect({ emitted: h.emitted, book: h.whales.contracts(h.strategyId, BTC_BN), seq: h.whales.lastSeq(h.strategyId) }).toEqual(before);
  });

  test('unknown strategy and wrong secret answer alike (no strategy enumeration)', async () => {
    const unknown = await h.post(h.alert({ strategy: 'no-such-strategy' }));
    const wrong = await h.post(h.alert({ secret: 'wrong-secret-0123456789' }));
    expect(unknown.text).toBe(wrong.text);
  });
});

describe('journal', () => {
  test('every request is journaled with its reason; no journaled body holds the secret', async () => {
    await h.ingress.flushJournal();
    const rows = await h.store.webhooks.list({ limit: 500 });
    const reasons = new Set(rows.map((r) => (r.reason ?? '').split(' ')[0]));
    expect(rows.filter((r) => r.accepted).every((r) => /^applied seq \d+$/.test(r.reason ?? ''))).toBe(true);
    for (const reason of ['applied', 'duplicate', 'stale:', 'unknown_strategy', 'wrong_secret', 'malformed_body', 'unreplaced_placeholder', 'unknown_ticker', 'alert_too_old', 'payload_too_large']) {
      expect([reason, reasons.has(reason)]).toEqual([reason, true]);
    }
    expect(rows.filter((r) => r.body.includes(TV_SECRET))).toEqual([]);
    const wrong = rows.find((r) => r.reason === 'wrong_secret')!;
    expect(JSON.parse(wrong.body).secret).toBe('[redacted]');
    expect(rows.find((r) => r.reason === 'unreplaced_placeholder position_size')?.strategy).toBe(h.strategyId);
  });
});

describe('strategy changes through the API', () => {
  const call = (method: string, path: string, body?: unknown) => h.api.handle(new Request(`http://localhost${path}`, {
    method, headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  }));

  test('a rotated secret takes effect at once; the old one is refused', async () => {
    h.clock.advance(1000);
    expect((await h.post(h.alert(position('long', '1', 'K1')))).status).toBe(200); // old secret verified and cached
    expect((await call('PATCH', `/api/whales/${h.strategyId}`, { secret: 'rotated-secret-abcdef0123' })).status).toBe(200);
    h.clock.advance(1000);
    expect((await h.post(h.alert(position('long', '2', 'K2')))).status).toBe(401);
    expect((await h.post(h.alert({ ...position('long', '2', 'K3'), secret: 'rotated-secret-abcdef0123' }))).status).toBe(200);
  });

  test('a halted strategy still updates its book; the risk gate denies the orders', async () => {
    h.states.set('whale', h.strategyId, 'halted');
    try {
      h.clock.advance(1000);
      const reply = await h.post(h.alert({ ...position('long', '7', 'H1'), secret: 'rotated-secret-abcdef0123' }));
      expect(reply.body).toMatchObject({ accepted: true, contracts: 7, orders: 0 });
      expect(h.whales.contracts(h.strategyId, BTC_BN)).toBe(7);
    } finally {
      h.states.set('whale', h.strategyId, 'active');
    }
  });
});

describe('source checks', () => {
  let g: WebhookHarness | undefined;
  afterEach(async () => { await g?.close(); g = undefined; }, 30_000);

  test('allowlist behind a trusted proxy header: TradingView addresses pass, others and unknown sources are refused', async () => {
    g = await openWebhookHarness({ allowlist: parseAllowlist('tradingview'), trustedProxyHeader: 'x-forwarded-for' });
    const from = (ip?: string) => g!.post(g!.alert(), { headers: ip === undefined ? {} : { 'x-forwarded-for': `203.0.113.9, ${ip}` } });
    expect((await from('1.2.3.4')).status).toBe(403);
    expect((await from()).status).toBe(403);
    expect((await from('52.32.178.7')).status).toBe(200);
    await g.ingress.flushJournal();
    const rows = await g.store.webhooks.list({ accepted: false });
    expect(rows.map((r) => [r.reason, r.sourceIp])).toContainEqual(['source_not_allowed', '1.2.3.4']);
    expect(g.emitted).toBe(2);
  }, 30_000);

  test('rate limit per source: a burst of one second, then 429; another source is not affected', async () => {
    g = await openWebhookHarness({ ratePerSource: 3, trustedProxyHeader: 'x-real-ip' });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      g.clock.advance(1);
      statuses.push((await g.post(g.alert({ order_id: `r${i}`, position_size: String(i + 1) }), { headers: { 'x-real-ip': '198.51.100.1' } })).status);
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429]);
    expect((await g.post(g.alert({ order_id: 'other' }), { headers: { 'x-real-ip': '198.51.100.2' } })).status).toBe(200);
    g.clock.advance(1000);
    expect((await g.post(g.alert({ order_id: 'later', position_size: '9' }), { headers: { 'x-real-ip': '198.51.100.1' } })).status).toBe(200);
  }, 30_000);

  test('a declared Content-Length over the limit is refused before the body is read', async () => {
    g = await openWebhookHarness({ maxBodyBytes: 200 });
    const body = JSON.stringify(g.alert());
    expect(body.length).toBeGreaterThan(200);
    expect((await g.post(body, { headers: { 'content-length': String(body.length) } })).status).toBe(413);
    expect((await g.post(body)).status).toBe(413);
  }, 30_000);

  test('the bus refusing the signals: 503, the book still holds the alert', async () => {
    g = await openWebhookHarness();
    await g.bus.close();
    const reply = await g.post(g.alert());
    expect([reply.status, reply.body.error]).toEqual([503, 'engine_unavailable']);
    expect(g.whales.contracts(g.strategyId, BTC_BN)).toBe(1);
  }, 30_000);
});

test('a restart rebuilds the books, replay keys and alert clock from the journal', async () => {
  const g = await openWebhookHarness();
  try {
    g.clock.advance(1000);
    const long = g.alert({ ...position('long', '2', 'A'), ticker: 'BTCUSDT.P' });
    expect((await g.post(long)).status).toBe(200);
    g.clock.advance(1000);
    expect((await g.post(g.alert({ ...position('short', '3', 'B'), ticker: 'ETHPERP', price: '3100' }))).status).toBe(200);
    g.clock.advance(1000);
    const latest = g.alert({ ...position('long', '5', 'C') });
    expect((await g.post(latest)).status).toBe(200);
    await g.ingress.close();
    const { WhaleBook } = await import('../../book');
    const whales = new WhaleBook();
    let published = 0;
    const restarted = new TradingViewIngress({
      whales, store: g.store, clock: g.clock, copy: { onWhaleChange: async () => { published++; return 0; } },
    });
    await restarted.start();
    expect([...whales.positions(g.strategyId).values()].map((p) => [p.symbol, p.contracts, p.entryPrice])).toEqual([
      ['BTC/USDT:USDT', 5, 60000], ['ETH/USDT:USDT', -3, 3100],
    ]);
    const request = (body: Record<string, unknown>) => restarted.receive({
      source: undefined, contentLength: undefined, readBody: async () => JSON.stringify(body),
    });
    expect((await request(latest)).body).toEqual({ accepted: false, duplicate: true });
    expect((await request({ ...long, order_id: 'A2' })).body).toMatchObject({ stale: true });
    expect(published).toBe(0);
    await restarted.close();
  } finally {
    await g.bus.close();
    await g.store.close();
  }
}, 30_000);

test('the OpenAPI document describes the webhook: public, JSON or text/plain body, no secret in responses', async () => {
  const doc = await (await h.api.handle(new Request('http://localhost/openapi.json'))).json() as any;
  const op = doc.paths['/webhooks/tradingview'].post;
  expect(op.security).toEqual([]);
  expect(Object.keys(op.requestBody.content).sort()).toEqual(['application/json', 'text/plain']);
  expect(op.requestBody.content['text/plain'].schema.required.sort()).toEqual(['position_size', 'secret', 'strategy', 'ticker', 'time']);
  expect(Object.keys(op.responses).sort()).toEqual(['200', '4XX', 'default']);
  expect(JSON.stringify(op.responses)).not.toContain('"secret"');
});
