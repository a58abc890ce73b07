// A follower's subscription to a whale: sizing, caps, leverage, symbol filter, trading state.
// Types plus the one symbol-filter predicate that diff and risk must agree on; nothing else.

export type Sizing =
  /** Follower contracts = k x whale contracts. */
  | { readonly mode: 'proportional'; readonly k: number }
  /** Follower contracts = k x follower equity / whale equity x whale contracts. */
  | { readonly mode: 'equity'; readonly k: number }
  /** When the whale opens, the follower opens `usd` of notional; later changes keep that ratio. */
  | { readonly mode: 'fixed_notional'; readonly usd: number };

export type SizingMode = Sizing['mode'];

export interface Caps {
  /** Largest notional (quote currency, at the mark) of one order. */
  readonly maxOrderNotional?: number;
  /** Largest |position| notional (quote currency, at the mark) in one symbol. */
  readonly maxPositionNotional?: number;
  /** Largest gross account notional / equity after an opening order. */
  readonly maxLeverage?: number;
}

/** active: anything; reducing: only reduce-only orders; halted: nothing. */
export type TradingState = 'active' | 'reducing' | 'halted';

export type LeveragePolicy = { readonly mode: 'copy' } | { readonly mode: 'fixed'; readonly value: number };

/**
 * Symbols a follow copies. Entries match the unified symbol ('BTC/USDT:USDT') or the venue id
 * ('BTCUSDT'). `allow` absent = every symbol; `allow: []` = none (an empty list never means "all").
 * `deny` wins over `allow`.
 */
export interface SymbolFilter {
  readonly allow?: readonly string[];
  readonly deny?: readonly string[];
}

/** What to do with positions the whale already holds when the follow starts. */
export type ExistingPositionPolicy = 'copy_now' | 'wait_next_change';

export interface Follow {
  readonly id: string;
  readonly whaleId: string;
  readonly followerId: string;
  readonly sizing: Sizing;
  readonly caps: Caps;
  readonly leverage: LeveragePolicy;
  readonly symbols: SymbolFilter;
  readonly existing: ExistingPositionPolicy;
  readonly state: TradingState;
}

/** Whether a follow's symbol filter lets `symbol` (or its venue id) be traded. Allocation-free. */
export function isSymbolAllowed(filter: SymbolFilter, symbol: string, venueId?: string): boolean {
  const { allow, deny } = filter;
  if (deny !== undefined && (deny.includes(symbol) || (venueId !== undefined && deny.includes(venueId)))) return false;
  if (allow === undefined) return true;
  return allow.includes(symbol) || (venueId !== undefined && allow.includes(venueId));
}
