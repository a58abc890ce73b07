// The engine's copy path assembled for benchmarks: a real WhaleFeed (ccxt.pro) on the simulator feeding
// books and a CopyEngine that publishes to a real RedisBus, wired as EngineRuntime does. Records hop times.
import { FollowerBook, WhaleBook } from '../../engine/src/book';
import type { OrderSignal, RedisBus } from '../../engine/src/bus';
import { systemClock } from '../../engine/src/core';
import { CopyEngine } from '../../engine/src/copy';
import { MarketTables, WhaleFeed, type WhalePositionsEvent } from '../../engine/src/feeds';
import type { Follow } from '../../engine/src/model';
import { TradingStates } from '../../engine/src/risk';
import { MarkBook } from '../../engine/src/runtime/marks';
import { MarketCatalog, createClient, marketSpecsOf } from '../../engine/src/venues';
import type { SimAccount } from './timed-sim-client';

/** One published whale change: hop stamps (local clock) and the whale's contracts in the driven symbol. */
export interface EmitRecord {
  frameRxMs: number;
  diffDoneMs: number;
  xaddAckMs: number;
  contracts: number;
  signals: number;
}

export const WHALE_SYMBOL = 'ETH/USDT:USDT';
export const WHALE_SYMBOL_ID = 'ETHUSDT';
export const WHALE_MARK = 3000;

export async function loadCatalog(binanceUrl: string): Promise<MarketCatalog> {
  const ex = createClient('binanceusdm', { baseUrl: binanceUrl });
  try {
    await ex.loadMarkets();
    const catalog = new MarketCatalog();
    catalog.add(marketSpecsOf('binanceusdm', ex));
    return catalog;
  } finally {
    await ex.close();
  }
}

export function proportionalFollow(whaleId: string, followerId: string, k: number): Follow {
  return {
    id: crypto.randomUUID(), whaleId, followerId, sizing: { mode: 'proportional', k }, caps: {},
    leverage: { mode: 'copy' }, symbols: {}, existing: 'copy_now', state: 'active',
  };
}

/** Books and a CopyEngine for one benchmark step; fresh per step so no state leaks between steps. */
export class CopyPath {
  readonly whales = new WhaleBook();
  readonly followers = new FollowerBook();
  readonly marks = new MarkBook();
  readonly copy: CopyEngine;
  readonly emitted: EmitRecord[] = [];
  /** Whale changes whose XADD failed (e.g. the Redis command timeout fired while the loop was saturated). */
  publishFailures = 0;
  /** Client order id -> frame receipt time of the whale change it came from (only with trackOrders). */
  readonly orderFrames = new Map<string, number>();
  private readonly contractsAtRx = new Map<number, number>();

  /**
   * With `settle`, each published order is marked filled and seen in the follower's position right
   * after the pass (what execution reports and the follower feeds do in the engine), so the in-flight
   * book stays at its steady-state size instead of growing by one order per follower per change.
   */
  constructor(bus: RedisBus, catalog: MarketCatalog, shards: number, o: { trackOrders?: boolean; settle?: boolean } = {}) {
    const trackOrders = o.trackOrders ?? false;
    this.marks.set('binanceusdm', WHALE_SYMBOL, WHALE_MARK);
    this.copy = new CopyEngine({
      bus, shards, whales: this.whales, followers: this.followers, states: new TradingStates(), markets: catalog,
      mark: (venue, symbol) => this.marks.get(venue, symbol), clock: systemClock,
      observer: {
        emitted: (_whaleId, _seq, _items, signals, hops) => {
          let count = 0;
          for (const shard of signals) {
            count += shard.length;
            if (trackOrders) for (const s of shard) this.orderFrames.set(s.clientOrderId, hops.frameRxMs);
          }
          const contracts = this.contractsAtRx.get(hops.frameRxMs) ?? NaN;
          this.contractsAtRx.delete(hops.frameRxMs);
          this.emitted.push({ frameRxMs: hops.frameRxMs, diffDoneMs: hops.diffDoneMs, xaddAckMs: hops.xaddAckMs, contracts, signals: count });
          if (o.settle ?? true) setImmediate(() => this.settle(signals));
        },
        publishFailed: (_whaleId, error) => {
          if (this.publishFailures++ === 0) console.error(`bench: publish failed (further failures only counted): ${String(error)}`);
        },
      },
    });
  }

  /** The fills of one pass reach the book as an execution report and a follower position change would. */
  settle(signals: readonly (readonly OrderSignal[])[]): void {
    const now = systemClock.nowMs();
    for (const shard of signals) {
      for (const s of shard) {
        const amount = Number(s.amount);
        this.followers.applyOrderUpdate(s, amount, true, now);
        this.followers.setActual(s.followerId, s.symbol, this.followers.actual(s.followerId, s.symbol) + (s.side === 'buy' ? amount : -amount));
      }
    }
  }

  /** `n` follows of `whaleId`; followers get equity in the book. Returns the follower ids. */
  addFollowers(whaleId: string, followerIds: readonly string[], k: number): void {
    const now = systemClock.nowMs();
    const whaleBook = new Map<string, number>();
    for (const [symbol, p] of this.whales.positions(whaleId)) whaleBook.set(symbol, p.contracts);
    for (const id of followerIds) {
      this.copy.follows.upsert(proportionalFollow(whaleId, id, k), 'binanceusdm', whaleBook);
      this.followers.replaceActual(id, new Map()); // flat and known, as after each follower feed's snapshot
      this.followers.setEquity(id, 1_000_000, now);
    }
  }

  /** What EngineRuntime.onWhalePositions does, plus remembering the frame's contracts for the report. */
  onWhalePositions(ev: WhalePositionsEvent): void {
    if (!this.whales.apply(ev)) return;
    for (const p of ev.positions.values()) if (p.markPrice) this.marks.set('binanceusdm', p.symbol, p.markPrice);
    this.contractsAtRx.set(ev.rxTs, ev.positions.get(WHALE_SYMBOL)?.contracts ?? 0);
    this.copy.onWhaleChange(ev).catch(() => undefined); // counted by the observer's publishFailed
  }

  /** Waits until a published change shows the whale at `contracts` (or more). */
  async waitForContracts(contracts: number, timeoutMs = 30_000): Promise<void> {
    const end = performance.now() + timeoutMs;
    while (!this.emitted.some((r) => r.contracts >= contracts - 1e-9)) {
      if (this.publishFailures > 0) return; // a failed publish may have been the last change: do not wait for it
      if (performance.now() > end) throw new Error(`no published whale change reached ${contracts} contracts (last ${this.emitted.at(-1)?.contracts})`);
      await Bun.sleep(5);
    }
  }
}

/** The whale's feed; stream frames go to whichever CopyPath is current (snapshots are not benchmarked). */
export class WhaleSource {
  current: CopyPath | undefined;
  private readonly feed: WhaleFeed;

  constructor(readonly whaleId: string, account: SimAccount, binanceUrl: string) {
    this.feed = new WhaleFeed({
      whaleId, account: { venue: 'binanceusdm', apiKey: account.apiKey, secret: account.secret }, baseUrl: binanceUrl,
      markets: new MarketTables(), reconcileEveryMs: 0,
      onPositions: (ev) => {
        if (ev.source === 'stream') this.current?.onWhalePositions(ev);
      },
      onError: (info) => console.error(`bench: whale feed: ${info.error.message}`),
    });
  }

  async start(): Promise<void> {
    await this.feed.start();
    await this.feed.whenSynced();
  }

  stop(): Promise<void> {
    return this.feed.stop();
  }
}
