// Webhook ack benchmark: the engine's webhook path (HTTP server, TradingView ingress, whale book, copy
// engine with N followers, write-behind journal, XADD on Redis Streams when redisUrl is set) in this
// process, and the open-loop load client in its own process. Benchmark tooling only.
import { resolve } from 'node:path';
import { FollowerBook, WhaleBook } from '../../book';
import { createBus } from '../../bus';
import { systemClock } from '../../core';
import { CopyEngine } from '../../copy';
import { createApi, serveApi } from '../../ingress';
import type { Follow, MarketSpec, Venue } from '../../model';
import { TradingStates } from '../../risk';
import { generateKeySpec, keyringFromSpec, openStore } from '../../store';
import { MarketCatalog } from '../../venues';
import { TradingViewIngress } from '../tradingview-ingress';
import type { LoadClientConfig, LoadClientResult } from './load-client';

export interface AckBenchOptions {
  readonly ratePerSec?: number;
  readonly seconds?: number;
  readonly warmupSeconds?: number;
  /** Followers of the strategy (half on each venue). Default 10. */
  readonly followers?: number;
  /** Redis for the signal streams; unset = the in-process bus. */
  readonly redisUrl?: string;
  /** PostgreSQL for the journal; unset = in-memory PGlite. */
  readonly databaseUrl?: string;
  readonly shards?: number;
  /** Bus key prefix (the caller may delete its keys afterwards); default a fresh random one. */
  readonly keyPrefix?: string;
}

export interface AckBenchResult extends LoadClientResult {
  readonly ratePerSec: number;
  readonly followers: number;
  readonly bus: 'redis' | 'in_process';
  readonly keyPrefix: string;
  readonly store: string;
  /** Signals the copy engine put on the bus during the run. */
  readonly signals: number;
  readonly journal: { written: number; buffered: number; overflowed: number };
}

const MARKETS: MarketSpec[] = [
  { symbol: 'BTC/USDT:USDT', venue: 'binanceusdm', venueId: 'BTCUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 100, priceTick: 0.1, maxLeverage: 125 },
  { symbol: 'BTC/USDC:USDC', venue: 'hyperliquid', venueId: 'BTC', amountStep: 0.00001, minAmount: 0.00001, minNotional: 10, priceTick: 1, maxLeverage: 40 },
];
const SECRET = 'bench-secret-0123456789abcdef';
const ADMIN = 'bench-admin-token-0123456789';

/** Acknowledges and trims what the run left on the signal streams (no executors consumed them). */
async function drainSignals(bus: ReturnType<typeof createBus>, shards: number): Promise<void> {
  for (let shard = 0; shard < shards; shard++) {
    const consumer = bus.consumeSignals(shard, { consumer: 'bench-drain', batchSize: 1000, blockMs: 20 }, async () => {});
    await consumer.ready;
    for (let i = 0; i < 500; i++) {
      const stats = await bus.shardStats(shard);
      if (stats.pending === 0 && stats.lag === 0) break;
      await Bun.sleep(10);
    }
    await consumer.stop();
    await bus.trimSignals(shard);
  }
}

export async function runWebhookAckBench(options: AckBenchOptions = {}): Promise<AckBenchResult> {
  const ratePerSec = options.ratePerSec ?? 1000;
  const followerCount = options.followers ?? 10;
  const shards = options.shards ?? 2;
  const keyPrefix = options.keyPrefix ?? `bench${Math.random().toString(36).slice(2, 8)}`;
  const store = await openStore({ databaseUrl: options.databaseUrl, dataDir: 'memory://', keyring: await keyringFromSpec(generateKeySpec()) });
  const bus = createBus({ redisUrl: options.redisUrl, keyPrefix });
  await bus.ready();
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const catalog = new MarketCatalog();
  catalog.add(MARKETS);
  let signals = 0;
  const copy = new CopyEngine({
    bus, shards, whales, followers, states: new TradingStates(), clock: systemClock, markets: catalog, mark: () => 60000,
    observer: { emitted: (_w, _s, _i, batches) => { for (const b of batches) signals += b.length; } },
  });
  const ingress = new TradingViewIngress({ whales, copy, store, clock: systemClock, options: { ratePerSource: 1_000_000 }, journal: process.env.BENCH_NO_JOURNAL ? { intervalMs: 600_000, maxRows: 1_000_000 } : undefined });
  await ingress.start();
  const strategy = await store.whales.create({ kind: 'tradingview', name: 'bench', tradingViewSecret: SECRET });
  await ingress.strategyChanged(strategy.id);
  for (let n = 0; n < followerCount; n++) {
    const venue: Venue = n % 2 === 0 ? 'binanceusdm' : 'hyperliquid';
    const follow: Follow = {
      id: `bench-follow-${n}`, whaleId: strategy.id, followerId: `bench-follower-${n}`, sizing: { mode: 'proportional', k: 0.1 + n * 0.01 },
      caps: {}, leverage: { mode: 'copy' }, symbols: {}, existing: 'copy_now', state: 'active',
    };
    copy.follows.upsert(follow, venue, new Map());
    followers.replaceActual(follow.followerId, new Map());
    followers.setEquity(follow.followerId, 10_000_000, 0);
  }
  const control = { whaleAdded: async () => {}, whaleRemoved: async () => {}, followerAdded: async () => {}, followerRemoved: async () => {},
    followChanged: async () => {}, followRemoved: async () => {}, whalePositions: () => undefined, followerPositions: () => undefined,
    tradingState: () => 'active' as const, setTradingState: () => {}, flatten: async () => 0, feeds: () => [] };
  const server = serveApi(createApi({ store, control, bus, shards, adminToken: ADMIN, tradingView: ingress }), { port: 0, hostname: '127.0.0.1' });
  try {
    const config: LoadClientConfig = {
      url: `${server.url}/webhooks/tradingview`, strategy: strategy.id, secret: SECRET, ratePerSec,
      durationMs: ((options.warmupSeconds ?? 1) + (options.seconds ?? 5)) * 1000, warmupMs: (options.warmupSeconds ?? 1) * 1000,
    };
    const client = Bun.spawn([process.execPath, resolve(import.meta.dir, 'load-client.ts'), JSON.stringify(config)], { stdout: 'pipe', stderr: 'inherit' });
    const out = await new Response(client.stdout).text();
    if ((await client.exited) !== 0) throw new Error(`load client failed: ${out}`);
    const result = JSON.parse(out.trim().split('\n').pop()!) as LoadClientResult;
    const journal = ingress.journalStats();
    return {
      ...result, ratePerSec, followers: followerCount, bus: bus.kind, keyPrefix, store: store.driver, signals,
      journal: { written: journal.written, buffered: journal.buffered, overflowed: journal.overflowed },
    };
  } finally {
    await server.stop();
    await ingress.close();
    await drainSignals(bus, shards);
    await bus.close();
    await store.close();
  }
}

if (import.meta.main) {
  const result = await runWebhookAckBench({ redisUrl: process.env.REDIS_URL, databaseUrl: process.env.DATABASE_URL });
  console.log(JSON.stringify(result));
}
