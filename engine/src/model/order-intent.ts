// An order the diff wants sent: one leg of moving a follower toward its target.
// Types plus the signed-amount helper used for in-flight bookkeeping; no I/O.
import type { Venue } from './venue';

export type OrderSide = 'buy' | 'sell';
/** 0 = close/reduce (always reduce-only), 1 = open/increase. */
export type OrderLeg = 0 | 1;

export interface OrderIntent {
  readonly followerId: string;
  readonly whaleId: string;
  readonly venue: Venue;
  readonly symbol: string;
  readonly side: OrderSide;
  /** Contracts, positive, a whole number of the market's amount steps. */
  readonly amount: number;
  readonly reduceOnly: boolean;
  readonly leg: OrderLeg;
  readonly whaleSeq: number;
  readonly clientOrderId: string;
}

/** +amount for a buy, -amount for a sell: what the intent adds to the follower's position. */
export function signedAmount(intent: Pick<OrderIntent, 'side' | 'amount'>): number {
  return intent.side === 'buy' ? intent.amount : -intent.amount;
}
