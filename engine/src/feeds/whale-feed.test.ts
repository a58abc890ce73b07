// Integration: WhaleFeed with real ccxt.pro against the venue simulator (both venues).
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { MarketTables } from './markets';
import type { FeedErrorInfo, WhalePositionsEvent } from './types';
import { SYMBOLS, SimTrader, contractsOf, fault, sameContracts, startVenueSimulator, waitFor, type SimVenue, type VenueSimulator } from './testing';
import { WhaleFeed } from './whale-feed';

/** Simulator round trips plus ccxt's own REST throttle: more than bun's 5 s default. */
const SIM_TEST_TIMEOUT_MS = 20_000;
let sim: VenueSimulator;
const markets = new MarketTables();
beforeAll(async () => {
  sim = await startVenueSimulator({ port: 0 });
});
afterAll(async () => {
  await sim.stop();
});

interface Harness {
  trader: SimTrader;
  feed: WhaleFeed;
  events: WhalePositionsEvent[];
  errors: FeedErrorInfo[];
  equities: number[];
}

async function harness(venue: SimVenue, opts: { lastSeq?: number; reconcileEveryMs?: number; backoffBaseMs?: number } = {}): Promise<Harness> {
  const trader = await SimTrader.create(sim, venue);
  const events: WhalePositionsEvent[] = [];
  const errors: FeedErrorInfo[] = [];
  const equities: number[] = [];
  const feed = new WhaleFeed({
    whaleId: `whale-${trader.account.id}`,
    account: trader.feedAccount,
    baseUrl: trader.baseUrl,
    markets,
    lastSeq: opts.lastSeq,
    reconcileEveryMs: opts.reconcileEveryMs ?? 0,
    backoff: { baseMs: opts.backoffBaseMs ?? 50, maxMs: 2000, jitter: 0 },
    onPositions: (e) => events.push(e),
    onError: (e) => errors.push(e),
    onEquity: (e) => equities.push(e.equity),
  });
  await feed.start();
  await feed.whenSynced();
  return { trader, feed, events, errors, equities };
}

async function close(h: Harness): Promise<void> {
  await h.feed.stop();
  await h.trader.close();
}

/** Places a market order and waits until the feed's book equals `expected`. */
async function step(h: Harness, symbol: string, side: 'buy' | 'sell', amount: number, expected: Record<string, number>, params = {}): Promise<void> {
  await h.trader.market(symbol, side, amount, params);
  await waitFor(() => sameContracts(h.feed.positions, expected), `${h.trader.venue} book ${JSON.stringify(expected)}, have ${JSON.stringify(contractsOf(h.feed.positions))}`);
}

describe.each(['binanceusdm', 'hyperliquid'] as const)('WhaleFeed on %s', (venue) => {
  const { BTC, ETH } = SYMBOLS[venue];

  test('open, add, second symbol, flip, close: full books in order with increasing seq', async () => {
    const h = await harness(venue, { lastSeq: 5000 });
    try {
      // A flat whale: the first snapshot changes nothing, and is still reported (the book is now known).
      expect(h.events.map((e) => [e.source, e.changed, e.positions.size, e.seq])).toEqual([['snapshot', [], 0, 5001]]);
      h.events.length = 0;
      expect(h.feed.status).toMatchObject({ connected: true, synced: true, reconnects: 0 });
      await waitFor(() => h.equities.length > 0, 'equity from the balance snapshot');
      expect(h.equities[0]).toBeGreaterThan(900_000);
      await step(h, BTC, 'buy', 0.01, { [BTC]: 0.01 });
      await step(h, BTC, 'buy', 0.02, { [BTC]: 0.03 });
      await step(h, ETH, 'sell', 0.5, { [BTC]: 0.03, [ETH]: -0.5 });
      await step(h, BTC, 'sell', 0.05, { [BTC]: -0.02, [ETH]: -0.5 });
      await step(h, BTC, 'buy', 0.02, { [ETH]: -0.5 }, { reduceOnly: true });
      await step(h, ETH, 'buy', 0.5, {}, { reduceOnly: true });

      expect(h.events.map((e) => contractsOf(e.positions))).toEqual([
        { [BTC]: 0.01 },
        { [BTC]: 0.03 },
        { [BTC]: 0.03, [ETH]: -0.5 },
        { [BTC]: -0.02, [ETH]: -0.5 },
        { [ETH]: -0.5 },
        {},
      ]);
      expect(h.events.map((e) => e.changed)).toEqual([[BTC], [BTC], [ETH], [BTC], [BTC], [ETH]]);
      expect(h.events.map((e) => e.seq)).toEqual([5002, 5003, 5004, 5005, 5006, 5007]);
      expect(h.events.every((e) => e.source === 'stream' && e.whaleId === h.feed.whaleId)).toBe(true);
      expect(h.events.every((e) => e.venueTs > 0 && e.rxTs > 0)).toBe(true);
      expect(h.events[3]!.positions.get(BTC)!.entryPrice).toBeGreaterThan(0);
      expect(h.feed.lastSeq).toBe(5007);
      expect(await h.trader.venuePositions()).toEqual({});
      expect(h.errors).toEqual([]);
    } finally {
      await close(h);
    }
  }, SIM_TEST_TIMEOUT_MS);

  test('a whale already holding positions is reported by the first snapshot', async () => {
    const trader = await SimTrader.create(sim, venue);
    await trader.market(ETH, 'buy', 0.2);
    const events: WhalePositionsEvent[] = [];
    const feed = new WhaleFeed({ whaleId: 'w-pre', account: trader.feedAccount, baseUrl: trader.baseUrl, markets, lastSeq: 7, reconcileEveryMs: 0, onPositions: (e) => events.push(e) });
    try {
      await feed.start();
      await feed.whenSynced();
      expect(events.map((e) => [e.seq, e.source, contractsOf(e.positions), e.changed])).toEqual([[8, 'snapshot', { [ETH]: 0.2 }, [ETH]]]);
    } finally {
      await feed.stop();
      await trader.close();
    }
  }, SIM_TEST_TIMEOUT_MS);

  test('trades made while the feed is still connecting are not lost', async () => {
    const trader = await SimTrader.create(sim, venue);
    const events: WhalePositionsEvent[] = [];
    const feed = new WhaleFeed({ whaleId: 'w-connecting', account: trader.feedAccount, baseUrl: trader.baseUrl, markets, reconcileEveryMs: 0, onPositions: (e) => events.push(e) });
    try {
      const starting = feed.start();
      for (let i = 0; i < 4; i++) await trader.market(BTC, 'buy', 0.01);
      await starting;
      await feed.whenSynced();
      await trader.market(ETH, 'sell', 0.1);
      await waitFor(() => sameContracts(feed.positions, { [BTC]: 0.04, [ETH]: -0.1 }), `connect-time trades, have ${JSON.stringify(contractsOf(feed.positions))}`);
      expect(await trader.venuePositions()).toEqual({ [BTC]: 0.04, [ETH]: -0.1 });
    } finally {
      await feed.stop();
      await trader.close();
    }
  }, SIM_TEST_TIMEOUT_MS);

  test('a burst of concurrent trades on two symbols ends in the venue book, every event a full book', async () => {
    const h = await harness(venue);
    try {
      const orders: Array<Promise<void>> = [];
      for (let i = 0; i < 5; i++) {
        orders.push(h.trader.market(BTC, i % 2 === 0 ? 'buy' : 'sell', 0.01 * (i + 1)));
        orders.push(h.trader.market(ETH, 'sell', 0.1));
      }
      await Promise.all(orders);
      const venueBook = await h.trader.venuePositions();
      expect(venueBook[ETH]).toBeCloseTo(-0.5, 9);
      await waitFor(() => sameContracts(h.feed.positions, venueBook), `burst book ${JSON.stringify(venueBook)}, have ${JSON.stringify(contractsOf(h.feed.positions))}`);
      // each event is a full book: ETH never vanishes from an event once it was opened
      const firstEth = h.events.findIndex((e) => e.positions.has(ETH));
      expect(h.events.slice(firstEth).every((e) => e.positions.has(ETH))).toBe(true);
      expect(h.events.every((e, i) => i === 0 || e.seq === h.events[i - 1]!.seq + 1)).toBe(true);
    } finally {
      await close(h);
    }
  }, SIM_TEST_TIMEOUT_MS);

  test('survives closeWebSockets: reconnects, and a trade made while disconnected arrives via the snapshot', async () => {
    const h = await harness(venue, { backoffBaseMs: 1000 });
    try {
      await step(h, BTC, 'buy', 0.01, { [BTC]: 0.01 });
      await fault(sim, { venue, closeWebSockets: true });
      await waitFor(() => !h.feed.status.connected, 'the feed to notice the close');
      await h.trader.market(BTC, 'buy', 0.01); // reconnect is >= 1 s away: this push has no socket to go to
      await waitFor(() => h.feed.status.reconnects >= 1 && h.feed.status.synced, 'reconnect and snapshot');
      await waitFor(() => sameContracts(h.feed.positions, { [BTC]: 0.02 }), 'the missed trade');
      const last = h.events.at(-1)!;
      expect([last.source, contractsOf(last.positions), last.changed]).toEqual(['snapshot', { [BTC]: 0.02 }, [BTC]]);
      // the stream is live again after the snapshot
      await step(h, BTC, 'sell', 0.02, {}, { reduceOnly: true });
      expect(h.events.at(-1)!.source).toBe('stream');
      const seqs = h.events.map((e) => e.seq);
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      expect(new Set(seqs).size).toBe(seqs.length);
      expect(h.errors.length).toBeGreaterThanOrEqual(1);
      expect(h.errors[0]!.error).toMatchObject({ code: 'feed_stream' });
      expect(h.feed.status.lastError).toContain('stream');
    } finally {
      await close(h);
    }
  }, SIM_TEST_TIMEOUT_MS);

  test('a paused stream (pushes dropped) heals on the next change of the symbol', async () => {
    const h = await harness(venue);
    try {
      await step(h, ETH, 'buy', 0.1, { [ETH]: 0.1 });
      await fault(sim, { venue, pauseStreamMs: 400 });
      await h.trader.market(ETH, 'buy', 0.1);
      await Bun.sleep(600); // the pause is over; the dropped push is not coming back
      expect(contractsOf(h.feed.positions)).toEqual({ [ETH]: 0.1 });
      await step(h, ETH, 'buy', 0.1, { [ETH]: 0.3 });
      expect(h.events.at(-1)!.source).toBe('stream');
    } finally {
      await close(h);
    }
  }, SIM_TEST_TIMEOUT_MS);

  test('a paused stream heals through the periodic reconcile snapshot', async () => {
    const h = await harness(venue, { reconcileEveryMs: 300 });
    try {
      await fault(sim, { venue, pauseStreamMs: 200 });
      await h.trader.market(ETH, 'sell', 0.1);
      await waitFor(() => sameContracts(h.feed.positions, { [ETH]: -0.1 }), 'the reconcile snapshot');
      expect(h.events.at(-1)!.source).toBe('snapshot');
    } finally {
      await close(h);
    }
  }, SIM_TEST_TIMEOUT_MS);
});

describe('WhaleFeed lifecycle', () => {
  test('stop() before start and twice is harmless; whenSynced rejects after stop', async () => {
    const trader = await SimTrader.create(sim, 'hyperliquid');
    const feed = new WhaleFeed({ whaleId: 'w-life', account: trader.feedAccount, baseUrl: trader.baseUrl, onPositions: () => {} });
    await feed.stop();
    await feed.stop();
    await expect(feed.whenSynced()).rejects.toMatchObject({ code: 'feed_stream' });
    await trader.close();
  });

  test('start() against a dead URL fails with FeedStartError', async () => {
    const feed = new WhaleFeed({
      whaleId: 'w-dead', account: { venue: 'hyperliquid', address: '0x0000000000000000000000000000000000000001' },
      baseUrl: 'http://127.0.0.1:9', timeoutMs: 1000, onPositions: () => {},
    });
    await expect(feed.start()).rejects.toMatchObject({ code: 'feed_start' });
    await feed.stop();
  });

  test('the default seq seed is now in microseconds', () => {
    const before = Date.now() * 1000;
    const feed = new WhaleFeed({ whaleId: 'w', account: { venue: 'hyperliquid', address: '0x1' }, onPositions: () => {} });
    expect(feed.lastSeq).toBeGreaterThanOrEqual(Math.floor(before));
    expect(Number.isSafeInteger(feed.lastSeq)).toBe(true);
    expect(() => new WhaleFeed({ whaleId: 'w', account: { venue: 'hyperliquid', address: '0x1' }, lastSeq: 1.5, onPositions: () => {} })).toThrow();
  });
});
