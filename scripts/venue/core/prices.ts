// Mark prices that move: a seeded random walk (deterministic for a seed) driving MatchingCore.setPrice.
// Scripted prices go through the admin API instead; this never touches accounts.
import { MARKETS } from './markets';
import type { MatchingCore } from './matching';

/** mulberry32: a small, fast, seedable PRNG. Same seed, same sequence. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface PriceWalkOptions {
  seed: number;
  intervalMs: number;
  /** Standard deviation of one step, as a fraction of the price (e.g. 0.0005 = 5 bp). */
  volatility: number;
}

export class PriceWalk {
  private timer: ReturnType<typeof setInterval> | undefined;
  private readonly random: () => number;

  constructor(private readonly core: MatchingCore, private readonly opts: PriceWalkOptions) {
    this.random = seededRandom(opts.seed);
  }

  /** One step for every market; returns nothing, the core emits price events. */
  step(): void {
    for (const m of MARKETS) {
      const gauss = (this.random() + this.random() + this.random() - 1.5) * 2; // ~N(0, 1)
      const next = this.core.mark(m.venue, m.id) * (1 + gauss * this.opts.volatility);
      this.core.setPrice(m.venue, m.id, next);
    }
  }

  start(): void {
    if (!this.timer) this.timer = setInterval(() => this.step(), this.opts.intervalMs);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }
}
