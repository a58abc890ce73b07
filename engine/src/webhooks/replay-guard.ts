// Replay protection for TradingView alerts: the idempotency key of an alert, a time-bounded set of keys
// already accepted, and the last applied alert time per (strategy, symbol) so an older alert is stale.
// In memory, bounded; restored from the webhook journal on boot. No I/O.
import { createHash } from 'node:crypto';
import type { TradingViewAlert } from './alert';

/** The explicit `id` when the template sets one, else a hash of strategy, order id and time. */
export function idempotencyKey(alert: Pick<TradingViewAlert, 'strategy' | 'id' | 'orderId' | 'timeMs' | 'ticker'>): string {
  if (alert.id !== undefined) return `tv:${alert.strategy}:id:${alert.id}`;
  const digest = createHash('sha256')
    .update(`${alert.strategy.length}:${alert.strategy}|${(alert.orderId ?? '').length}:${alert.orderId ?? ''}|${alert.timeMs}|${alert.ticker.toUpperCase()}`)
    .digest('hex');
  return `tv:${alert.strategy}:${digest.slice(0, 40)}`;
}

/**
 * Keys seen within `windowMs`. Keys are remembered in arrival order with one lifetime, so expiry walks
 * from the oldest. Beyond `maxKeys` the oldest are forgotten early (an alert that old is refused by age).
 */
export class ReplayWindow {
  private readonly expiries = new Map<string, number>();

  constructor(private readonly windowMs: number, private readonly maxKeys = 1_000_000) {}

  has(key: string, nowMs: number): boolean {
    this.expire(nowMs);
    return this.expiries.has(key);
  }

  remember(key: string, nowMs: number): void {
    this.expiries.delete(key);
    this.expiries.set(key, nowMs + this.windowMs);
    while (this.expiries.size > this.maxKeys) this.expiries.delete(this.expiries.keys().next().value!);
  }

  get size(): number {
    return this.expiries.size;
  }

  private expire(nowMs: number): void {
    for (const [key, expiresAt] of this.expiries) {
      if (expiresAt > nowMs) return;
      this.expiries.delete(key);
    }
  }
}

/** Last applied alert time per (strategy, symbol); an alert strictly older than it is stale. */
export class AlertClock {
  private readonly last = new Map<string, number>();

  isStale(strategy: string, symbol: string, timeMs: number): boolean {
    const last = this.last.get(`${strategy}|${symbol}`);
    return last !== undefined && timeMs < last;
  }

  record(strategy: string, symbol: string, timeMs: number): void {
    const key = `${strategy}|${symbol}`;
    const last = this.last.get(key);
    if (last === undefined || timeMs > last) this.last.set(key, timeMs);
  }

  forget(strategy: string): void {
    const prefix = `${strategy}|`;
    for (const key of this.last.keys()) if (key.startsWith(prefix)) this.last.delete(key);
  }
}
