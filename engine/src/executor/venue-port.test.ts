// The order paths (Binance USD-M: ccxt's endpoint method, Hyperliquid: createOrder's steps without its reply
// parsing) against the simulator through real ccxt: the same order, the same VenueOrder as ccxt's own parsing,
// the same error classes as createOrder.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createClient, type ProClient } from '../venues';
import { simFollower, startVenueSimulator, type VenueSimulator } from './testing';
import { classifyOrderError } from './venue-errors';
import type { Order } from 'ccxt';
import { hyperliquidVenueOrder, marketOrderPort, toVenueOrder, type MarketOrderRequest } from './venue-port';

let sim: VenueSimulator;
let ex: ProClient;
let n = 0;

beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
  const f = await simFollower(sim, 'binanceusdm', 1_000_000);
  if (f.credentials.venue !== 'binanceusdm') throw new Error('binance follower expected');
  ex = createClient('binanceusdm', { baseUrl: sim.binanceUrl, credentials: { apiKey: f.credentials.apiKey, secret: f.credentials.secret } });
  await ex.loadMarkets();
});

afterAll(async () => {
  await ex?.close();
  await sim?.stop();
});

const cid = () => `wc-test${(n++).toString(16).padStart(28, '0')}`;
const request = (over: Partial<MarketOrderRequest>): MarketOrderRequest => ({
  venue: 'binanceusdm', symbol: 'ETH/USDT:USDT', side: 'buy', amount: 0.01, amountText: '0.010', clientOrderId: cid(), reduceOnly: false, ...over,
});
const port = (r: MarketOrderRequest) => marketOrderPort(ex, r, () => undefined, () => Date.now());

/** The error createOrder raises, or undefined. */
async function errorOf(p: Promise<unknown>): Promise<unknown> {
  return p.then(() => undefined, (e: unknown) => e);
}

describe('Binance market orders through the endpoint method', () => {
  test('a filled order: the VenueOrder equals what ccxt parses from the same order fetched by its client id', async () => {
    const r = request({ amount: 0.02, amountText: '0.020' });
    const created = await port(r).create();
    expect(created).toMatchObject({ status: 'closed', amount: 0.02, filled: 0.02 });
    expect(created.id).not.toBe('');
    expect(created.average).toBeGreaterThan(0);
    const fetched = toVenueOrder(await ex.fetchOrder('', r.symbol, { origClientOrderId: r.clientOrderId }));
    expect(created).toEqual(fetched);
    expect(await port(r).lookup()).toEqual(fetched);
  });

  test('reduce-only with no position to reduce: refused with the class createOrder gets, a final rejection', async () => {
    const fast = await errorOf(port(request({ symbol: 'BTC/USDT:USDT', side: 'sell', amount: 0.001, amountText: '0.001', reduceOnly: true })).create());
    const unified = await errorOf(ex.createOrder('BTC/USDT:USDT', 'market', 'sell', 0.001, undefined, { clientOrderId: cid(), reduceOnly: true }));
    expect(fast).toBeDefined();
    expect((fast as Error).constructor).toBe((unified as Error).constructor);
    expect(classifyOrderError(fast)).toBe('rejected');
  });

  test('an amount off the step is sent as written and refused by the venue, never rounded silently', async () => {
    const fast = await errorOf(port(request({ amount: 0.0101, amountText: '0.0101' })).create());
    expect(fast).toBeDefined();
    expect(classifyOrderError(fast)).toBe('rejected');
  });

  test('without a plain amount text, ccxt formats the number to the market precision', async () => {
    const created = await port(request({ amount: 0.03, amountText: undefined })).create();
    expect(created).toMatchObject({ status: 'closed', filled: 0.03 });
    const odd = await port(request({ amount: 0.01, amountText: '1e-2' })).create(); // not a plain decimal: formatted by ccxt
    expect(odd).toMatchObject({ status: 'closed', filled: 0.01 });
  });
});

describe('Hyperliquid market orders', () => {
  test('a filled IOC order around the reference price: found under its cloid, the same as ccxt fetches it; refusals in createOrder\'s classes', async () => {
    const f = await simFollower(sim, 'hyperliquid', 1_000_000);
    if (f.credentials.venue !== 'hyperliquid') throw new Error('hyperliquid follower expected');
    const hl = createClient('hyperliquid', { baseUrl: sim.hyperliquidUrl, credentials: { walletAddress: f.credentials.address, privateKey: f.credentials.privateKey } });
    try {
      await hl.loadMarkets();
      const r: MarketOrderRequest = { venue: 'hyperliquid', symbol: 'BTC/USDC:USDC', side: 'buy', amount: 0.002, clientOrderId: `0x${'7'.repeat(31)}${n++ % 10}`, reduceOnly: false };
      const hlPort = (x: MarketOrderRequest) => marketOrderPort(hl, x, () => 60_000, () => Date.now());
      const created = await hlPort(r).create();
      expect(created.id).not.toBe('');
      expect(created).toMatchObject({ amount: 0.002, filled: 0.002 });
      expect(created.average).toBeGreaterThan(0);
      const found = await hlPort(r).lookup();
      expect(found?.id).toBe(created.id);
      const tooBig = { ...r, amount: 1_000, clientOrderId: `0x${'8'.repeat(32)}` };
      const fast = await errorOf(hlPort(tooBig).create());
      const unified = await errorOf(hl.createOrder(r.symbol, 'market', 'buy', 1_000, 60_000, { clientOrderId: `0x${'9'.repeat(32)}` }));
      expect(fast).toBeInstanceOf(Error); // margin: 60M of notional on 1M
      expect((fast as Error).constructor).toBe((unified as Error).constructor);
      expect(classifyOrderError(fast)).toBe("rejected");
    } finally {
      await hl.close();
    }
  });
});

test("a Hyperliquid /exchange order status reads as ccxt's parseOrder reads it (filled, resting, error, unknown)", () => {
  const ex = createClient('hyperliquid', {}) as unknown as { parseOrder(raw: unknown): Order };
  const statuses: unknown[] = [
    { filled: { totalSz: '0.1', avgPx: '100.84', oid: 6195281425 } },
    { filled: { totalSz: '0.00123', avgPx: '60012.5', oid: 1 } },
    { resting: { oid: 5063830287 } },
    { error: 'Order could not immediately match against any resting orders. asset=0' },
    {},
  ];
  for (const status of statuses) {
    const ours = hyperliquidVenueOrder(status);
    const ccxts = toVenueOrder(ex.parseOrder(status));
    expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(ccxts)));
  }
});
