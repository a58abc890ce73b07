// A follow with existing: 'wait_next_change' must not copy what its whale already holds, however soon after the
// whale's feed started it is registered (the whale's first snapshot may come after the follow), whatever venue
// the whale trades on, and across engine restarts (which neither copy what it waits out nor freeze what it had
// started to copy). Real simulator through ccxt, PostgreSQL, Redis; the signals the engine emits are observed.
import { describe, expect, test } from 'bun:test';
import type { OrderSignal } from '../src/bus';
import { loadConfig } from '../src/config';
import { startEngine, type EngineHandle } from '../src/engine';
import type { ExistingPositionPolicy } from '../src/model';
import { createLogger } from '../src/runtime/log';
import { WhaleRunner, createWhaleAccount } from '../../scripts/whales/runner';
import { engineEnv, fileScope } from './file-scope';
import { apiClient } from './support';

const TOKEN = 'existing-admin-token-0123456789';
const BTC = 'BTC/USDT:USDT';
const scope = fileScope();

/** An engine (not started) observing its signals, and a whale on the simulator that holds 0.2 BTC. */
async function setup(whaleVenue: 'binanceusdm' | 'hyperliquid' = 'binanceusdm') {
  const env = await engineEnv(scope, TOKEN, { ENGINE_START_DRAIN_MS: '0' });
  const signals: OrderSignal[] = [];
  const start = () => startEngine(loadConfig(env), {
    env, log: createLogger('error', 'engine'),
    observer: { emitted: (_w, _s, _i, byShard) => byShard.forEach((shard) => signals.push(...shard)) },
  });
  const whale = await createWhaleAccount(scope.sim, whaleVenue, 1_000_000);
  const runner = new WhaleRunner(scope.sim, [whale]);
  await runner.prepare();
  scope.cleanup(() => runner.close());
  const symbol = whaleVenue === 'binanceusdm' ? BTC : 'BTC/USDC:USDC';
  const trade = (amount: number) =>
    runner.place({ whale: 0, venue: whaleVenue, symbol, side: 'buy', amount, reduceOnly: false, action: 'open', after: 0 } as never);
  await trade(0.2);
  const follower = (await (await fetch(`${scope.sim.adminUrl}/accounts`, { method: 'POST', body: JSON.stringify({ venue: 'binanceusdm', balance: 1_000_000 }) })).json()) as any;
  const of = (followerId: string) => signals.filter((x) => x.followerId === followerId);
  /** Whale, follower (Binance) and follow through the API, one right after the other. */
  const follow = async (engine: EngineHandle, existing: ExistingPositionPolicy, pauseMs = 0) => {
    const api = apiClient(engine.url, TOKEN);
    const body = whale.venue === 'binanceusdm' ? { venue: 'binanceusdm', apiKey: whale.apiKey, secret: whale.secret } : { venue: 'hyperliquid', address: whale.address };
    const whaleId = (await api('POST', '/api/whales', body)).id;
    await Bun.sleep(pauseMs);
    const followerId = (await api('POST', '/api/followers', { name: 'f', venue: 'binanceusdm', apiKey: follower.apiKey, secret: follower.secret })).id;
    await api('POST', '/api/follows', { whaleId, followerId, sizing: { mode: 'proportional', k: 1 }, existing });
    return followerId as string;
  };
  const signalled = async (followerId: string) => {
    const deadline = Date.now() + 10_000;
    while (of(followerId).length === 0 && Date.now() < deadline) await Bun.sleep(50);
    return of(followerId).map((x) => [x.symbol, x.side, x.amount]);
  };
  return { start, trade, follow, of, signalled };
}

describe("positions the whale already holds (existing: copy_now, wait_next_change)", () => {
  test.each([
    ['binanceusdm', 0, 'registered right after its whale (before the whale feed has its first snapshot)'],
    ['hyperliquid', 1_500, 'across venues (a Hyperliquid whale, a Binance follower: its BTC market)'],
  ] as const)('wait_next_change, %s whale, follow %d ms after it, %s: the held position is not copied, the next change is', async (venue, pauseMs) => {
    const s = await setup(venue);
    const engine = await s.start();
    scope.cleanup(() => engine.stop());
    const followerId = await s.follow(engine, 'wait_next_change', pauseMs);
    await Bun.sleep(2_000);
    expect(s.of(followerId)).toEqual([]);
    await s.trade(0.1);
    expect(await s.signalled(followerId)).toEqual([[BTC, 'buy', '0.300']]);
  }, 60_000);

  test('copy_now registered as soon: the held position is copied, once', async () => {
    const s = await setup();
    const engine = await s.start();
    scope.cleanup(() => engine.stop());
    const followerId = await s.follow(engine, 'copy_now');
    await Bun.sleep(2_500);
    expect(s.of(followerId).map((x) => [x.symbol, x.side, x.amount])).toEqual([[BTC, 'buy', '0.200']]);
  }, 60_000);

  test('wait_next_change after an engine restart: a position the follow was waiting out is still not copied', async () => {
    const s = await setup();
    let engine = await s.start();
    const followerId = await s.follow(engine, 'wait_next_change', 1_500); // the whale's book is known before the follow
    await Bun.sleep(1_500);
    await engine.stop();
    engine = await s.start();
    scope.cleanup(() => engine.stop());
    await Bun.sleep(2_500);
    expect(s.of(followerId)).toEqual([]);
  }, 60_000);

  test('wait_next_change after an engine restart: a position the follow had started to copy is kept in line with a whale that moved meanwhile', async () => {
    const s = await setup();
    let engine = await s.start();
    const followerId = await s.follow(engine, 'wait_next_change', 1_500);
    await Bun.sleep(1_000);
    await s.trade(0.1); // the whale changes BTC: the follow copies it from now on (no executor: the order stays a signal)
    expect(await s.signalled(followerId)).toEqual([[BTC, 'buy', '0.300']]);
    await Bun.sleep(300); // the end of the wait is stored off the copy path
    await engine.stop();
    await s.trade(0.1); // while the engine is down
    engine = await s.start();
    scope.cleanup(() => engine.stop());
    const deadline = Date.now() + 10_000;
    while (s.of(followerId).length < 2 && Date.now() < deadline) await Bun.sleep(50);
    // The follower holds nothing on the venue (no executor ran), so the whole 0.4 is due: not waited out again.
    expect(s.of(followerId).map((x) => [x.symbol, x.side, x.amount])).toEqual([[BTC, 'buy', '0.300'], [BTC, 'buy', '0.400']]);
  }, 60_000);
});
