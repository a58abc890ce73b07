// Integration: FollowerFeed (positions, orders, equity) with real ccxt.pro against the venue simulator,
// feeding a FollowerBook the way the engine does: book first, then downstream.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { FollowerBook, followerPositionsInto, orderUpdatesInto } from '../book';
import { systemClock } from '../core';
import { FollowerFeed } from './follower-feed';
import { MarketTables } from './markets';
import type { EquityEvent, FollowerOrderEvent, FollowerPositionsEvent, FollowerTradeEvent } from './types';
import { SYMBOLS, SimTrader, contractsOf, fault, sameContracts, startVenueSimulator, waitFor, type VenueSimulator } from './testing';

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

const cid = (venue: string, n: number): string =>
  venue === 'binanceusdm' ? `wc-${n.toString(16).padStart(32, '0')}` : `0x${n.toString(16).padStart(32, '0')}`;

describe.each(['binanceusdm', 'hyperliquid'] as const)('FollowerFeed on %s', (venue) => {
  const { BTC, ETH } = SYMBOLS[venue];

  test('positions, order updates and equity reach the book before downstream; a fill is never counted twice', async () => {
    const trader = await SimTrader.create(sim, venue, 50_000);
    const book = new FollowerBook();
    const followerId = `follower-${trader.account.id}`;
    const positions: FollowerPositionsEvent[] = [];
    const orders: FollowerOrderEvent[] = [];
    const equities: EquityEvent[] = [];
    /** actual + inFlight for BTC as seen by downstream after every event. */
    const effective: number[] = [];
    const seen = () => effective.push(Math.round((book.actual(followerId, BTC) + book.inFlight(followerId, BTC)) * 1e9) / 1e9);
    const feed = new FollowerFeed({
      followerId,
      account: trader.feedAccount,
      baseUrl: trader.baseUrl,
      markets,
      onPositions: followerPositionsInto(book, (e: FollowerPositionsEvent) => {
        positions.push(e);
        seen();
      }),
      onOrder: orderUpdatesInto(book, () => performance.now(), (e: FollowerOrderEvent) => {
        orders.push(e);
        seen();
      }),
      onEquity: (e) => equities.push(e),
    });
    try {
      await feed.start();
      await feed.whenSynced();
      await waitFor(() => equities.length > 0, 'equity');
      // binanceusdm: from the balance snapshot; hyperliquid: the subscription's first frame may carry it first
      expect(equities[0]).toMatchObject({ accountId: followerId, currency: venue === 'binanceusdm' ? 'USDT' : 'USDC' });
      expect(equities[0]!.equity).toBeCloseTo(50_000, 0);

      // The order stream has no snapshot: an update pushed before the venue applied the orders
      // subscription is not seen (execution reports cover that gap). Wait until one order is seen.
      let warmups = 0;
      for (let seen = false; !seen; ) {
        if (warmups === 20) throw new Error('the orders subscription never delivered an update');
        const warm = cid(venue, 0x100 + warmups++);
        await trader.market(ETH, 'buy', 0.1, { clientOrderId: warm });
        seen = await waitFor(() => orders.some((o) => o.clientOrderId === warm), 'a warm-up order update', 500).then(() => true, () => false);
      }
      const warmEth = warmups / 10;

      // the engine records the order as in flight before sending it
      const id1 = cid(venue, 1);
      effective.length = 0;
      book.addInFlight(followerId, BTC, id1, 0.01, performance.now());
      await trader.market(BTC, 'buy', 0.01, { clientOrderId: id1 });
      await waitFor(() => orders.some((o) => o.clientOrderId === id1 && o.status === 'filled') && sameContracts(feed.positions, { [BTC]: 0.01, [ETH]: warmEth }), 'fill and position');
      await waitFor(() => book.inFlightCount === 0, 'the order to settle');
      expect(book.entry(followerId, BTC)).toEqual({ actual: 0.01, inFlight: 0 });
      const filled = orders.find((o) => o.clientOrderId === id1 && o.status === 'filled')!;
      expect(filled).toMatchObject({ followerId, symbol: BTC, side: 'buy', filled: 0.01 });
      // Hyperliquid's orderUpdates carry no average price (0 = unknown); Binance's ORDER_TRADE_UPDATE does
      if (venue === 'binanceusdm') expect(filled.avgPrice).toBeGreaterThan(50_000);
      else expect(filled.avgPrice).toBe(0);

      // the fill as an execution report too (after the stream saw it): still counted once
      const id2 = cid(venue, 2);
      book.addInFlight(followerId, BTC, id2, -0.03, performance.now());
      await trader.market(BTC, 'sell', 0.03, { clientOrderId: id2 });
      await waitFor(() => sameContracts(feed.positions, { [BTC]: -0.02, [ETH]: warmEth }) && book.inFlightCount === 0, 'flip to short');
      book.applyOrderUpdate({ followerId, symbol: BTC, clientOrderId: id2 }, 0.03, true, performance.now());
      expect(book.entry(followerId, BTC)).toEqual({ actual: -0.02, inFlight: 0 });
      // downstream never saw a double count or a gap: actual + inFlight was always a target
      expect(effective.every((x) => x === 0.01 || x === -0.02)).toBe(true);

      // a manual trade (no order of ours) shows up in actual only
      await trader.market(ETH, 'buy', 0.5);
      await waitFor(() => sameContracts(feed.positions, { [BTC]: -0.02, [ETH]: warmEth + 0.5 }), 'manual ETH trade');
      expect(book.entry(followerId, ETH)).toEqual({ actual: warmEth + 0.5, inFlight: 0 });
      expect(positions.every((e) => e.followerId === followerId)).toBe(true);
      expect(contractsOf(positions.at(-1)!.positions)).toEqual({ [BTC]: -0.02, [ETH]: warmEth + 0.5 });
    } finally {
      await feed.stop();
      await trader.close();
    }
  }, SIM_TEST_TIMEOUT_MS);

  test("executions of the engine's orders arrive with the venue's fee; manual trades are left out; liveSince tracks the socket", async () => {
    const trader = await SimTrader.create(sim, venue, 50_000);
    const trades: FollowerTradeEvent[] = [];
    const feed = new FollowerFeed({
      followerId: 'f-trades', account: trader.feedAccount, baseUrl: trader.baseUrl, markets,
      backoff: { baseMs: 300, jitter: 0 }, onPositions: () => undefined, onTrade: (t) => trades.push(t),
    });
    try {
      expect(feed.liveSince).toBe(Number.POSITIVE_INFINITY);
      // The feed's clock (systemClock: epoch ms with a fraction), not Date.now(), which truncates and can be behind it.
      const beforeStart = systemClock.nowMs();
      await feed.start();
      await feed.whenSynced();
      expect(feed.liveSince).toBeGreaterThanOrEqual(beforeStart);
      expect(feed.liveSince).toBeLessThanOrEqual(systemClock.nowMs());
      // As for orders, the trades subscription is live some time after the socket opened: warm up until one is seen.
      let warmups = 0;
      for (let seen = false; !seen; ) {
        if (warmups === 20) throw new Error('the trades subscription never delivered an execution');
        const warm = cid(venue, 0x200 + warmups++);
        await trader.market(ETH, 'buy', 0.1, { clientOrderId: warm });
        seen = await waitFor(() => trades.some((t) => t.clientOrderId === warm), 'a warm-up execution', 500).then(() => true, () => false);
      }
      await trader.market(ETH, 'buy', 0.2); // manual: no engine client order id
      const id = cid(venue, 7);
      await trader.market(BTC, 'sell', 0.01, { clientOrderId: id });
      await waitFor(() => trades.some((t) => t.clientOrderId === id), 'the execution of the engine order');
      const t = trades.find((x) => x.clientOrderId === id)!;
      expect(t).toMatchObject({ followerId: 'f-trades', venue, symbol: BTC, side: 'sell', amount: 0.01, feeCurrency: venue === 'binanceusdm' ? 'USDT' : 'USDC' });
      expect(t.price).toBeGreaterThan(10_000);
      expect(t.fee).toBeGreaterThan(0);
      expect(t.fee).toBeLessThan(0.01 * t.price * 0.01); // a commission, under 1% of the notional
      expect(t.venueTradeId).not.toBe('');
      expect(t.venueOrderId).not.toBe('');
      expect(trades.some((x) => x.symbol === ETH && x.amount === 0.2)).toBe(false); // the manual trade (executed before id) is not here

      await fault(sim, { venue, closeWebSockets: true });
      await waitFor(() => feed.liveSince === Number.POSITIVE_INFINITY, 'the socket to drop');
      const dropped = systemClock.nowMs();
      await waitFor(() => feed.liveSince < Number.POSITIVE_INFINITY, 'the socket to reopen');
      expect(feed.liveSince).toBeGreaterThanOrEqual(dropped);
    } finally {
      await feed.stop();
      await trader.close();
    }
  }, SIM_TEST_TIMEOUT_MS);

  test('after closeWebSockets the follower book is rebuilt from the snapshot', async () => {
    const trader = await SimTrader.create(sim, venue, 50_000);
    const events: FollowerPositionsEvent[] = [];
    const feed = new FollowerFeed({
      followerId: 'f-reconnect', account: trader.feedAccount, baseUrl: trader.baseUrl, markets,
      backoff: { baseMs: 1000, jitter: 0 }, onPositions: (e) => events.push(e),
    });
    try {
      await feed.start();
      await feed.whenSynced();
      await fault(sim, { venue, closeWebSockets: true });
      await waitFor(() => !feed.status.connected, 'disconnect');
      await trader.market(ETH, 'sell', 0.2);
      await waitFor(() => sameContracts(feed.positions, { [ETH]: -0.2 }), 'snapshot after reconnect');
      expect(events.at(-1)!.source).toBe('snapshot');
      expect(feed.status.reconnects).toBe(1);
    } finally {
      await feed.stop();
    }
    await trader.close();
  }, SIM_TEST_TIMEOUT_MS);
});
