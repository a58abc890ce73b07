// The running engine: starts a ccxt.pro feed per whale and per follower from the store, keeps the books,
// routes whale changes to the copy engine and execution reports back into the books and the journal.
// Implements EngineControl for the HTTP API. Knows no HTTP and no SQL.
import type { FollowerBook, WhaleBook } from '../book';
import { decodeExecutionReport, type Bus, type BusConsumer, type ExecutionReport } from '../bus';
import type { Clock } from '../core';
import type { CopyEngine } from '../copy';
import { FollowerFeed, MarkFeed, MarketTables, WhaleFeed, isTerminalOrderStatus, type FeedAccount, type FeedStatus, type WhalePositionsEvent } from '../feeds';
import type { EngineControl, FollowerPositionView, StateScope, WhalePositionView } from '../ingress/engine-control';
import type { TradingState, Venue } from '../model';
import { mostRestrictive, type TradingStates } from '../risk';
import type { Store } from '../store';
import { awaitSignalsDrained } from './drain';
import { FillRecorder } from './fill-recorder';
import { errorText, type Logger } from './log';
import type { MarkBook } from './marks';
import { FollowRegistry } from './follow-registry';

export interface EngineRuntimeDeps {
  store: Store;
  bus: Bus;
  clock: Clock;
  whales: WhaleBook;
  followers: FollowerBook;
  states: TradingStates;
  copy: CopyEngine;
  marks: MarkBook;
  venues: Partial<Record<Venue, string>>;
  log: Logger;
  /** Executor shards, and how long start() waits for them to finish the signals of a previous run (default 45 s). */
  shards: number;
  startDrainMs?: number;
  /** Observers for metrics (optional). */
  onReport?(report: ExecutionReport): void;
  /** A fill row was journaled from a venue trade or from a report (metrics; optional). */
  onFill?(venue: Venue, source: 'trade' | 'report'): void;
  /** Live events (engine/src/events): told which whale or follower book changed, and each report (optional). */
  events?: { whaleChanged(whaleId: string): void; followerChanged(followerId: string): void; report(report: ExecutionReport): void };
}

/** Follower feeds started at once at engine start. */
const FEED_START_CONCURRENCY = 8;

/** `task` for every item, at most `limit` at a time. */
async function eachLimit<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

export interface FeedHealth {
  kind: 'whale' | 'follower';
  id: string;
  status: FeedStatus;
}

export class EngineRuntime implements EngineControl {
  private readonly whaleFeeds = new Map<string, WhaleFeed>();
  private readonly followerFeeds = new Map<string, FollowerFeed>();
  private readonly followerVenue = new Map<string, Venue>();
  private readonly tables = new MarketTables();
  private readonly markFeeds: MarkFeed[] = [];
  private reports: BusConsumer | undefined;
  private readonly whaleKinds = new Map<string, string>();
  private readonly registry: FollowRegistry;
  private sweeper: ReturnType<typeof setInterval> | undefined;

  private readonly fills: FillRecorder;

  constructor(private readonly d: EngineRuntimeDeps) {
    this.registry = new FollowRegistry({
      copy: d.copy, whales: d.whales, followers: d.followers, follows: d.store.follows, log: d.log,
      hasFeed: (whaleId) => this.whaleFeeds.has(whaleId),
      repair: (followerId) => this.repair(followerId),
    });
    this.fills = new FillRecorder({
      appendFill: (entry) => void d.store.journal.appendFill(entry),
      mark: (venue, symbol) => d.marks.get(venue, symbol),
      liveSince: (followerId) => this.followerFeeds.get(followerId)?.liveSince ?? Number.POSITIVE_INFINITY,
      clock: d.clock,
      onFill: d.onFill,
    });
  }

  /** Load everything from the store and start every feed and the report consumer. */
  /** The whale's kind ('binanceusdm' | 'hyperliquid' | 'tradingview'): the venue label of its metrics. */
  whaleVenue(whaleId: string): string | undefined {
    return this.whaleKinds.get(whaleId);
  }

  async start(): Promise<void> {
    // Orders that never get a final status (lost report, lost update) must not stay in flight forever.
    this.sweeper = setInterval(() => this.d.followers.sweep(this.d.clock.nowMs()), 5_000);
    for (const venue of ['binanceusdm', 'hyperliquid'] as const) {
      const feed = new MarkFeed({
        venue, baseUrl: this.d.venues[venue], markets: this.tables, clock: this.d.clock,
        onMark: (symbol, price) => this.d.marks.set(venue, symbol, price),
        onError: (info) => this.d.log('warn', 'mark feed error', { venue, error: errorText(info.error) }),
      });
      this.markFeeds.push(feed);
    }
    await Promise.all(this.markFeeds.map((f) => f.start()));
    this.reports = this.d.bus.consumeReports({ consumer: `engine-${process.pid}` }, async (entry) => {
      this.onReport(decodeExecutionReport(entry.bytes));
    });
    for (const w of await this.d.store.whales.list()) {
      this.d.states.set('whale', w.id, w.state);
      await this.isolated('whale', w.id, () => this.whaleAdded(w.id));
    }
    // The followers' first snapshots must come after every order of the previous run reached the venue.
    await this.drainPreviousSignals();
    const followers = await this.d.store.followers.list();
    for (const f of followers) {
      this.followerVenue.set(f.id, f.venue);
      this.d.states.set('follower', f.id, f.state);
    }
    // Follows before the follower feeds: each follower is copied as soon as its own first snapshot is in (that
    // snapshot's repair), not once every feed has started. A few feeds start at a time (each waits on the
    // database and the venue); one that cannot start is logged and the others go on.
    for (const f of await this.d.store.follows.list()) this.registry.apply(f.id, f, this.followerVenue.get(f.followerId));
    await eachLimit(followers, FEED_START_CONCURRENCY, (f) => this.isolated('follower', f.id, () => this.followerAdded(f.id)));
  }

  private async isolated(kind: 'whale' | 'follower', id: string, start: () => Promise<void>): Promise<void> {
    try {
      await start();
    } catch (e) {
      this.d.log('error', `${kind} feed did not start; the others run`, { [`${kind}Id`]: id, error: errorText(e) });
    }
  }

  /**
   * A restart forgets what was in flight; an order still queued for an executor is then in no snapshot and in
   * no book, and a repair would send it again. So: wait until the executors have finished what is queued.
   */
  private async drainPreviousSignals(): Promise<void> {
    const timeoutMs = this.d.startDrainMs ?? 45_000;
    if (timeoutMs <= 0) return;
    const r = await awaitSignalsDrained(this.d.bus, this.d.shards, { timeoutMs });
    if (!r.drained) {
      this.d.log('warn', 'signals from before this start are still unprocessed (executors down?); follower snapshots may miss those orders', {
        undelivered: r.undelivered, pending: r.pending, waitedMs: Math.round(r.waitedMs),
      });
    } else if (r.waitedMs >= 100) this.d.log('info', 'executors finished the signals of the previous run', { waitedMs: Math.round(r.waitedMs) });
  }

  async stop(): Promise<void> {
    clearInterval(this.sweeper);
    await this.reports?.stop();
    await Promise.all([...this.whaleFeeds.values(), ...this.followerFeeds.values(), ...this.markFeeds].map((f) => f.stop()));
    this.whaleFeeds.clear();
    this.followerFeeds.clear();
  }

  feeds(): FeedHealth[] {
    return [
      ...[...this.whaleFeeds].map(([id, f]) => ({ kind: 'whale' as const, id, status: f.status })),
      ...[...this.followerFeeds].map(([id, f]) => ({ kind: 'follower' as const, id, status: f.status })),
    ];
  }

  async whaleAdded(whaleId: string): Promise<void> {
    await this.whaleRemoved(whaleId);
    const whale = await this.d.store.whales.get(whaleId);
    if (!whale) return;
    this.whaleKinds.set(whaleId, whale.kind);
    this.d.states.set('whale', whaleId, whale.state);
    let account: FeedAccount;
    if (whale.kind === 'hyperliquid' && whale.address) account = { venue: 'hyperliquid', address: whale.address };
    else if (whale.kind === 'binanceusdm') {
      const c = await this.d.store.whales.credentials(whaleId);
      if (!c) throw new Error(`whale ${whaleId} has no lead-account credentials`);
      account = { venue: 'binanceusdm', apiKey: c.apiKey, secret: c.secret };
    } else return; // TradingView strategies are driven by webhooks, not feeds
    const feed = new WhaleFeed({
      whaleId, account, baseUrl: this.d.venues[account.venue], markets: this.tables, clock: this.d.clock,
      onPositions: (ev) => this.onWhalePositions(account.venue, ev),
      onEquity: (ev) => this.d.whales.setEquity(whaleId, ev.equity, ev.rxTs),
      onError: (info) => this.d.log('warn', 'whale feed error', { whaleId, error: errorText(info.error) }),
    });
    this.whaleFeeds.set(whaleId, feed);
    await feed.start();
    feed.whenSynced().then(() => {
      if (this.whaleFeeds.get(whaleId) === feed) this.registry.whaleSynced(whaleId); // not removed or replaced meanwhile
    }, () => undefined);
  }

  async whaleRemoved(whaleId: string): Promise<void> {
    const feed = this.whaleFeeds.get(whaleId);
    this.whaleFeeds.delete(whaleId);
    this.whaleKinds.delete(whaleId);
    this.registry.whaleStopped(whaleId);
    await feed?.stop();
  }

  async followerAdded(followerId: string): Promise<void> {
    await this.followerRemoved(followerId);
    const follower = await this.d.store.followers.get(followerId);
    if (!follower) return;
    this.d.states.set('follower', followerId, follower.state);
    this.followerVenue.set(followerId, follower.venue);
    const c = await this.d.store.followers.credentials(followerId);
    const account: FeedAccount = c.kind === 'wallet'
      ? { venue: 'hyperliquid', address: c.address }
      : { venue: 'binanceusdm', apiKey: c.apiKey, secret: c.secret };
    const feed = new FollowerFeed({
      followerId, account, baseUrl: this.d.venues[follower.venue], markets: this.tables, clock: this.d.clock,
      onPositions: (ev) => {
        this.d.followers.replaceActual(followerId, ev.positions);
        for (const p of ev.positions.values()) if (p.markPrice) this.d.marks.set(follower.venue, p.symbol, p.markPrice);
        if (ev.source === 'snapshot') this.repair(followerId);
        this.d.events?.followerChanged(followerId);
      },
      onOrder: (ev) => this.d.followers.applyOrderUpdate(ev, ev.filled, isTerminalOrderStatus(ev.status), ev.rxTs),
      onTrade: (ev) => this.fills.onTrade(ev),
      onEquity: (ev) => {
        const first = this.d.followers.equity(followerId) === undefined;
        this.d.followers.setEquity(followerId, ev.equity, ev.rxTs);
        // A repair after the positions snapshot that needed the equity (leverage checks, equity sizing) was denied
        // for lack of it; nothing else would retry until the whale moves.
        if (first && this.d.followers.isSynced(followerId)) this.repair(followerId);
      },
      onError: (info) => this.d.log('warn', 'follower feed error', { followerId, error: errorText(info.error) }),
    });
    this.followerFeeds.set(followerId, feed);
    await feed.start();
  }

  async followerRemoved(followerId: string): Promise<void> {
    const feed = this.followerFeeds.get(followerId);
    this.followerFeeds.delete(followerId);
    await feed?.stop();
  }

  async followChanged(followId: string): Promise<void> {
    const follow = await this.d.store.follows.get(followId);
    const venue = follow && (this.followerVenue.get(follow.followerId) ?? (await this.d.store.followers.get(follow.followerId))?.venue);
    this.registry.apply(followId, follow, venue);
  }

  /** The copy engine's CopyObserver.waitingEnded: stored off the copy path. */
  waitingEnded(followId: string, whaleSymbol: string): void {
    this.registry.waitingEnded(followId, whaleSymbol);
  }

  async followRemoved(followId: string): Promise<void> {
    this.registry.remove(followId);
  }

  whalePositions(whaleId: string): WhalePositionView[] | undefined {
    if (!this.d.whales.has(whaleId)) return undefined;
    return [...this.d.whales.positions(whaleId).values()].map((p) => ({ symbol: p.symbol, contracts: p.contracts, entryPrice: p.entryPrice }));
  }

  followerPositions(followerId: string): FollowerPositionView[] | undefined {
    const follows = this.d.copy.follows.ofFollower(followerId);
    if (!this.followerFeeds.has(followerId) && follows.length === 0) return undefined;
    const symbols = new Set<string>(this.d.followers.symbols(followerId) ?? []);
    const target = new Map<string, number>();
    for (const rt of follows) {
      for (const [symbol, memo] of rt.memos) {
        symbols.add(symbol);
        if (memo.sized) target.set(symbol, (target.get(symbol) ?? 0) + memo.target);
      }
    }
    return [...symbols].sort().map((symbol) => ({
      symbol, target: target.get(symbol) ?? 0,
      actual: this.d.followers.actual(followerId, symbol), inFlight: this.d.followers.inFlight(followerId, symbol),
    }));
  }

  tradingState(scope: StateScope, id: string): TradingState {
    return this.d.states.get(scope, id);
  }

  /** Applies a persisted state; lifting a restriction re-diffs the followers it concerns. */
  setTradingState(scope: StateScope, id: string, state: TradingState): void {
    const before = this.d.states.get(scope, id);
    this.d.states.set(scope, id, state);
    if (mostRestrictive(before, state) === state) return;
    const followers = scope === 'engine' ? [...this.followerVenue.keys()]
      : scope === 'follower' ? [id] : this.d.copy.follows.ofWhale(id).map((rt) => rt.follow.followerId);
    for (const followerId of new Set(followers)) this.repair(followerId);
  }

  flatten(scope: StateScope, id: string): Promise<number> {
    return this.d.copy.flatten(scope, id, this.followerVenue);
  }

  private onWhalePositions(venue: Venue, ev: WhalePositionsEvent): void {
    if (!this.d.whales.apply(ev)) return;
    for (const p of ev.positions.values()) if (p.markPrice) this.d.marks.set(venue, p.symbol, p.markPrice);
    this.d.copy.onWhaleChange(ev).catch((e) => this.d.log('error', 'signal publish failed', { whaleId: ev.whaleId, error: errorText(e) }));
    this.d.events?.whaleChanged(ev.whaleId);
  }

  private repair(followerId: string): void {
    this.d.copy.repairFollower(followerId).catch((e) => this.d.log('error', 'repair failed', { followerId, error: errorText(e) }));
  }

  private onReport(r: ExecutionReport): void {
    this.d.copy.onReport(r);
    if (Number(r.avgPrice) > 0) this.d.marks.set(r.venue, r.symbol, Number(r.avgPrice));
    this.d.store.journal.appendOrder({
      clientOrderId: r.clientOrderId, followerId: r.followerId, whaleId: r.whaleId, venue: r.venue, symbol: r.symbol,
      side: r.side, amount: Number(r.requestedAmount), status: r.status, filledAmount: Number(r.filledAmount) || 0,
      avgPrice: Number(r.avgPrice) || null, venueOrderId: r.venueOrderId || null,
      error: r.errorClass ? `${r.errorClass}: ${r.errorMessage}` : null, attempts: r.attempts,
    });
    this.fills.onReport(r);
    if (r.errorClass) void this.d.store.followers.recordError(r.followerId, `${r.errorClass}: ${r.errorMessage}`).catch(() => undefined);
    this.d.onReport?.(r);
    this.d.events?.report(r);
  }
}
