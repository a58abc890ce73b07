// Counters and end-to-end latency for the demo's summary line: whale trades, whale changes copied,
// signals, orders by outcome, and frame-received -> venue-acknowledged latency percentiles.
import type { ExecutionReport } from '../engine/src/bus';
import type { CopyObserver } from '../engine/src/copy';
import { percentile } from './bench/stats';

export class DemoStats {
  trades = 0;
  tradeFailures = 0;
  changes = 0;
  signals = 0;
  denied = new Map<string, number>();
  outcomes = new Map<string, number>();
  private latencies: number[] = [];

  readonly observer: CopyObserver = {
    emitted: (_w, _seq, _items, signals) => {
      this.changes++;
      for (const s of signals) this.signals += s.length;
    },
    denied: (d) => {
      this.denied.set(d.reason, (this.denied.get(d.reason) ?? 0) + 1);
    },
  };

  whaleTrade(ok: boolean): void {
    if (ok) this.trades++;
    else this.tradeFailures++;
  }

  report(r: ExecutionReport): void {
    this.outcomes.set(r.status, (this.outcomes.get(r.status) ?? 0) + 1);
    if (r.hops.frameRxMs > 0 && r.hops.venueAckMs > 0) this.latencies.push(r.hops.venueAckMs - r.hops.frameRxMs);
    if (this.latencies.length > 10_000) this.latencies = this.latencies.slice(-5_000);
  }

  line(): string {
    const sorted = [...this.latencies].sort((a, b) => a - b);
    const ms = (p: number) => (sorted.length ? percentile(sorted, p).toFixed(1) : '-');
    const orders = [...this.outcomes].map(([k, v]) => `${k} ${v}`).join(', ') || 'none yet';
    return `${new Date().toISOString().slice(11, 19)} whale trades ${this.trades}${this.tradeFailures ? ` (failed ${this.tradeFailures})` : ''}` +
      ` | changes copied ${this.changes} | signals ${this.signals} | denied ${[...this.denied].map(([k, v]) => `${k} ${v}`).join(', ') || 0} | orders: ${orders}` +
      ` | frame->venue ack p50 ${ms(50)} ms p99 ${ms(99)} ms`;
  }
}
