// Counters and gauge values keyed by up to three label values, incremented on the hot path without
// allocating once a label set has been seen, and handed to prom-client only when the registry is scraped.
import { Counter, Gauge, type Registry } from 'prom-client';
import { MetricsConfigError } from './errors';

/** One label set's value; mutate `value` directly on hot paths (`slot.value += 1`). */
export interface CountSlot {
  readonly labels: Readonly<Record<string, string>>;
  value: number;
}

export const OVERFLOW_LABEL = 'other';

/** Label values -> slot through nested Maps (lookups by string never allocate); bounded series count. */
export class LabeledCounts {
  private readonly root = new Map<string, unknown>();
  private readonly all: CountSlot[] = [];
  private overflow: CountSlot | undefined;

  constructor(readonly labelNames: readonly string[], readonly maxSeries = 512) {
    if (labelNames.length < 1 || labelNames.length > 3) throw new MetricsConfigError(`1 to 3 label names, got ${labelNames.length}`);
    if (!Number.isInteger(maxSeries) || maxSeries < 1) throw new MetricsConfigError(`maxSeries must be a positive integer, got ${maxSeries}`);
  }

  /** The slot of these label values (extra values past labelNames are ignored); created on first sight. */
  slot(a: string, b = '', c = ''): CountSlot {
    const depth = this.labelNames.length;
    let level = this.root;
    for (let i = 0; ; i++) {
      const key = i === 0 ? a : i === 1 ? b : c;
      const next = level.get(key);
      if (i === depth - 1) return (next as CountSlot | undefined) ?? this.create(level, key, a, b, c);
      if (next === undefined) {
        if (this.all.length >= this.maxSeries) return this.overflowSlot();
        const child = new Map<string, unknown>();
        level.set(key, child);
        level = child;
      } else level = next as Map<string, unknown>;
    }
  }

  inc(a: string, b = '', c = '', by = 1): void {
    this.slot(a, b, c).value += by;
  }

  slots(): readonly CountSlot[] {
    return this.all;
  }

  private create(level: Map<string, unknown>, key: string, a: string, b: string, c: string): CountSlot {
    if (this.all.length >= this.maxSeries) return this.overflowSlot();
    const labels: Record<string, string> = {};
    const values = [a, b, c];
    for (let i = 0; i < this.labelNames.length; i++) labels[this.labelNames[i]!] = values[i]!;
    const created: CountSlot = { labels: Object.freeze(labels), value: 0 };
    level.set(key, created);
    this.all.push(created);
    return created;
  }

  private overflowSlot(): CountSlot {
    if (this.overflow) return this.overflow;
    const labels: Record<string, string> = {};
    for (const name of this.labelNames) labels[name] = OVERFLOW_LABEL;
    this.overflow = { labels: Object.freeze(labels), value: 0 };
    this.all.push(this.overflow);
    return this.overflow;
  }
}

export interface ExportedMetricConfig {
  readonly registry: Registry;
  readonly name: string;
  readonly help: string;
}

/** A prom-client Counter that, at each scrape, shows the totals held in `counts`. */
export function exportCounter(config: ExportedMetricConfig, counts: LabeledCounts): Counter<string> {
  return new Counter({
    name: config.name, help: config.help, labelNames: [...counts.labelNames], registers: [config.registry],
    collect() {
      this.reset();
      for (const s of counts.slots()) this.inc(s.labels, s.value);
    },
  });
}

/** A prom-client Counter without labels showing `read()` (a monotonic total kept elsewhere) at each scrape. */
export function exportTotal(config: ExportedMetricConfig, read: () => number): Counter<string> {
  return new Counter({
    name: config.name, help: config.help, registers: [config.registry],
    collect() {
      this.reset();
      this.inc(read());
    },
  });
}

/** A prom-client Gauge filled at each scrape by `fill` (set every series it wants shown; others vanish). */
export function exportGauge(
  config: ExportedMetricConfig & { readonly labelNames?: readonly string[] },
  fill: (set: (labels: Readonly<Record<string, string>>, value: number) => void) => void,
): Gauge<string> {
  return new Gauge({
    name: config.name, help: config.help, labelNames: [...(config.labelNames ?? [])], registers: [config.registry],
    collect() {
      this.reset();
      fill((labels, value) => this.set(labels, value));
    },
  });
}
