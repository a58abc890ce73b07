// Deterministic whale trading plans: from a seed, a sequence of open / add / reduce / flip / close steps
// across symbols that is always valid for the whale's position at that point. Pure: no I/O, no clock.
import { seededRandom } from '../venue/core/prices';

export type WhaleAction = 'open' | 'add' | 'reduce' | 'flip' | 'close';

export interface WhaleStep {
  /** Index of the whale in the runner's list. */
  whale: number;
  venue: 'binanceusdm' | 'hyperliquid';
  /** ccxt unified symbol. */
  symbol: string;
  action: WhaleAction;
  side: 'buy' | 'sell';
  amount: number;
  reduceOnly: boolean;
  /** Whale position in the symbol after the step (signed contracts). */
  after: number;
}

export interface ScenarioOptions {
  seed: number;
  steps: number;
  whales: { venue: 'binanceusdm' | 'hyperliquid' }[];
  /** Symbols to trade per venue (default: BTC, ETH, SOL). */
  symbols?: Partial<Record<'binanceusdm' | 'hyperliquid', string[]>>;
}

/** One trading unit per base asset: a few hundred USD, above every venue minimum. */
export const UNITS: Record<string, number> = { BTC: 0.01, ETH: 0.1, SOL: 2 };

const DEFAULT_SYMBOLS = {
  binanceusdm: ['BTC/USDT:USDT', 'ETH/USDT:USDT', 'SOL/USDT:USDT'],
  hyperliquid: ['BTC/USDC:USDC', 'ETH/USDC:USDC', 'SOL/USDC:USDC'],
};

const round = (x: number) => Number(x.toFixed(8));

export function unitOf(symbol: string): number {
  const unit = UNITS[symbol.split('/')[0] ?? ''];
  if (unit === undefined) throw new Error(`no trading unit for ${symbol}`);
  return unit;
}

/** Plan `steps` valid steps. The same options always give the same plan. */
export function planScenario(opts: ScenarioOptions): WhaleStep[] {
  const random = seededRandom(opts.seed);
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const positions = opts.whales.map(() => new Map<string, number>());
  const out: WhaleStep[] = [];
  for (let i = 0; i < opts.steps; i++) {
    const whale = int(0, opts.whales.length - 1);
    const venue = opts.whales[whale]!.venue;
    const symbols = opts.symbols?.[venue] ?? DEFAULT_SYMBOLS[venue];
    const symbol = symbols[int(0, symbols.length - 1)]!;
    const unit = unitOf(symbol);
    const book = positions[whale]!;
    const q = book.get(symbol) ?? 0;
    const units = Math.round(Math.abs(q) / unit);
    let step: Omit<WhaleStep, 'whale' | 'venue' | 'symbol' | 'after'>;
    if (q === 0) {
      step = { action: 'open', side: random() < 0.5 ? 'buy' : 'sell', amount: round(unit * int(1, 4)), reduceOnly: false };
    } else {
      const closing = q > 0 ? 'sell' : 'buy';
      const opening = q > 0 ? 'buy' : 'sell';
      const r = random();
      if (r < 0.35) step = { action: 'add', side: opening, amount: round(unit * int(1, 3)), reduceOnly: false };
      else if (r < 0.6 && units > 1) step = { action: 'reduce', side: closing, amount: round(unit * int(1, units - 1)), reduceOnly: true };
      else if (r < 0.8) step = { action: 'flip', side: closing, amount: round(Math.abs(q) + unit * int(1, 3)), reduceOnly: false };
      else step = { action: 'close', side: closing, amount: round(Math.abs(q)), reduceOnly: true };
    }
    const after = round(q + (step.side === 'buy' ? step.amount : -step.amount));
    book.set(symbol, after);
    out.push({ whale, venue, symbol, after, ...step });
  }
  return out;
}

/** Whale positions after the whole plan: whale index -> symbol -> signed contracts (zeros dropped). */
export function finalPositions(plan: WhaleStep[], whales: number): Map<string, number>[] {
  const out = Array.from({ length: whales }, () => new Map<string, number>());
  for (const s of plan) {
    if (s.after === 0) out[s.whale]!.delete(s.symbol);
    else out[s.whale]!.set(s.symbol, s.after);
  }
  return out;
}
