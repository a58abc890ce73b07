// The Binance USD-M order path (ccxt's endpoint method, not createOrder) against the simulator through real ccxt:
// the same order, the same VenueOrder as ccxt's own parsing, the same error classes as createOrder.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { createClient, type ProClient } from '../venues';
import { simFollower, startVenueSimulator, type VenueSimulator } from './testing';
import { classifyOrderError } from './venue-errors';
import { marketOrderPort, toVenueOrder, type MarketOrderRequest } from './venue-port';

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
