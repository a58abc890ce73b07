// Engine-side shapes of the wire messages in proto/whalecopy/v1 (what codec.ts encodes and decodes).
// Types only: string unions instead of proto enums, numbers instead of Long, '' / 0 for "not set".

export type SignalVenue = 'binanceusdm' | 'hyperliquid';
export type OrderSide = 'buy' | 'sell';
export type OrderLeg = 0 | 1;

/** Epoch ms with a microsecond fraction per hop; 0 = not stamped. Field names match the proto. */
export interface HopStamps {
  venueEventMs: number;
  frameRxMs: number;
  diffDoneMs: number;
  xaddAckMs: number;
  dequeuedMs: number;
  orderSentMs: number;
  venueAckMs: number;
}

export interface OrderSignal {
  readonly clientOrderId: string;
  readonly followerId: string;
  readonly whaleId: string;
  readonly venue: SignalVenue;
  readonly symbol: string;
  readonly side: OrderSide;
  /** Decimal string already formatted to the market's amount step; positive. */
  readonly amount: string;
  readonly reduceOnly: boolean;
  readonly leg: OrderLeg;
  /** Safe unsigned integer (< 2^53). */
  readonly whaleSeq: number;
  /** Leverage to set before ordering; 0 = leave as is. */
  readonly leverage: number;
  /** Reference mark price as a decimal string, '' when unknown (Hyperliquid market orders need one). */
  readonly refPrice: string;
}

/** One stream entry: every order of one whale event for one executor shard. */
export interface SignalBatch {
  readonly shard: number;
  readonly whaleId: string;
  readonly whaleSeq: number;
  readonly signals: readonly OrderSignal[];
  readonly hops: HopStamps;
}

export type ExecutionStatus = 'filled' | 'partially_filled' | 'rejected' | 'unknown' | 'skipped' | 'canceled';

export interface ExecutionReport {
  readonly clientOrderId: string;
  readonly followerId: string;
  readonly whaleId: string;
  readonly venue: SignalVenue;
  readonly symbol: string;
  readonly side: OrderSide;
  readonly status: ExecutionStatus;
  /** Decimal string. */
  readonly requestedAmount: string;
  /** Decimal string; '' = not known. */
  readonly filledAmount: string;
  /** Decimal string; '' = not known. */
  readonly avgPrice: string;
  /** '' = the venue never assigned one. */
  readonly venueOrderId: string;
  /** '' = no error. */
  readonly errorClass: string;
  readonly errorMessage: string;
  readonly attempts: number;
  readonly hops: HopStamps;
  readonly shard: number;
}

export type TradingScope = 'engine' | 'whale' | 'follower';
export type TradingState = 'active' | 'reducing' | 'halted';

/** Kill switch: `id` is '' for the engine scope, the whale or follower id otherwise. */
export interface TradingStateChange {
  readonly kind: 'trading_state_change';
  readonly scope: TradingScope;
  readonly id: string;
  readonly state: TradingState;
  readonly flatten: boolean;
}

/** The oneof of proto Control; more commands join this union. */
export type ControlCommand = TradingStateChange;

export function emptyHops(): HopStamps {
  return { venueEventMs: 0, frameRxMs: 0, diffDoneMs: 0, xaddAckMs: 0, dequeuedMs: 0, orderSentMs: 0, venueAckMs: 0 };
}
