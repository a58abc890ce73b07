// Maps a ccxt unified order (from watchOrders) to the engine's FollowerOrderEvent. Pure.
// Orders without a client order id cannot be the engine's and are skipped; unknown statuses too.
import type { FollowerOrderEvent, FollowerOrderStatus } from './types';

/** The fields of a ccxt unified order the feeds read (ccxt's Order satisfies it). */
export interface VenueOrderLike {
  readonly id?: string | undefined;
  readonly clientOrderId?: string | undefined;
  readonly symbol?: string | undefined;
  readonly side?: string | undefined;
  readonly status?: string | undefined;
  readonly filled?: number | undefined;
  readonly average?: number | undefined;
  readonly timestamp?: number | undefined;
  readonly lastUpdateTimestamp?: number | undefined;
}

/** filled / canceled / rejected / expired: the order will not fill any further. */
export function isTerminalOrderStatus(status: FollowerOrderStatus): boolean {
  return status !== 'open' && status !== 'partially_filled';
}

/** ccxt status + cumulative fill -> engine status; undefined for statuses the engine does not know. */
export function orderStatusOf(ccxtStatus: string | undefined, filled: number): FollowerOrderStatus | undefined {
  switch (ccxtStatus) {
    case 'open':
      return filled > 0 ? 'partially_filled' : 'open';
    case 'closed':
      return 'filled';
    case 'canceled':
    case 'cancelled':
      return 'canceled';
    case 'rejected':
      return 'rejected';
    case 'expired':
      return 'expired';
    default:
      return undefined;
  }
}

const finiteOr = (x: number | undefined, fallback: number): number => (x !== undefined && Number.isFinite(x) ? x : fallback);

export function toFollowerOrderEvent(followerId: string, o: VenueOrderLike, rxTs: number): FollowerOrderEvent | undefined {
  const cid = o.clientOrderId;
  if (cid === undefined || cid === '' || o.symbol === undefined) return undefined;
  if (o.side !== 'buy' && o.side !== 'sell') return undefined;
  const filled = Math.abs(finiteOr(o.filled, 0));
  const status = orderStatusOf(o.status, filled);
  if (status === undefined) return undefined;
  return {
    followerId,
    clientOrderId: cid,
    venueOrderId: o.id ?? '',
    symbol: o.symbol,
    side: o.side,
    status,
    filled,
    avgPrice: finiteOr(o.average, 0),
    venueTs: finiteOr(o.lastUpdateTimestamp, finiteOr(o.timestamp, rxTs)),
    rxTs,
  };
}
