// What a failed venue call means for an order, decided by ccxt's error class (never by message text):
// refused for good, rate limited, outcome unknown, or "an order with this id already exists".
import {
  BaseError, DDoSProtection, DuplicateOrderId, ExchangeError, OrderNotFound, RateLimitExceeded,
} from 'ccxt';

export type ErrorDisposition =
  /** The venue refused the request; the order does not exist. Final. */
  | 'rejected'
  /** The venue throttled the request; it was not processed. Wait and send again. */
  | 'rate_limited'
  /** Timeout, dropped connection, 5xx, unreadable reply, anything unexpected: the order may exist. */
  | 'unknown'
  /** The venue says an order with this client order id is already there. */
  | 'exists';

/**
 * Classifies an error thrown by a ccxt order call. RateLimitExceeded and DDoSProtection are
 * NetworkError subclasses, so they are tested first; every other NetworkError (RequestTimeout,
 * ExchangeNotAvailable for a 503 "Unknown error", InvalidNonce), BadResponse and non-ccxt errors
 * leave the outcome unknown. ExchangeError subclasses (InvalidOrder, InsufficientFunds, BadSymbol,
 * AuthenticationError, ...) are final rejections.
 */
export function classifyOrderError(error: unknown): ErrorDisposition {
  if (error instanceof RateLimitExceeded || error instanceof DDoSProtection) return 'rate_limited';
  if (error instanceof DuplicateOrderId) return 'exists';
  if (error instanceof ExchangeError) return 'rejected';
  return 'unknown';
}

/** True when a lookup by client order id failed because the venue has no such order. */
export function isOrderNotFound(error: unknown): boolean {
  return error instanceof OrderNotFound;
}

/** The ccxt class name (or the JS error name) to put in a report's error_class. */
export function errorClassName(error: unknown): string {
  if (error instanceof BaseError) return error.constructor.name;
  if (error instanceof Error) return error.name || error.constructor.name;
  return typeof error;
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
