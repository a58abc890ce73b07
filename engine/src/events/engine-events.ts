// Producers of live events: a CopyObserver that turns signals, denials and skips into events, and
// EngineEventSource, which coalesces "this whale/follower changed" into one book event per id per tick.
// Builds nothing while no one subscribes; never throws into the copy path.
import type { ExecutionReport } from '../bus';
import type { Clock } from '../core';
import type { CopyObserver } from '../copy';
import type { TradingState } from '../model';
import type { EventHub } from './event-hub';
import type { EventScope, FollowerEvent, WhaleEvent } from './events';
import type { OrderRate } from './order-rate';

/** Follows are looked up at event time: the follow's whale, '' once the follow is gone. */
export type WhaleOfFollow = (followId: string) => string | undefined;

/** One observer calling each given observer in turn (undefined ones skipped); a throwing one does not stop the rest. */
export function combineObservers(...observers: (CopyObserver | undefined)[]): CopyObserver {
  const list = observers.filter((o): o is CopyObserver => o !== undefined);
  const each = (call: (o: CopyObserver) => void) => {
    for (const o of list) {
      try {
        call(o);
      } catch {
        // An observer's failure must not reach the copy path.
      }
    }
  };
  return {
    emitted: (...args) => each((o) => o.emitted?.(...args)),
    skipped: (...args) => each((o) => o.skipped?.(...args)),
    denied: (...args) => each((o) => o.denied?.(...args)),
    publishFailed: (...args) => each((o) => o.publishFailed?.(...args)),
  };
}

/** Signals, denials and skips of the copy path as events; counts every emitted signal in `rate`. */
export function copyEventsObserver(hub: EventHub, clock: Clock, whaleOf: WhaleOfFollow, rate?: OrderRate): CopyObserver {
  return {
    emitted(whaleId, seq, _items, signals) {
      const now = clock.nowMs();
      if (rate !== undefined) {
        let count = 0;
        for (const shard of signals) count += shard.length;
        rate.record(count, now);
      }
      if (!hub.active) return;
      const ts = Math.floor(now);
      for (const shard of signals) {
        for (const s of shard) {
          hub.publish({
            type: 'signal', ts, whaleId, seq, followerId: s.followerId, clientOrderId: s.clientOrderId, symbol: s.symbol,
            side: s.side, amount: Number(s.amount), reduceOnly: s.reduceOnly, leg: s.leg,
          });
        }
      }
    },
    denied(d) {
      if (!hub.active) return;
      const { intent } = d;
      hub.publish({
        type: 'denied', ts: Math.floor(clock.nowMs()), whaleId: intent.whaleId, followerId: intent.followerId,
        symbol: intent.symbol, reason: d.reason, detail: d.detail,
      });
    },
    skipped(followId, followerId, symbol, reason, carried) {
      if (!hub.active) return;
      hub.publish({ type: 'skipped', ts: Math.floor(clock.nowMs()), whaleId: whaleOf(followId) ?? '', followerId, symbol, reason, carried });
    },
  };
}

/** Live books the source reads when it flushes (the engine runtime implements both). */
export interface LiveBooks {
  whalePositions(whaleId: string): WhaleEvent['positions'] | undefined;
  followerPositions(followerId: string): FollowerEvent['positions'] | undefined;
}

export interface EngineEventSourceOptions {
  /** Longest delay between a change and its book event; changes within it coalesce. Default 50 ms. */
  readonly intervalMs?: number;
}

export class EngineEventSource {
  private readonly dirtyWhales = new Set<string>();
  private readonly dirtyFollowers = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly intervalMs: number;

  constructor(
    private readonly hub: EventHub,
    private readonly books: LiveBooks,
    private readonly clock: Clock,
    options: EngineEventSourceOptions = {},
  ) {
    this.intervalMs = options.intervalMs ?? 50;
  }

  whaleChanged(whaleId: string): void {
    if (!this.hub.active) return;
    this.dirtyWhales.add(whaleId);
    this.schedule();
  }

  followerChanged(followerId: string): void {
    if (!this.hub.active) return;
    this.dirtyFollowers.add(followerId);
    this.schedule();
  }

  /** An execution report: a report event now, the follower's book at the next flush. */
  report(r: ExecutionReport): void {
    if (!this.hub.active) return;
    const error = r.errorClass ? `${r.errorClass}: ${r.errorMessage}` : null;
    this.hub.publish({
      type: 'report', ts: Math.floor(this.clock.nowMs()), clientOrderId: r.clientOrderId, followerId: r.followerId,
      whaleId: r.whaleId, symbol: r.symbol, side: r.side, status: r.status,
      filled: Number(r.filledAmount) || 0, avgPrice: Number(r.avgPrice) || 0, error,
    });
    this.followerChanged(r.followerId);
  }

  state(scope: EventScope, id: string, state: TradingState): void {
    this.hub.publish({ type: 'state', ts: Math.floor(this.clock.nowMs()), scope, id: scope === 'engine' ? '' : id, state });
  }

  /** Publishes the pending book events now. */
  flush(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    const ts = Math.floor(this.clock.nowMs());
    for (const whaleId of this.dirtyWhales) {
      const positions = this.books.whalePositions(whaleId);
      if (positions !== undefined) this.hub.publish({ type: 'whale', ts, whaleId, positions });
    }
    for (const followerId of this.dirtyFollowers) {
      const positions = this.books.followerPositions(followerId);
      if (positions !== undefined) this.hub.publish({ type: 'follower', ts, followerId, positions });
    }
    this.dirtyWhales.clear();
    this.dirtyFollowers.clear();
  }

  stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.dirtyWhales.clear();
    this.dirtyFollowers.clear();
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.flush();
      } catch {
        // A failing book read must not kill the timer loop; the next change schedules again.
      }
    }, this.intervalMs);
    (this.timer as { unref?: () => void }).unref?.();
  }
}
