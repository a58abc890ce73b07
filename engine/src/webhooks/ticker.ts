// Maps a TradingView ticker to the ccxt unified symbol of the whale's position: the strategy's ticker
// map first (exact, then without the exchange prefix, then without the perpetual suffix), else the
// default rule EXCHANGE:BASEQUOTE[.P] -> BASE/QUOTE:QUOTE. Pure.
import type { TickerMap } from '../store';

export { baseOfSymbol } from '../model';

/** Quote assets the default rule recognises, longest first so FDUSD wins over USD. */
export const KNOWN_QUOTES: readonly string[] = ['FDUSD', 'BUSD', 'USDT', 'USDC', 'USD'];
const PERPETUAL_SUFFIX = /(?:\.P|[-_]?PERP)$/;
const BASE = /^[A-Z0-9]{1,20}$/;
/** What a ticker map value must look like: a unified symbol 'BASE/QUOTE' or 'BASE/QUOTE:SETTLE'. */
export const UNIFIED_SYMBOL = /^[A-Za-z0-9]{1,20}\/[A-Za-z0-9]{1,20}(?::[A-Za-z0-9]{1,20})?$/;

/** Ticker variants from most to least specific: 'BINANCE:BTCUSDT.P', 'BTCUSDT.P', 'BTCUSDT'. */
export function tickerVariants(ticker: string): string[] {
  const upper = ticker.toUpperCase();
  const bare = upper.slice(upper.lastIndexOf(':') + 1);
  const core = bare.replace(PERPETUAL_SUFFIX, '');
  return [...new Set([upper, bare, core])];
}

/** BASEQUOTE -> BASE/QUOTE:QUOTE with a known quote, else undefined. */
export function defaultSymbolOf(core: string): string | undefined {
  for (const quote of KNOWN_QUOTES) {
    if (!core.endsWith(quote)) continue;
    const base = core.slice(0, core.length - quote.length);
    if (BASE.test(base)) return `${base}/${quote}:${quote}`;
  }
  return undefined;
}

/** The upper-cased view of a ticker map, built once per map. */
export function normalizeTickerMap(map: TickerMap | null): ReadonlyMap<string, string> {
  const out = new Map<string, string>();
  for (const [ticker, symbol] of Object.entries(map ?? {})) out.set(ticker.toUpperCase(), symbol);
  return out;
}

/** The unified symbol for `ticker`, or undefined when neither the map nor the default rule knows it. */
export function resolveTicker(ticker: string, map: ReadonlyMap<string, string>): string | undefined {
  const variants = tickerVariants(ticker);
  for (const variant of variants) {
    const mapped = map.get(variant);
    if (mapped !== undefined) return UNIFIED_SYMBOL.test(mapped) ? mapped : undefined;
  }
  return defaultSymbolOf(variants[variants.length - 1]!);
}

