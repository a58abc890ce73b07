import { afterAll, beforeAll, expect, test } from 'bun:test';
import { startVenueSimulator, type VenueSimulator } from '../../../scripts/venue/server';
import { MarkFeed } from './mark-feed';

let sim: VenueSimulator;
beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
});
afterAll(() => sim.stop());

const until = async (ok: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await Bun.sleep(20);
  }
};

test.each([
  ['binanceusdm', 'BTC/USDT:USDT', 'BTCUSDT'],
  ['hyperliquid', 'BTC/USDC:USDC', 'BTC'],
] as const)('%s: a snapshot, then pushed mark changes, and again after the socket is closed', async (venue, symbol, id) => {
  const marks = new Map<string, number>();
  const feed = new MarkFeed({
    venue, baseUrl: venue === 'binanceusdm' ? sim.binanceUrl : sim.hyperliquidUrl, backoff: { baseMs: 20, maxMs: 100 },
    onMark: (s, p) => marks.set(s, p),
  });
  await feed.start();
  expect(marks.get(symbol)).toBe(60000);
  expect(marks.size).toBe(3);
  await Bun.sleep(200);
  sim.ctx.core.setPrice(venue, id, 61000);
  await until(() => marks.get(symbol) === 61000);
  await fetch(`${sim.adminUrl}/faults`, { method: 'POST', body: JSON.stringify({ venue, closeWebSockets: true }) });
  await Bun.sleep(300);
  sim.ctx.core.setPrice(venue, id, 62000);
  await until(() => marks.get(symbol) === 62000);
  await feed.stop();
  sim.ctx.core.setPrice(venue, id, 60000);
}, 20_000);
