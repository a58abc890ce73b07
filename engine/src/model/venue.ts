// Venues and their market specs as the engine sees them (mapped from ccxt at the feed edge).
// Types only; no ccxt type and no venue I/O may appear here.

export type Venue = 'binanceusdm' | 'hyperliquid';
export const VENUES: readonly Venue[] = Object.freeze(['binanceusdm', 'hyperliquid'] as const);

/** The base asset of a ccxt unified symbol ('BTC/USDT:USDT' -> 'BTC'). */
export const baseOfSymbol = (symbol: string): string => symbol.slice(0, symbol.indexOf('/'));

/** Where a whale's positions come from: a venue account or TradingView webhooks. */
export type WhaleKind = Venue | 'tradingview';

export interface MarketSpec {
  /** ccxt unified symbol: 'BTC/USDT:USDT' (binanceusdm), 'BTC/USDC:USDC' (hyperliquid). */
  readonly symbol: string;
  readonly venue: Venue;
  /** The venue's own id: 'BTCUSDT' (binanceusdm), 'BTC' (hyperliquid). */
  readonly venueId: string;
  /** Contracts per amount step (LOT_SIZE stepSize, 10^-szDecimals). */
  readonly amountStep: number;
  /** Smallest order amount in contracts (LOT_SIZE minQty; the step on hyperliquid). */
  readonly minAmount: number;
  /** Smallest order value in quote currency (MIN_NOTIONAL; 10 USDC on hyperliquid). */
  readonly minNotional: number;
  readonly priceTick: number;
  readonly maxLeverage: number;
}
