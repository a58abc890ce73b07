// How the Hyperliquid layer answers: the Reply union, the venue's own error strings for core rejects, and the
// malformed-request error (HTTP 422 on the venue). No request handling here.
import { SimRejectError, type SimMarket } from '../core';
import { priceStep, px } from './format';

export type Reply =
  | { kind: 'json'; status: number; body: unknown; headers?: Record<string, string> }
  | { kind: 'text'; status: number; text: string; headers?: Record<string, string> }
  /** The order was processed but its reply must never reach the client. */
  | { kind: 'drop' };

export const ok = (body: unknown): Reply => ({ kind: 'json', status: 200, body });

/** `{status:'err', response}`: a whole request refused, answered with HTTP 200 like the venue. */
export const venueErr = (response: string): Reply => ({ kind: 'json', status: 200, body: { status: 'err', response } });

/** A body the venue cannot deserialize: it answers 422 with plain text. */
export class HlRequestError extends Error {
  readonly code = 'malformed_request' as const;
  constructor(detail: string, options?: { cause?: unknown }) {
    super(`Failed to deserialize the JSON body into the target type: ${detail}`, options);
    this.name = 'HlRequestError';
  }
}

export const unprocessable = (e: HlRequestError): Reply => ({ kind: 'text', status: 422, text: e.message });

/** The venue's wording for a core reject; anything that is not a SimRejectError is a bug and is rethrown. */
export function orderErrorMessage(e: unknown, asset: number, m: SimMarket, mark: number): string {
  if (!(e instanceof SimRejectError)) throw e;
  switch (e.code) {
    case 'bad_amount':
      return Number(e.detail.amount) === 0 ? 'Order has zero size.' : 'Order has invalid size.';
    case 'bad_step':
    case 'below_min_qty':
    case 'above_max_qty':
      return 'Order has invalid size.';
    case 'below_min_notional':
      return `Order must have minimum value of $${m.minNotional}. asset=${asset}`;
    case 'bad_price':
      return e.detail.tickSize !== undefined ? `Price must be divisible by tick size. asset=${asset}` : 'Order has invalid price.';
    case 'price_band':
      return 'Order price cannot be more than 80% away from the reference price';
    case 'insufficient_margin':
      return `Insufficient margin to place order. asset=${asset}`;
    case 'reduce_only_rejected':
      return `Reduce only order would increase position. asset=${asset}`;
    case 'post_only_would_match':
      return `Post only order would have immediately matched, bbo was ${px(mark - priceStep(m, mark))}@${px(mark + priceStep(m, mark))}. asset=${asset}`;
    case 'ioc_no_match':
      return iocNoMatch(asset);
    case 'duplicate_client_id':
      return `Order has duplicate cloid. asset=${asset}`;
    case 'bad_client_id':
      return `Invalid cloid. asset=${asset}`;
    case 'order_not_found':
      return orderNotFound(asset);
    case 'bad_leverage':
      return 'Invalid leverage value';
    case 'unknown_symbol':
    case 'unknown_account':
      return e.message;
  }
}

export const iocNoMatch = (asset: number) => `Order could not immediately match against any resting orders. asset=${asset}`;
export const orderNotFound = (asset: number) => `Order was never placed, already canceled, or filled. asset=${asset}`;
export const unknownUser = (address: string) => `User or API Wallet ${address} does not exist.`;
