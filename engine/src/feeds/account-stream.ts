// One venue account read through one ccxt.pro instance: the positions stream (and optionally orders),
// kept as a full book; REST snapshot after every (re)connect before the stream is trusted again;
// reconnect with backoff. Emits book changes; knows nothing about whales, followers or sequences.
import { systemClock, type Clock } from '../core';
import { Backoff, backoffOptions } from './backoff';
import { CcxtSession } from './ccxt-session';
import { FeedListenerError, FeedSnapshotError, FeedStartError, FeedStreamError } from './errors';
import { loadMarketsInto, type MarketTables } from './markets';
import type { VenueOrderLike } from './order-frame';
import { EMPTY_BOOK, applyPositionFrame, frameVenueTs, type AppliedFrame, type VenuePositionLike } from './position-frame';
import { Sleeper } from './sleeper';
import type { VenueTradeLike } from './trade-frame';
import type { BackoffOptions, BookSource, EquityEvent, FeedAccount, FeedErrorInfo, FeedStatus, PositionBook } from './types';
import { venueAdapter, type VenueAdapter } from './venue-adapter';

export interface AccountStreamOptions {
  readonly accountId: string;
  readonly account: FeedAccount;
  readonly baseUrl?: string;
  readonly backoff?: Partial<BackoffOptions>;
  readonly reconcileEveryMs?: number;
  readonly timeoutMs?: number;
  readonly enableRateLimit?: boolean;
  readonly clock?: Clock;
  readonly markets?: MarketTables;
  readonly watchOrders: boolean;
  readonly onBook: (applied: AppliedFrame, source: BookSource, venueTs: number, rxTs: number) => void;
  readonly onOrders?: (orders: readonly VenueOrderLike[], rxTs: number) => void;
  /** Watch the account's executions (watchMyTrades) and pass them here. */
  readonly onTrades?: (trades: readonly VenueTradeLike[], rxTs: number) => void;
  readonly onEquity?: (event: EquityEvent) => void;
  readonly onError?: (info: FeedErrorInfo) => void;
}

const messageOf = (e: unknown): string => (e instanceof Error ? `${e.constructor.name}: ${e.message}` : String(e));

export class AccountStream {
  private readonly adapter: VenueAdapter;
  private readonly clock: Clock;
  private readonly backoffOpts: BackoffOptions;
  private readonly sleeper = new Sleeper();
  private readonly tasks = new Set<Promise<void>>();
  private session: CcxtSession | undefined;
  private bookNow: PositionBook = EMPTY_BOOK;
  private started = false;
  private stopped = false;
  /** Bumped by every sync (connect or reconcile); a sync whose epoch is stale drops its result. */
  private epoch = 0;
  private syncing = false;
  /** Stream frames received while syncing, applied after the snapshot (delta venues merge by symbol). */
  private pendingDelta: Map<string, VenuePositionLike> | undefined;
  private pendingFull: readonly VenuePositionLike[] | undefined;
  private pendingVenueTs = 0;
  private pendingRxTs = 0;
  private lastEquity = Number.NaN;
  private syncWaiters: Array<{ resolve(): void; reject(e: Error): void }> = [];
  private readonly loopBackoffs: Backoff[] = [];
  private st = { connected: false, synced: false, lastMessageAt: 0, lastSnapshotAt: 0, opens: 0, lastError: undefined as string | undefined };
  /** When the socket last opened (every watch re-subscribes then); Infinity while it is down. */
  private openSince = Number.POSITIVE_INFINITY;

  constructor(private readonly o: AccountStreamOptions) {
    this.adapter = venueAdapter(o.account);
    this.clock = o.clock ?? systemClock;
    this.backoffOpts = backoffOptions(o.backoff);
  }

  get book(): PositionBook {
    return this.bookNow;
  }

  get status(): FeedStatus {
    const s = this.st;
    return { connected: s.connected, synced: s.synced, lastMessageAt: s.lastMessageAt, lastSnapshotAt: s.lastSnapshotAt, reconnects: Math.max(0, s.opens - 1), lastError: s.lastError };
  }

  /** Loads markets and starts streaming; resolves once the loops run (see whenSynced for the first snapshot). */
  async start(): Promise<void> {
    if (this.started || this.stopped) return;
    this.started = true;
    const timeoutMs = this.o.timeoutMs ?? 10_000;
    const session = new CcxtSession(this.adapter.venue, this.adapter.clientOptions({ baseUrl: this.o.baseUrl, timeoutMs, enableRateLimit: this.o.enableRateLimit ?? true }), {
      onOpen: () => this.opened(),
      onClose: () => {
        this.st.connected = false;
        this.openSince = Number.POSITIVE_INFINITY;
      },
    });
    this.session = session;
    try {
      this.adapter.configure(session.ex);
      await loadMarketsInto(session.ex, this.adapter.venue, this.o.baseUrl, timeoutMs, this.o.markets);
      await session.prepare();
    } catch (e) {
      this.stopped = true;
      await session.close();
      throw new FeedStartError(`cannot start the ${this.adapter.venue} feed of ${this.o.accountId}`, { cause: e, ids: { accountId: this.o.accountId } });
    }
    if (this.stopped) return;
    this.spawn(this.watchLoop(this.adapter.watchPositions.bind(this.adapter), (frame) => this.streamFrame(frame)));
    if (this.o.watchOrders) this.spawn(this.watchLoop(this.adapter.watchOrders.bind(this.adapter), (orders) => this.deliver('orders', orders, this.o.onOrders)));
    if (this.o.onTrades) this.spawn(this.watchLoop(this.adapter.watchMyTrades.bind(this.adapter), (trades) => this.deliver('trades', trades, this.o.onTrades)));
    if ((this.o.reconcileEveryMs ?? 0) > 0) this.spawn(this.reconcileLoop(this.o.reconcileEveryMs!));
  }

  /**
   * Since when the stream has been up without a break (epoch ms of the last open; Infinity while down): an
   * event of the account after this time reaches the watchers, one before it may have been missed.
   */
  get liveSince(): number {
    return this.st.connected ? this.openSince : Number.POSITIVE_INFINITY;
  }

  /** Resolves when a snapshot has been applied since the last (re)connect; rejects if the stream stops first. */
  whenSynced(): Promise<void> {
    if (this.st.synced) return Promise.resolve();
    if (this.stopped) return Promise.reject(new FeedStreamError(`feed of ${this.o.accountId} is stopped`));
    return new Promise((resolve, reject) => this.syncWaiters.push({ resolve, reject }));
  }

  /** Closes the ccxt instance and waits for every loop and snapshot to end. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped && this.tasks.size === 0) return;
    this.stopped = true;
    this.st.connected = false;
    this.sleeper.wakeAll();
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    for (const w of waiters) w.reject(new FeedStreamError(`feed of ${this.o.accountId} stopped before syncing`));
    await this.session?.close();
    await Promise.allSettled([...this.tasks]);
  }

  private spawn(task: Promise<void>): void {
    this.tasks.add(task);
    void task.finally(() => this.tasks.delete(task));
  }

  /** Re-arms the watch before handling each result, so a frame pushed while handling is never missed. */
  private async watchLoop<T>(watch: (ex: CcxtSession['ex']) => Promise<T>, handle: (result: T) => void): Promise<void> {
    const backoff = new Backoff(this.backoffOpts);
    this.loopBackoffs.push(backoff);
    const ex = this.session!.ex;
    while (!this.stopped) {
      try {
        let pending = watch(ex);
        for (;;) {
          const result = await pending;
          if (this.stopped) return;
          pending = watch(ex);
          handle(result);
        }
      } catch (e) {
        if (this.stopped) return;
        this.st.connected = false;
        this.openSince = Number.POSITIVE_INFINITY;
        this.report(new FeedStreamError(`${this.adapter.venue} stream of ${this.o.accountId} failed`, { cause: e, ids: { accountId: this.o.accountId } }));
        await this.sleeper.sleep(backoff.next(this.clock.nowMs()));
      }
    }
  }

  private opened(): void {
    if (this.stopped) return;
    const now = this.clock.nowMs();
    this.st.opens++;
    this.st.connected = true;
    this.openSince = now;
    this.st.synced = false;
    for (const b of this.loopBackoffs) b.healthy(now);
    this.spawn(this.sync(++this.epoch));
  }

  private async reconcileLoop(everyMs: number): Promise<void> {
    while (!this.stopped) {
      await this.sleeper.sleep(everyMs);
      if (this.stopped) return;
      if (this.st.connected && this.st.synced && !this.syncing) await this.sync(++this.epoch);
    }
  }

  /** Takes a REST snapshot (retried with backoff), applies it, then the frames buffered meanwhile. */
  private async sync(epoch: number): Promise<void> {
    this.syncing = true;
    const ex = this.session!.ex;
    const backoff = new Backoff(this.backoffOpts);
    while (!this.stopped && epoch === this.epoch) {
      try {
        const rows = await this.adapter.fetchPositions(ex);
        if (this.stopped || epoch !== this.epoch) return;
        this.applySnapshot(rows);
        break;
      } catch (e) {
        if (this.stopped || epoch !== this.epoch) return;
        this.report(new FeedSnapshotError(`${this.adapter.venue} positions snapshot of ${this.o.accountId} failed`, { cause: e, ids: { accountId: this.o.accountId } }));
        await this.sleeper.sleep(backoff.next(this.clock.nowMs()));
      }
    }
    if (this.stopped || epoch !== this.epoch) return;
    try {
      const equity = await this.adapter.fetchEquity(ex);
      if (!this.stopped) this.equity(equity, 'snapshot');
    } catch (e) {
      if (!this.stopped) this.report(new FeedSnapshotError(`${this.adapter.venue} balance snapshot of ${this.o.accountId} failed`, { cause: e, ids: { accountId: this.o.accountId } }));
    }
  }

  private applySnapshot(rows: readonly VenuePositionLike[]): void {
    const rxTs = this.clock.nowMs();
    this.apply(rows, 'full', 'snapshot', frameVenueTs(rows, rxTs), rxTs);
    const delta = this.pendingDelta;
    const full = this.pendingFull;
    this.pendingDelta = undefined;
    this.pendingFull = undefined;
    if (delta !== undefined) this.apply([...delta.values()], 'delta', 'stream', this.pendingVenueTs, this.pendingRxTs);
    if (full !== undefined) this.apply(full, 'full', 'stream', this.pendingVenueTs, this.pendingRxTs);
    this.syncing = false;
    this.st.synced = true;
    this.st.lastSnapshotAt = rxTs;
    const waiters = this.syncWaiters;
    this.syncWaiters = [];
    for (const w of waiters) w.resolve();
  }

  private streamFrame(frame: readonly VenuePositionLike[]): void {
    const rxTs = this.clock.nowMs();
    this.st.lastMessageAt = rxTs;
    const ex = this.session!.ex;
    const venueTs = this.adapter.streamVenueTs(ex, frame) ?? frameVenueTs(frame, rxTs);
    const equity = this.adapter.streamEquity(ex);
    if (this.syncing) this.buffer(frame, venueTs, rxTs);
    else this.apply(frame, this.adapter.frameKind, 'stream', venueTs, rxTs);
    this.equity(equity, 'stream');
  }

  private buffer(frame: readonly VenuePositionLike[], venueTs: number, rxTs: number): void {
    this.pendingVenueTs = venueTs;
    this.pendingRxTs = rxTs;
    if (this.adapter.frameKind === 'full') {
      this.pendingFull = frame;
      return;
    }
    const pending = (this.pendingDelta ??= new Map());
    for (let i = 0; i < frame.length; i++) {
      const p = frame[i]!;
      if (p.symbol !== undefined) pending.set(p.symbol, p);
    }
  }

  private apply(frame: readonly VenuePositionLike[], kind: 'delta' | 'full', source: BookSource, venueTs: number, rxTs: number): void {
    let applied = applyPositionFrame(this.bookNow, frame, kind);
    if (applied === undefined) {
      // A snapshot that changes nothing is still news: the book is now known (a flat account included).
      if (source !== 'snapshot') return;
      applied = { book: this.bookNow, changed: [] };
    }
    this.bookNow = applied.book;
    try {
      this.o.onBook(applied, source, venueTs, rxTs);
    } catch (e) {
      this.report(new FeedListenerError(`positions listener of ${this.o.accountId} threw`, { cause: e, ids: { accountId: this.o.accountId } }));
    }
  }

  /** Orders or trades from their stream to their listener; a listener that throws is reported, never fatal. */
  private deliver<T>(what: 'orders' | 'trades', items: readonly T[], listener: ((items: readonly T[], rxTs: number) => void) | undefined): void {
    const rxTs = this.clock.nowMs();
    this.st.lastMessageAt = rxTs;
    try {
      listener?.(items, rxTs);
    } catch (e) {
      this.report(new FeedListenerError(`${what} listener of ${this.o.accountId} threw`, { cause: e, ids: { accountId: this.o.accountId } }));
    }
  }

  private equity(value: number | undefined, source: BookSource): void {
    if (value === undefined || value === this.lastEquity || this.o.onEquity === undefined) return;
    this.lastEquity = value;
    try {
      this.o.onEquity({ accountId: this.o.accountId, equity: value, currency: this.adapter.quote, source, rxTs: this.clock.nowMs() });
    } catch (e) {
      this.report(new FeedListenerError(`equity listener of ${this.o.accountId} threw`, { cause: e, ids: { accountId: this.o.accountId } }));
    }
  }

  private report(error: Error): void {
    this.st.lastError = error.cause === undefined ? error.message : `${error.message}: ${messageOf(error.cause)}`;
    try {
      this.o.onError?.({ accountId: this.o.accountId, venue: this.adapter.venue, error });
    } catch {
      // An error reporter that throws must not stop the feed; lastError already holds the failure.
    }
  }
}
