// Binance USD-M error answers: the error class the protocol layer throws, the map from core rejects to
// Binance's own codes and messages, and the JSON error reply. No request handling here.
import { SimRejectError, type RejectCode } from '../core';

/** An answer Binance gives as `{"code":<negative>,"msg":"..."}` with an HTTP status. */
export class BinanceApiError extends Error {
  readonly code = 'binance_api_error' as const;
  readonly binanceCode: number;
  readonly status: number;
  /** Sent as the Retry-After header (429 / 418). */
  readonly retryAfterSec: number | undefined;
  constructor(binanceCode: number, msg: string, status = 400, options?: { cause?: unknown; retryAfterSec?: number }) {
    super(msg, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'BinanceApiError';
    this.binanceCode = binanceCode;
    this.status = status;
    this.retryAfterSec = options?.retryAfterSec;
  }
}

/** Which request a reject came from: order lookups and cancels answer "not found" differently. */
export type RejectContext = 'place' | 'query' | 'cancel' | 'leverage';

type Mapped = [code: number, msg: string | ((e: SimRejectError) => string), status?: number];

const REJECTS: Record<RejectCode, Mapped> = {
  unknown_symbol: [-1121, 'Invalid symbol.'],
  bad_amount: [-4003, 'Quantity less than or equal to zero.'],
  bad_step: [-1111, 'Precision is over the maximum defined for this asset.'],
  below_min_qty: [-4004, 'Quantity less than min quantity.'],
  above_max_qty: [-4005, 'Quantity greater than max quantity.'],
  below_min_notional: [-4164, (e) => `Order's notional must be no smaller than ${String(e.detail.minNotional)} (unless you choose reduce only).`],
  bad_price: [-4014, 'Price not increased by tick size.'],
  price_band: [-4016, (e) => e.message],
  bad_client_id: [-4015, 'Client order id is not valid.'],
  duplicate_client_id: [-4116, 'ClientOrderId is duplicated.'],
  insufficient_margin: [-2019, 'Margin is insufficient.'],
  reduce_only_rejected: [-2022, 'ReduceOnly Order is rejected.'],
  order_not_found: [-2013, 'Order does not exist.'],
  bad_leverage: [-4028, 'Leverage is not valid'], // setLeverage names the value, as Binance does
  ioc_no_match: [-2020, 'Unable to fill.'],
  post_only_would_match: [-5022, 'Due to the order could not be executed as maker, the Post Only order will be rejected. The order will not be recorded in the order history'],
  unknown_account: [-2015, 'Invalid API-key, IP, or permissions for action.', 401],
};

/** Binance's answer to a core reject, as real Binance USD-M words it. */
export function fromReject(e: SimRejectError, context: RejectContext): BinanceApiError {
  if (e.code === 'order_not_found' && context === 'cancel') return new BinanceApiError(-2011, 'Unknown order sent.', 400, { cause: e });
  if (e.code === 'price_band' && e.detail.side === 'low') return new BinanceApiError(-4024, e.message, 400, { cause: e });
  if (e.code === 'bad_price' && e.detail.tickSize === undefined) return new BinanceApiError(-4001, 'Price less than 0.', 400, { cause: e });
  const [code, msg, status] = REJECTS[e.code];
  return new BinanceApiError(code, typeof msg === 'string' ? msg : msg(e), status ?? 400, { cause: e });
}

/** Turn anything thrown while serving a request into a Binance error (unknown errors become -1000). */
export function toBinanceError(e: unknown, context: RejectContext): BinanceApiError {
  if (e instanceof BinanceApiError) return e;
  if (e instanceof SimRejectError) return fromReject(e, context);
  return new BinanceApiError(-1000, 'An unknown error occured while processing the request.', 500, { cause: e });
}

export const mandatory = (name: string) =>
  new BinanceApiError(-1102, `Mandatory parameter '${name}' was not sent, was empty/null, or malformed.`);

export const illegal = (name: string) =>
  new BinanceApiError(-1100, `Illegal characters found in parameter '${name}'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.`);

export const invalidValue = (name: string) => new BinanceApiError(-1130, `Data sent for parameter '${name}' is not valid.`);

const JSON_HEADERS = { 'content-type': 'application/json' };

export function errorResponse(e: BinanceApiError): Response {
  const body = `{"code":${e.binanceCode},"msg":${JSON.stringify(e.message)}}`;
  const headers = e.retryAfterSec === undefined ? JSON_HEADERS : { ...JSON_HEADERS, 'retry-after': String(e.retryAfterSec) };
  return new Response(body, { status: e.status, headers });
}

/** The order rate limiter said no: 429 + Retry-After, or 418 while the account is banned. */
export function rateLimited(status: 429 | 418, retryAfterSec: number, limitPerTenSec: number, now: number): BinanceApiError {
  if (status === 418) {
    const until = now + retryAfterSec * 1000;
    return new BinanceApiError(-1003, `Way too many requests; IP banned until ${until}. Please use the websocket for live updates to avoid bans.`, 418, { retryAfterSec });
  }
  return new BinanceApiError(-1015, `Too many new orders; current limit is ${limitPerTenSec} orders per TEN_SECONDS.`, 429, { retryAfterSec });
}

/** Copied into every reply by the Response constructor (cheaper than converting the plain object each time). */
const JSON_HEADER_LIST = new Headers(JSON_HEADERS);

export function jsonResponse(body: string, status = 200): Response {
  return new Response(body, { status, headers: JSON_HEADER_LIST });
}
