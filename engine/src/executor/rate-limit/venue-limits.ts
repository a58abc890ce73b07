// The venues' published request limits and what each executor call costs against them.
// Data only; the limiter that enforces them is rate-limiters.ts.
import type { Venue } from '../../model';
import type { RateWindow } from './token-bucket';

/** Calls the executor makes to a venue. */
export type VenueOp = 'order' | 'lookup' | 'leverage' | 'ticker';

export interface OpCost {
  /** Weight against the account's (API key's / address's) limits. */
  readonly account: number;
  /** Weight against the limits of the egress IP (shared by every account of the process). */
  readonly egressIp: number;
}

export interface VenueLimits {
  readonly account: readonly RateWindow[];
  readonly egressIp: readonly RateWindow[];
  readonly cost: Readonly<Record<VenueOp, OpCost>>;
}

/**
 * Binance USD-M: 300 orders / 10 s and 1200 orders / min per account; 2400 request weight / min per IP
 * (new order weight 0 on the IP, query order and leverage 1, ticker 1).
 * Hyperliquid: 1200 weight / min per address and per IP; an exchange action (order, leverage) weighs 1,
 * an info request (orderStatus, metaAndAssetCtxs) 2.
 */
export const VENUE_LIMITS: Readonly<Record<Venue, VenueLimits>> = Object.freeze({
  binanceusdm: {
    account: [{ limit: 300, windowMs: 10_000 }, { limit: 1200, windowMs: 60_000 }],
    egressIp: [{ limit: 2400, windowMs: 60_000 }],
    cost: {
      order: { account: 1, egressIp: 0 },
      lookup: { account: 0, egressIp: 1 },
      leverage: { account: 0, egressIp: 1 },
      ticker: { account: 0, egressIp: 1 },
    },
  },
  hyperliquid: {
    account: [{ limit: 1200, windowMs: 60_000 }],
    egressIp: [{ limit: 1200, windowMs: 60_000 }],
    cost: {
      order: { account: 1, egressIp: 1 },
      lookup: { account: 2, egressIp: 2 },
      leverage: { account: 1, egressIp: 1 },
      ticker: { account: 0, egressIp: 2 },
    },
  },
});
