// ccxt markets -> the engine's MarketSpec (amount step, minimums, tick, leverage), at the edge, so no ccxt
// market structure travels further. Linear perpetual swaps only.
import type { MarketSpec } from '../model';
import type { CcxtVenue, ProClient } from './client';

/** Largest leverage when the market table does not say (Binance gives it through leverageBracket only). */
const DEFAULT_MAX_LEVERAGE: Record<CcxtVenue, number> = { binanceusdm: 125, hyperliquid: 50 };

interface CcxtMarketLike {
  symbol: string;
  id: string;
  base: string;
  swap?: boolean;
  linear?: boolean;
  active?: boolean;
  precision: { amount?: number; price?: number };
  limits: { amount?: { min?: number }; cost?: { min?: number }; leverage?: { max?: number } };
}

export function marketSpecOf(venue: CcxtVenue, m: CcxtMarketLike): MarketSpec | undefined {
  const step = m.precision.amount;
  const tick = m.precision.price;
  if (!m.swap || !m.linear || m.active === false || !(step! > 0) || !(tick! > 0)) return undefined;
  return {
    symbol: m.symbol,
    venue,
    venueId: venue === 'hyperliquid' ? m.base : m.id,
    amountStep: step!,
    minAmount: Math.max(m.limits.amount?.min ?? step!, step!),
    minNotional: m.limits.cost?.min ?? 0,
    priceTick: tick!,
    maxLeverage: m.limits.leverage?.max ?? DEFAULT_MAX_LEVERAGE[venue],
  };
}

/** Every linear perpetual of a loaded client as MarketSpecs. */
export function marketSpecsOf(venue: CcxtVenue, ex: ProClient): MarketSpec[] {
  const out: MarketSpec[] = [];
  for (const m of Object.values(ex.markets ?? {})) {
    const spec = marketSpecOf(venue, m as unknown as CcxtMarketLike);
    if (spec) out.push(spec);
  }
  return out;
}

/** Lookup of MarketSpecs by venue and base asset, as the copy engine needs to map a whale's symbol. */
export class MarketCatalog {
  private readonly byBase = new Map<string, MarketSpec>();
  private readonly bySymbol = new Map<string, MarketSpec>();

  add(specs: readonly MarketSpec[]): void {
    for (const s of specs) {
      this.byBase.set(`${s.venue}|${s.symbol.slice(0, s.symbol.indexOf('/'))}`, s);
      this.bySymbol.set(`${s.venue}|${s.symbol}`, s);
    }
  }

  market(venue: string, base: string): MarketSpec | undefined {
    return this.byBase.get(`${venue}|${base}`);
  }

  bySymbolOf(venue: string, symbol: string): MarketSpec | undefined {
    return this.bySymbol.get(`${venue}|${symbol}`);
  }

  get size(): number {
    return this.bySymbol.size;
  }
}
