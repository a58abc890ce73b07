// Shapes the matching core works with and emits. Venue protocol layers map these to their wire format.
// No behaviour here besides the reject error class.
import type { SimMarket, SimVenue } from './markets';

export type Side = 'buy' | 'sell';
export type OrderType = 'market' | 'limit';
export type TimeInForce = 'GTC' | 'IOC' | 'ALO';
export type OrderStatus = 'new' | 'filled' | 'partially_filled' | 'canceled' | 'expired' | 'rejected';

export interface SimPosition {
  symbolId: string;
  /** Signed: negative is short. */
  contracts: number;
  entryPrice: number;
  realizedPnl: number;
  updateTime: number;
}

export interface SimAccount {
  id: string;
  venue: SimVenue;
  /** Wallet balance in the quote asset (USDT / USDC): deposits + realized PnL - fees. */
  balance: number;
  positions: Map<string, SimPosition>;
  leverage: Map<string, number>;
  orders: Map<number, SimOrder>;
  /** The orders still new or partially filled, in placement order (a subset of `orders`). */
  open: Set<SimOrder>;
  /** clientOrderId -> orderId of the latest order with that id. */
  byClientId: Map<string, number>;
  updateTime: number;
}

export interface SimOrder {
  id: number;
  accountId: string;
  venue: SimVenue;
  symbolId: string;
  clientOrderId: string;
  side: Side;
  type: OrderType;
  tif: TimeInForce;
  amount: number;
  price: number;
  filled: number;
  avgPrice: number;
  cumQuote: number;
  reduceOnly: boolean;
  status: OrderStatus;
  timestamp: number;
  updateTime: number;
}

export interface SimFill {
  tradeId: number;
  orderId: number;
  accountId: string;
  symbolId: string;
  side: Side;
  amount: number;
  price: number;
  fee: number;
  realizedPnl: number;
  timestamp: number;
}

export interface PlaceOrderRequest {
  symbolId: string;
  side: Side;
  type: OrderType;
  amount: number;
  price?: number;
  tif?: TimeInForce;
  reduceOnly?: boolean;
  clientOrderId?: string;
}

export type CoreEvent =
  | { type: 'order'; account: SimAccount; order: SimOrder; fill?: SimFill }
  | { type: 'account'; account: SimAccount; reason: 'ORDER' | 'DEPOSIT' | 'LEVERAGE' | 'RESET'; symbols: string[] }
  | { type: 'price'; market: SimMarket; price: number; timestamp: number };

export type RejectCode =
  | 'unknown_symbol'
  | 'bad_amount'
  | 'bad_step'
  | 'below_min_qty'
  | 'above_max_qty'
  | 'below_min_notional'
  | 'bad_price'
  | 'price_band'
  | 'bad_client_id'
  | 'duplicate_client_id'
  | 'insufficient_margin'
  | 'reduce_only_rejected'
  | 'order_not_found'
  | 'bad_leverage'
  | 'ioc_no_match'
  | 'post_only_would_match'
  | 'unknown_account';

/** A venue rule refused a request. Protocol layers turn `code` into the venue's own error. */
export class SimRejectError extends Error {
  readonly code: RejectCode;
  readonly detail: Record<string, unknown>;
  constructor(code: RejectCode, message: string, detail: Record<string, unknown> = {}) {
    super(message);
    this.name = 'SimRejectError';
    this.code = code;
    this.detail = detail;
  }
}
