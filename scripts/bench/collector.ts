// Benchmark figures by name, one value per run; medians across runs for the report and --json.
// Pure bookkeeping: no I/O, no formatting.
import { median } from './stats';

export class Collector {
  private readonly values = new Map<string, number[]>();

  add(key: string, value: number): void {
    const list = this.values.get(key);
    if (list) list.push(value);
    else this.values.set(key, [value]);
  }

  /** Adds every entry of a run's figures (non-finite values are kept: a run that could not measure says so). */
  addAll(figures: Readonly<Record<string, number>>): void {
    for (const [key, value] of Object.entries(figures)) this.add(key, value);
  }

  runs(key: string): readonly number[] {
    return this.values.get(key) ?? [];
  }

  /** Median over the runs' finite values; NaN when there is none. */
  median(key: string): number {
    const finite = this.runs(key).filter(Number.isFinite);
    return finite.length === 0 ? NaN : median(finite);
  }

  has(key: string): boolean {
    return this.values.has(key);
  }

  /** Every key's median rounded to `digits` decimals; a key with no finite value is null. */
  medians(digits = 3): Record<string, number | null> {
    const out: Record<string, number | null> = {};
    for (const key of this.values.keys()) {
      const m = this.median(key);
      out[key] = Number.isFinite(m) ? Number(m.toFixed(digits)) : null;
    }
    return out;
  }
}
