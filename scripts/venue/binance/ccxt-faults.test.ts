// Injected faults and rate limits seen through real ccxt: 429 / 418 (DDoSProtection), the 503 "unknown
// error" after a fill (ExchangeNotAvailable), a dropped reply (RequestTimeout), and added latency.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import ccxt from 'ccxt';
import { rejection, startHarness, type Harness } from './harness';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.stop());

describe('order rate limit', () => {
  test('429 with Retry-After, then a 418 ban: both DDoSProtection in ccxt (binance.handleErrors)', async () => {
    h.ctx.limiter.configure({ capacity: 2, refillPerSec: 0.01, banAfterStrikes: 3, banMs: 60_000 });
    try {
      const { cred } = h.account();
      const ex = await h.client(cred);
      await ex.loadMarkets();
      for (let i = 0; i < 2; i++) await ex.createOrder('ETH/USDT:USDT', 'market', 'buy', 0.01);
      for (const status of ['429', '429', '418']) {
        const e = await rejection(ex.createOrder('ETH/USDT:USDT', 'market', 'buy', 0.01));
        // ccxt's binance.handleErrors throws DDoSProtection for 418 and 429 before looking at the body,
        // so RateLimitExceeded (its subclass) is never raised by a 429 from Binance.
        expect(e.constructor).toBe(ccxt.DDoSProtection);
        expect(e.message).toContain(` ${status} `);
        expect(e.message).toContain(status === '429' ? '"code":-1015' : '"code":-1003');
      }
      const raw = await h.signed('POST', '/fapi/v1/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', timestamp: Date.now() }, cred);
      expect(raw.status).toBe(418);
      expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(50);
      expect(h.ctx.core.account(h.ctx.credentials.binance(cred.apiKey)!.id).orders.size).toBe(2);
    } finally {
      h.ctx.limiter.configure({ capacity: 300, refillPerSec: 30, banAfterStrikes: 20, banMs: 30_000 });
    }
  });

  test('a 429 carries Retry-After on the wire', async () => {
    h.ctx.limiter.configure({ capacity: 1, refillPerSec: 0.5, banAfterStrikes: 10, banMs: 60_000 });
    try {
      const { cred } = h.account();
      const send = () => h.signed('POST', '/fapi/v1/order', { symbol: 'ETHUSDT', side: 'BUY', type: 'MARKET', quantity: '0.01', timestamp: Date.now() }, cred);
      expect((await send()).status).toBe(200);
      const r = await send();
      expect(r.status).toBe(429);
      expect(r.headers.get('retry-after')).toBe('2');
      expect(r.body).toEqual({ code: -1015, msg: 'Too many new orders; current limit is 5 orders per TEN_SECONDS.' });
    } finally {
      h.ctx.limiter.configure({ capacity: 300, refillPerSec: 30, banAfterStrikes: 20, banMs: 30_000 });
    }
  });
});

describe('unknown outcomes: the order filled but the reply says nothing useful', () => {
  test('503 "Unknown error" after the fill is ExchangeNotAvailable (a NetworkError); the order is FILLED', async () => {
    const { id, cred } = h.account();
    const ex = await h.client(cred);
    await ex.loadMarkets();
    h.ctx.faults.apply({ venue: 'binanceusdm', accountId: id, unknownErrorAfterFill: 1 });
    const e = await rejection(ex.createOrder('BTC/USDT:USDT', 'market', 'buy', 0.01, undefined, { clientOrderId: 'unknown-1' }));
    expect(e.constructor).toBe(ccxt.ExchangeNotAvailable);
    expect(e).toBeInstanceOf(ccxt.NetworkError);
    expect(e.message).toContain('Unknown error, please check your request or try again later.');
    const o = await ex.fetchOrder('', 'BTC/USDT:USDT', { clientOrderId: 'unknown-1' });
    expect(o.status).toBe('closed');
    expect(o.info.status).toBe('FILLED');
    expect(o.filled).toBe(0.01);
    // the fault was one-shot
    expect((await ex.createOrder('BTC/USDT:USDT', 'market', 'sell', 0.01)).status).toBe('closed');
  });

  test('a dropped reply is RequestTimeout; the order is FILLED', async () => {
    const { id, cred } = h.account();
    const ex = await h.client(cred, { timeoutMs: 1500 });
    await ex.loadMarkets();
    h.ctx.faults.apply({ venue: 'binanceusdm', accountId: id, dropReplyAfterFill: 1 });
    const started = Date.now();
    const e = await rejection(ex.createOrder('ETH/USDT:USDT', 'market', 'sell', 0.1, undefined, { clientOrderId: 'dropped-1' }));
    expect(e.constructor).toBe(ccxt.RequestTimeout);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
    const o = await ex.fetchOrder('', 'ETH/USDT:USDT', { clientOrderId: 'dropped-1' });
    expect(o.info.status).toBe('FILLED');
    expect((await ex.fetchPositions())[0]).toMatchObject({ symbol: 'ETH/USDT:USDT', side: 'short', contracts: 0.1 });
  });

  test('a rejected order consumes no fault: the next fill does', async () => {
    const { id, cred } = h.account(50);
    const ex = await h.client(cred);
    await ex.loadMarkets();
    h.ctx.faults.apply({ venue: 'binanceusdm', accountId: id, unknownErrorAfterFill: 1 });
    expect(await rejection(ex.createOrder('BTC/USDT:USDT', 'market', 'buy', 0.1))).toBeInstanceOf(ccxt.InsufficientFunds);
    expect(await rejection(ex.createOrder('SOL/USDT:USDT', 'market', 'buy', 1))).toBeInstanceOf(ccxt.ExchangeNotAvailable);
  });
});

test('latency is added before every reply, errors included', async () => {
  const { cred } = h.account();
  const ex = await h.client(cred);
  await ex.loadMarkets();
  h.ctx.faults.apply({ venue: 'binanceusdm', latencyMs: 150 });
  try {
    let t = Date.now();
    await ex.fetchBalance();
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
    t = Date.now();
    await rejection(ex.fetchOrder('1', 'BTC/USDT:USDT'));
    expect(Date.now() - t).toBeGreaterThanOrEqual(140);
  } finally {
    h.ctx.faults.clear();
  }
  const t = Date.now();
  await ex.fetchBalance();
  expect(Date.now() - t).toBeLessThan(100);
});
