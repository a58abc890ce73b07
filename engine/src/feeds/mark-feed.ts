// Public mark prices of one venue through ccxt.pro: Binance USD-M markPrice streams, Hyperliquid allMids.
// A REST snapshot first and after every reconnect; emits (symbol, price) pairs, nothing else.
import { backoffOptions, Backoff } from './backoff';
import { CcxtSession } from './ccxt-session';
import { loadMarketsInto, type MarketTables } from './markets';
import { Sleeper } from './sleeper';
import type { BackoffOptions, FeedErrorInfo } from './types';
import { systemClock, type Clock } from '../core';
import type { Venue } from '../model';

export interface MarkFeedOptions {
  readonly venue: Venue;
  readonly baseUrl?: string;
  readonly markets?: MarketTables;
  readonly backoff?: Partial<BackoffOptions>;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  readonly onMark: (symbol: string, price: number, rxTs: number) => void;
  readonly onError?: (info: FeedErrorInfo) => void;
}

interface TickerLike {
  symbol?: string;
  markPrice?: number;
  last?: number;
  close?: number;
  info?: { markPx?: string };
}

const priceOf = (t: TickerLike) => t.markPrice ?? (t.info?.markPx ? Number(t.info.markPx) : undefined) ?? t.last ?? t.close;

export class MarkFeed {
  private session: CcxtSession | undefined;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly sleeper = new Sleeper();
  private readonly backoff: Backoff;
  private readonly clock: Clock;
  lastMessageAt = 0;

  constructor(private readonly o: MarkFeedOptions) {
    this.backoff = new Backoff(backoffOptions(o.backoff));
    this.clock = o.clock ?? systemClock;
  }

  /** Resolves once the first snapshot is in (or the first attempt failed; the loop keeps retrying). */
  async start(): Promise<void> {
    this.running = true;
    let first!: () => void;
    const started = new Promise<void>((r) => (first = r));
    this.loop = this.run(first);
    await started;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.sleeper.wakeAll();
    await this.session?.close();
    await this.loop;
  }

  private emit(tickers: Iterable<TickerLike>): void {
    const now = this.clock.nowMs();
    this.lastMessageAt = now;
    for (const t of tickers) {
      const p = priceOf(t);
      if (t.symbol && p !== undefined && p > 0) this.o.onMark(t.symbol, p, now);
    }
  }

  private async run(started: () => void): Promise<void> {
    while (this.running) {
      const session = new CcxtSession(this.o.venue, { baseUrl: this.o.baseUrl, timeoutMs: this.o.timeoutMs }, {
        onOpen: () => this.backoff.healthy(this.clock.nowMs()),
        onClose: () => undefined,
      });
      this.session = session;
      try {
        await session.prepare();
        await loadMarketsInto(session.ex, this.o.venue, this.o.baseUrl, this.o.timeoutMs ?? 10_000, this.o.markets);
        const all = Object.values(session.ex.markets ?? {}) as { symbol: string; swap?: boolean; linear?: boolean }[];
        const symbols = all.filter((m) => m.swap && m.linear).map((m) => m.symbol);
        this.emit(Object.values(await session.ex.fetchTickers(symbols)) as TickerLike[]);
        started();
        while (this.running) {
          const tickers = this.o.venue === 'binanceusdm'
            ? await (session.ex as { watchMarkPrices(s: string[]): Promise<Record<string, TickerLike>> }).watchMarkPrices(symbols)
            : await session.ex.watchTickers(symbols);
          this.emit(Object.values(tickers) as TickerLike[]);
        }
      } catch (e) {
        started();
        if (!this.running) break;
        this.o.onError?.({ accountId: `marks:${this.o.venue}`, venue: this.o.venue, error: e as Error });
        await session.close().catch(() => undefined);
        await this.sleeper.sleep(this.backoff.next(this.clock.nowMs()));
      }
    }
  }
}
