// Market definitions of the simulated venues: symbols, steps, minimums, price bands and fees.
// Plain data plus pure lookups; no state lives here.

export type SimVenue = 'binanceusdm' | 'hyperliquid';

export interface SimMarket {
  venue: SimVenue;
  /** Venue's own id: 'BTCUSDT' on Binance, 'BTC' on Hyperliquid. */
  id: string;
  /** ccxt unified symbol. */
  symbol: string;
  base: string;
  quote: string;
  /** Hyperliquid asset index (position in the universe); Binance: order in exchangeInfo. */
  index: number;
  tickSize: number;
  stepSize: number;
  minQty: number;
  maxQty: number;
  marketMaxQty: number;
  minNotional: number;
  pricePrecision: number;
  quantityPrecision: number;
  maxLeverage: number;
  /** Limit prices must lie within mark x [1 - band, 1 + band]. */
  priceBand: number;
  takerFee: number;
  initialPrice: number;
}

const binance = (m: Omit<SimMarket, 'venue' | 'quote' | 'symbol' | 'priceBand' | 'takerFee'>): SimMarket => ({
  ...m, venue: 'binanceusdm', quote: 'USDT', symbol: `${m.base}/USDT:USDT`, priceBand: 0.05, takerFee: 0.0004,
});

const hyperliquid = (m: Omit<SimMarket, 'venue' | 'quote' | 'symbol' | 'id' | 'priceBand' | 'takerFee' | 'tickSize' | 'stepSize' | 'minQty' | 'maxQty' | 'marketMaxQty' | 'pricePrecision'>): SimMarket => ({
  ...m, venue: 'hyperliquid', id: m.base, quote: 'USDC', symbol: `${m.base}/USDC:USDC`,
  stepSize: 10 ** -m.quantityPrecision, minQty: 10 ** -m.quantityPrecision, maxQty: 1e9, marketMaxQty: 1e9,
  // Hyperliquid prices: at most 5 significant figures and 6 - szDecimals decimals.
  tickSize: 10 ** -(6 - m.quantityPrecision), pricePrecision: 6 - m.quantityPrecision,
  priceBand: 0.8, takerFee: 0.00045,
});

export const MARKETS: readonly SimMarket[] = [
  binance({ id: 'BTCUSDT', base: 'BTC', index: 0, tickSize: 0.1, stepSize: 0.001, minQty: 0.001, maxQty: 1000, marketMaxQty: 120, minNotional: 100, pricePrecision: 2, quantityPrecision: 3, maxLeverage: 125, initialPrice: 60000 }),
  binance({ id: 'ETHUSDT', base: 'ETH', index: 1, tickSize: 0.01, stepSize: 0.001, minQty: 0.001, maxQty: 10000, marketMaxQty: 2000, minNotional: 20, pricePrecision: 2, quantityPrecision: 3, maxLeverage: 100, initialPrice: 3000 }),
  binance({ id: 'SOLUSDT', base: 'SOL', index: 2, tickSize: 0.01, stepSize: 1, minQty: 1, maxQty: 1000000, marketMaxQty: 5000, minNotional: 5, pricePrecision: 4, quantityPrecision: 0, maxLeverage: 75, initialPrice: 150 }),
  hyperliquid({ base: 'BTC', index: 0, quantityPrecision: 5, minNotional: 10, maxLeverage: 40, initialPrice: 60000 }),
  hyperliquid({ base: 'ETH', index: 1, quantityPrecision: 4, minNotional: 10, maxLeverage: 25, initialPrice: 3000 }),
  hyperliquid({ base: 'SOL', index: 2, quantityPrecision: 2, minNotional: 10, maxLeverage: 20, initialPrice: 150 }),
];

export function marketsOf(venue: SimVenue): SimMarket[] {
  return MARKETS.filter((m) => m.venue === venue);
}

/** venue -> id -> market: the lookup every order makes. */
const BY_ID = new Map<SimVenue, Map<string, SimMarket>>();
for (const m of MARKETS) {
  if (!BY_ID.has(m.venue)) BY_ID.set(m.venue, new Map());
  BY_ID.get(m.venue)!.set(m.id, m);
}

export function marketById(venue: SimVenue, id: string): SimMarket | undefined {
  return BY_ID.get(venue)?.get(id);
}

export function marketBySymbol(venue: SimVenue, symbol: string): SimMarket | undefined {
  return MARKETS.find((m) => m.venue === venue && m.symbol === symbol);
}

/** Number of whole steps in x; tolerant of float noise such as 0.1 + 0.2. */
export function stepsOf(x: number, step: number): number {
  return Math.round(x / step);
}

export function isMultipleOf(x: number, step: number): boolean {
  const n = x / step;
  return Math.abs(n - Math.round(n)) < 1e-6;
}

export function roundTo(x: number, step: number): number {
  const decimals = Math.max(0, Math.ceil(-Math.log10(step) - 1e-9));
  return Number((Math.round(x / step) * step).toFixed(decimals));
}

/** Round a price to the market's tick (and, on Hyperliquid, to 5 significant figures). */
export function roundPrice(m: SimMarket, price: number): number {
  const p = roundTo(price, m.tickSize);
  return m.venue === 'hyperliquid' ? Number(p.toPrecision(5)) : p;
}

export function formatDecimal(x: number, decimals: number): string {
  return x.toFixed(decimals);
}

/** Client order id rules of each venue. */
export const CLIENT_ID_RULES: Record<SimVenue, RegExp> = {
  binanceusdm: /^[.A-Z:/a-z0-9_-]{1,36}$/,
  hyperliquid: /^0x[0-9a-fA-F]{32}$/,
};
