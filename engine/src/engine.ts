// Composition root: builds clock, store, bus, books, copy engine, runtime, in-process executors (when there
// is no Redis) and the HTTP API from one EngineConfig. Nothing global; tests start it in-process.
import { FollowerBook, WhaleBook } from './book';
import { createBus, type Bus, type ExecutionReport } from './bus';
import type { EngineConfig } from './config';
import { systemClock, type Clock } from './core';
import { CopyEngine, type CopyObserver } from './copy';
import { Executor, storeCredentials } from './executor';
import { EngineEventSource, EventHub, OrderRate, combineObservers, copyEventsObserver } from './events';
import { BusStatsPoller, Registry, createEngineMetrics, createExecutorMetrics, metricsHandler } from './metrics';
import { createKeyChecker, sweepExpiredSignIns } from './ingress/login';
import { createApi, persistedEngineState, serveApi, type LatencySource } from './ingress';
import { TradingStates } from './risk';
import { EngineRuntime } from './runtime/engine-runtime';
import { createLogger, errorText, type Logger } from './runtime/log';
import { RepeatGate } from './runtime/repeat-gate';
import { MarkBook } from './runtime/marks';
import { loadKeyring, openStore, type Store } from './store';
import { MarketCatalog, createClient, marketSpecsOf, type CcxtVenue } from './venues';
import { TradingViewIngress, webhookOptionsOf } from './webhooks';

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
  /** Live events (GET /api/events). */
  events: EventHub;
  /** POST /webhooks/tradingview. */
  tradingView: TradingViewIngress;
  stop(): Promise<void>;
}

export interface StartEngineOptions {
  clock?: Clock;
  log?: Logger;
  /** Extra observer of the copy path (metrics, console); journaling is always on. */
  observer?: CopyObserver;
  /** Called with every execution report after the books took it (metrics, demo summaries). */
  onReport?: (report: ExecutionReport) => void;
  /** Latency per hop for GET /api/overview and /api/latency (engine/src/metrics). */
  latency?: LatencySource;
  /** Every TradingView webhook reply: status and receipt-to-reply time (the webhook_ack hop). */
  onWebhookReplied?: (status: number, elapsedMs: number) => void;
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
  // Metrics: one registry per process; HDR latency per hop, counters and gauges read at scrape time.
  const registry = new Registry();
  const busStats = new BusStatsPoller({ bus, shards: config.shards, onError: (e) => log('warn', 'bus stats poll failed', { error: errorText(e) }) });
  const metrics = createEngineMetrics({
    registry, clock, busStats,
    feeds: () => runtime.feeds(),
    drift: function* () {
      for (const followerId of followers.followerIds()) {
        for (const p of runtime.followerPositions(followerId) ?? []) {
          yield { followerId, symbol: p.symbol, target: p.target, actual: p.actual, mark: marks.get('', p.symbol) };
        }
      }
    },
  });
  const metricsObserver = metrics.copyObserver({ whaleVenue: (id) => runtime.whaleVenue(id) });
  const onReport = (r: ExecutionReport) => {
    metrics.onReport(r);
    opts.onReport?.(r);
  };
  // Live events: the copy path, the runtime's books and reports feed one EventHub (GET /api/events).
  const events = new EventHub();
  const orderRate = new OrderRate();
  opts = { ...opts, observer: combineObservers(opts.observer, copyEventsObserver(events, clock, (followId) => copy.follows.get(followId)?.follow.whaleId, orderRate)) };
  const unknownPositions = new RepeatGate(60_000);
  const journal: CopyObserver = {
    emitted(whaleId, seq, items, signals, hops) {
      for (let i = 0; i < items.length; i++) {
        const item = items[i]!;
        // A copy: the copy engine writes its next pass into the same buffer.
        store.journal.appendSignal({ kind: 'signal', whaleId, whaleSeq: seq, shard: item.shard, followerCount: signals[item.shard]!.length, payload: Uint8Array.prototype.slice.call(item.bytes) });
      }
      for (const shard of signals) {
        for (const s of shard) {
          store.journal.appendOrder({
            clientOrderId: s.clientOrderId, followerId: s.followerId, whaleId, venue: s.venue, symbol: s.symbol, side: s.side,
            amount: Number(s.amount), status: 'pending', reduceOnly: s.reduceOnly, leg: s.leg, whaleSeq: seq,
          });
        }
      }
      metricsObserver.emitted!(whaleId, seq, items, signals, hops);
      opts.observer?.emitted?.(whaleId, seq, items, signals, hops);
    },
    denied(d) {
      store.journal.appendSignal({ kind: 'denial', whaleId: d.intent.whaleId, whaleSeq: d.intent.whaleSeq, shard: 0, followerCount: 1, detail: { followerId: d.intent.followerId, symbol: d.intent.symbol, reason: d.reason, detail: d.detail } });
      metricsObserver.denied!(d);
      opts.observer?.denied?.(d);
    },
    skipped(followId, followerId, symbol, reason, carried) {
      // A symbol outside the follow's lists is the operator's choice, not an event worth a journal row; a
      // follower whose positions are not known yet gets one row a minute, not one per whale change.
      const journaled = reason === 'positions_unknown' ? unknownPositions.pass(followerId, clock.nowMs()) : reason !== 'symbol_excluded';
      if (journaled) store.journal.appendSignal({ kind: 'skip', whaleId: copy.follows.get(followId)?.follow.whaleId ?? '', whaleSeq: 0, shard: 0, followerCount: 1, detail: { followId, followerId, symbol, reason, carried } });
      metricsObserver.skipped!(followId, followerId, symbol, reason, carried);
      opts.observer?.skipped?.(followId, followerId, symbol, reason, carried);
    },
    publishFailed(whaleId, error) {
      metricsObserver.publishFailed!(whaleId, error);
      opts.observer?.publishFailed?.(whaleId, error);
    },
    waitingEnded(followId, whaleSymbol) {
      // Off the hot path: one UPDATE, a restart then copies that position instead of waiting it out again.
      runtime.waitingEnded(followId, whaleSymbol);
      opts.observer?.waitingEnded?.(followId, whaleSymbol);
    },
  };
  const copy = new CopyEngine({
    bus, shards: config.shards, whales, followers, states, clock, observer: journal,
    markets: catalog, mark: (venue, symbol) => marks.get(venue, symbol),
  });
  const liveBooks = { whalePositions: (id: string) => runtime.whalePositions(id), followerPositions: (id: string) => runtime.followerPositions(id) };
  const eventSource = new EngineEventSource(events, liveBooks, clock);
  const runtime = new EngineRuntime({ store, bus, clock, whales, followers, states, copy, marks, venues: config.venues, log, onReport, events: eventSource,
    onFill: (venue, source) => metrics.countFill(venue, source),
    shards: config.shards, startDrainMs: config.startDrainMs });
  // TradingView strategies: whale books rebuilt from the webhook journal before the runtime loads follows.
  const tradingView = new TradingViewIngress({
    whales, copy, store, clock, options: webhookOptionsOf(config.webhook),
    knownBase: (base) => catalog.size === 0 || catalog.market('binanceusdm', base) !== undefined || catalog.market('hyperliquid', base) !== undefined,
    onMark: (symbol, price) => marks.set('tradingview', symbol, price),
    onWhaleChanged: (whaleId) => eventSource.whaleChanged(whaleId),
    onPublishFailed: (whaleId, error) => log('error', 'webhook signal publish failed', { whaleId, error: errorText(error) }),
    onReplied: (status, ms) => {
      metrics.recordWebhookAck(ms);
      opts.onWebhookReplied?.(status, ms);
    },
  });
  await tradingView.start();
  states.set('engine', '', await persistedEngineState(store.audit));
  const executors: Executor[] = [];
  if (!config.redisUrl) {
    const executorMetrics = createExecutorMetrics({ registry, processMetrics: false });
    for (let shard = 0; shard < config.shards; shard++) {
      executors.push(new Executor({
        bus, shard, consumer: `inproc-${shard}`, credentials: storeCredentials(store.followers), venueUrls: config.venues, clock,
        observer: executorMetrics.observer,
        onError: (e) => log('warn', 'executor error', { shard, error: errorText(e) }),
      }));
    }
    await Promise.all(executors.map((e) => e.start()));
  }
  const app = createApi({
    store, control: runtime, adminToken: config.adminToken, clock, reportError: (e, where) => log('error', 'api error', { ...where, error: errorText(e) }),
    bus, shards: config.shards, events, latency: opts.latency ?? metrics.latencySource, checkKey: createKeyChecker(config.venues), ordersPerSec: () => orderRate.perSecond(clock.nowMs()), tradingView,
  });
  const handleMetrics = metricsHandler(registry);
  app.get('/metrics', ({ request }) => handleMetrics(request), { detail: { hide: true } });
  await runtime.start();
  busStats.start();
  const signInSweep = setInterval(() => void sweepExpiredSignIns(store).catch(() => undefined), 60_000);
  const server = serveApi(app, { port: config.port });
  const port = server.port;
  log('info', 'engine started', { port, bus: bus.kind, store: store.driver, shards: config.shards, inProcessExecutors: executors.length });
  return {
    url: `http://127.0.0.1:${port}`, port, store, bus, copy, runtime, whales, followers, states, executors, events, tradingView,
    async stop() {
      await server.stop();
      clearInterval(signInSweep);
      await busStats.stop();
      eventSource.stop();
      await runtime.stop();
      await tradingView.close();
      await Promise.all(executors.map((e) => e.stop()));
      await bus.close();
      await store.close();
    },
  };
}
