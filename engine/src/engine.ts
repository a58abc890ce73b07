// Composition root: builds clock, store, bus, books, copy engine, runtime, in-process executors (when there
// is no Redis) and the HTTP API from one EngineConfig. Nothing global; tests start it in-process.
import { FollowerBook, WhaleBook } from './book';
import { createBus, type Bus, type ExecutionReport } from './bus';
import type { EngineConfig } from './config';
import { systemClock, type Clock } from './core';
import { CopyEngine, type CopyObserver } from './copy';
import { Executor, storeCredentials } from './executor';
import { createApi } from './ingress';
import { TradingStates } from './risk';
import { EngineRuntime } from './runtime/engine-runtime';
import { createLogger, errorText, type Logger } from './runtime/log';
import { MarkBook } from './runtime/marks';
import { loadKeyring, openStore, type Store } from './store';
import { MarketCatalog, createClient, marketSpecsOf, type CcxtVenue } from './venues';

export interface EngineHandle {
  url: string;
  port: number;
  store: Store;
  bus: Bus;
  copy: CopyEngine;
  runtime: EngineRuntime;
  whales: WhaleBook;
  followers: FollowerBook;
  states: TradingStates;
  executors: Executor[];
  stop(): Promise<void>;
}

export interface StartEngineOptions {
  clock?: Clock;
  log?: Logger;
  /** Extra observer of the copy path (metrics, console); journaling is always on. */
  observer?: CopyObserver;
  /** Called with every execution report after the books took it (metrics, demo summaries). */
  onReport?: (report: ExecutionReport) => void;
  env?: Record<string, string | undefined>;
}

async function loadCatalog(venues: EngineConfig['venues'], log: Logger): Promise<MarketCatalog> {
  const catalog = new MarketCatalog();
  for (const venue of ['binanceusdm', 'hyperliquid'] as CcxtVenue[]) {
    const ex = createClient(venue, { baseUrl: venues[venue] });
    try {
      await ex.loadMarkets();
      catalog.add(marketSpecsOf(venue, ex));
    } catch (e) {
      log('warn', 'markets not loaded; this venue cannot be copied onto until restart', { venue, error: errorText(e) });
    } finally {
      await ex.close();
    }
  }
  return catalog;
}

export async function startEngine(config: EngineConfig, opts: StartEngineOptions = {}): Promise<EngineHandle> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.logLevel, 'engine');
  const keyring = await loadKeyring(opts.env ?? process.env);
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.pgliteDir, keyring });
  const bus = createBus({ redisUrl: config.redisUrl, keyPrefix: config.busPrefix });
  await bus.ready();
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const states = new TradingStates();
  const marks = new MarkBook();
  const catalog = await loadCatalog(config.venues, log);
  const journal: CopyObserver = {
    emitted(whaleId, seq, items, signals) {
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        store.journal.appendSignal({ kind: 'signal', whaleId, whaleSeq: seq, shard: item.shard, followerCount: signals[item.shard]!.length, payload: item.bytes });
      }
      for (const shard of signals) {
        for (const s of shard) {
          store.journal.appendOrder({
            clientOrderId: s.clientOrderId, followerId: s.followerId, whaleId, venue: s.venue, symbol: s.symbol, side: s.side,
            amount: Number(s.amount), status: 'pending', reduceOnly: s.reduceOnly, leg: s.leg, whaleSeq: seq,
          });
        }
      }
      opts.observer?.emitted?.(whaleId, seq, items, signals, arguments[4]);
    },
    denied(d) {
      store.journal.appendSignal({ kind: 'denial', whaleId: d.intent.whaleId, whaleSeq: d.intent.whaleSeq, shard: 0, followerCount: 1, detail: { followerId: d.intent.followerId, symbol: d.intent.symbol, reason: d.reason, detail: d.detail } });
      opts.observer?.denied?.(d);
    },
    skipped(followId, followerId, symbol, reason, carried) {
      // A symbol outside the follow's lists is the operator's choice, not an event worth a journal row.
      if (reason !== 'symbol_excluded') store.journal.appendSignal({ kind: 'skip', whaleId: copy.follows.get(followId)?.follow.whaleId ?? '', whaleSeq: 0, shard: 0, followerCount: 1, detail: { followId, followerId, symbol, reason, carried } });
      opts.observer?.skipped?.(followId, followerId, symbol, reason, carried);
    },
    publishFailed(whaleId, error) {
      opts.observer?.publishFailed?.(whaleId, error);
    },
  };
  const copy = new CopyEngine({
    bus, shards: config.shards, whales, followers, states, clock, observer: journal,
    markets: catalog, mark: (venue, symbol) => marks.get(venue, symbol),
  });
  const runtime = new EngineRuntime({ store, bus, clock, whales, followers, states, copy, marks, venues: config.venues, log, onReport: opts.onReport });
  const executors: Executor[] = [];
  if (!config.redisUrl) {
    for (let shard = 0; shard < config.shards; shard++) {
      executors.push(new Executor({
        bus, shard, consumer: `inproc-${shard}`, credentials: storeCredentials(store.followers), venueUrls: config.venues, clock,
        onError: (e) => log('warn', 'executor error', { shard, error: errorText(e) }),
      }));
    }
    await Promise.all(executors.map((e) => e.start()));
  }
  const app = createApi({ store, control: runtime, adminToken: config.adminToken, clock, reportError: (e, where) => log('error', 'api error', { ...where, error: errorText(e) }) });
  await runtime.start();
  const server = Bun.serve({ port: config.port, hostname: '0.0.0.0', fetch: (req) => app.handle(req) });
  const port = server.port ?? config.port;
  log('info', 'engine started', { port, bus: bus.kind, store: store.driver, shards: config.shards, inProcessExecutors: executors.length });
  return {
    url: `http://127.0.0.1:${port}`, port, store, bus, copy, runtime, whales, followers, states, executors,
    async stop() {
      await server.stop(true);
      await runtime.stop();
      await Promise.all(executors.map((e) => e.stop()));
      await bus.close();
      await store.close();
    },
  };
}
