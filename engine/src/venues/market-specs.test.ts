import { afterAll, beforeAll, expect, test } from 'bun:test';
import { startVenueSimulator, type VenueSimulator } from '../../../scripts/venue/server';
import { createClient } from './client';
import { MarketCatalog, marketSpecsOf } from './market-specs';

let sim: VenueSimulator;
beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
});
afterAll(() => sim.stop());

test('ccxt markets of both venues become MarketSpecs, found by base asset', async () => {
  const catalog = new MarketCatalog();
  for (const [venue, baseUrl] of [['binanceusdm', sim.binanceUrl], ['hyperliquid', sim.hyperliquidUrl]] as const) {
    const ex = createClient(venue, { baseUrl });
    await ex.loadMarkets();
    catalog.add(marketSpecsOf(venue, ex));
    await ex.close();
  }
  expect(catalog.size).toBe(6);
  expect(catalog.market('binanceusdm', 'BTC')).toEqual({
    symbol: 'BTC/USDT:USDT', venue: 'binanceusdm', venueId: 'BTCUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 100, priceTick: 0.1, maxLeverage: 125,
  });
  expect(catalog.market('hyperliquid', 'SOL')).toMatchObject({ symbol: 'SOL/USDC:USDC', venueId: 'SOL', amountStep: 0.01, minNotional: 10, maxLeverage: 20 });
  expect(catalog.market('hyperliquid', 'DOGE')).toBeUndefined();
});
