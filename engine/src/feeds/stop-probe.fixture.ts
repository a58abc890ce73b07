// Fixture for stop.test.ts (run as its own process): starts whale and follower feeds on both simulated
// venues, trades, stops everything and then simply returns. The process must exit on its own.
import { FollowerFeed } from './follower-feed';
import { MarketTables } from './markets';
import { SYMBOLS, SimTrader, startVenueSimulator, waitFor } from './testing';
import { WhaleFeed } from './whale-feed';

const sim = await startVenueSimulator({ port: 0 });
const markets = new MarketTables();
const stops: Array<() => Promise<void>> = [];
for (const venue of ['binanceusdm', 'hyperliquid'] as const) {
  const trader = await SimTrader.create(sim, venue);
  let seen = 0;
  const whale = new WhaleFeed({ whaleId: `w-${venue}`, account: trader.feedAccount, baseUrl: trader.baseUrl, markets, reconcileEveryMs: 200, onPositions: () => seen++ });
  const follower = new FollowerFeed({ followerId: `f-${venue}`, account: trader.feedAccount, baseUrl: trader.baseUrl, markets, reconcileEveryMs: 200, onPositions: () => {}, onOrder: () => {} });
  await Promise.all([whale.start(), follower.start()]);
  await Promise.all([whale.whenSynced(), follower.whenSynced()]);
  await trader.market(SYMBOLS[venue].ETH, 'buy', 0.1);
  await waitFor(() => seen > 0, `${venue} whale event`);
  stops.push(() => whale.stop(), () => follower.stop(), () => trader.close());
}
for (const stop of stops) await stop();
await sim.stop();
console.log('stopped');
