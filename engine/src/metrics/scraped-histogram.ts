// A prom-client Histogram whose buckets live outside prom-client (BucketCounts filled on the hot path
// without allocating) and are read only when the registry is scraped. Owns no recording and no labels policy.
import { Histogram, type Registry } from 'prom-client';
import type { BucketCounts } from './buckets';

/** One labelled series: its label values (strings, fixed at creation) and its counts. */
export interface BucketSeries {
  readonly labels: Readonly<Record<string, string>>;
  readonly buckets: BucketCounts;
}

export interface ScrapedHistogramConfig {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  readonly bounds: readonly number[];
  readonly registry: Registry;
  /** Every series to export, read at scrape time. */
  readonly series: () => Iterable<BucketSeries>;
}

type HistogramSnapshot = Awaited<ReturnType<Histogram<string>['get']>>;

interface ExportedValue {
  labels: Record<string, string | number>;
  value: number;
  metricName: string;
}

/** Record into the series' BucketCounts; `observe()` of this metric is not exported (never call it). */
export class ScrapedHistogram extends Histogram<string> {
  private readonly config: ScrapedHistogramConfig;

  constructor(config: ScrapedHistogramConfig) {
    super({ name: config.name, help: config.help, labelNames: [...config.labelNames], buckets: [...config.bounds], registers: [config.registry] });
    this.config = config;
  }

  override async get(): Promise<HistogramSnapshot> {
    const { name, help, bounds } = this.config;
    const values: ExportedValue[] = [];
    for (const s of this.config.series()) {
      const b = s.buckets;
      let acc = 0;
      for (let i = 0; i < bounds.length; i++) {
        acc += b.counts[i]!;
        values.push({ labels: { ...s.labels, le: bounds[i]! }, value: acc, metricName: `${name}_bucket` });
      }
      values.push({ labels: { ...s.labels, le: '+Inf' }, value: b.count, metricName: `${name}_bucket` });
      values.push({ labels: { ...s.labels }, value: b.sum, metricName: `${name}_sum` });
      values.push({ labels: { ...s.labels }, value: b.count, metricName: `${name}_count` });
    }
    // prom-client types `type` as a numeric enum while its registry writes the string it holds at runtime.
    return { name, help, type: 'histogram', aggregator: 'sum', values } as unknown as HistogramSnapshot;
  }

  /** The registry prefers this method when present (prom-client 15); same data as get(). */
  async getForPromString(): Promise<HistogramSnapshot> {
    return this.get();
  }

  /** registry.resetMetrics(): zero every series' counts. */
  override reset(): void {
    if (!this.config) return; // called by the base constructor before `config` is set
    for (const s of this.config.series()) s.buckets.reset();
  }
}
