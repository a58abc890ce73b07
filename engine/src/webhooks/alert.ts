// Parses and validates one TradingView alert body (JSON, sent as application/json or text/plain):
// numbers as numbers or strict decimal strings, placeholders left unreplaced, signs, sizes, times.
// Pure: no clock, no store; the caller checks the secret, the age and the ticker.
import { refusal, type Refusal } from './refusals';

/** Contracts beyond this are absurd for any market: refused, never sized. */
export const MAX_CONTRACTS = 1e9;
/** A non-zero size below this is float dust, not a position: refused rather than read as flat. */
export const MIN_CONTRACTS = 1e-12;
export const MAX_PRICE = 1e12;
/** Alert times before 2000-01-01 or after 2100-01-01 are not times. */
const MIN_TIME_MS = 946_684_800_000;
const MAX_TIME_MS = 4_102_444_800_000;

export type MarketPosition = 'long' | 'short' | 'flat';

export interface TradingViewAlert {
  /** The whale id of the strategy. */
  readonly strategy: string;
  readonly secret: string;
  readonly ticker: string;
  /** Signed contracts the strategy holds after this alert (negative = short, 0 = flat). */
  readonly contracts: number;
  readonly marketPosition: MarketPosition | undefined;
  readonly prevMarketPosition: MarketPosition | undefined;
  readonly action: 'buy' | 'sell' | undefined;
  /** Contracts of the order that triggered the alert (unsigned). */
  readonly orderContracts: number | undefined;
  readonly orderId: string | undefined;
  /** Close price at the alert: a mark for the symbol. */
  readonly price: number | undefined;
  /** Epoch milliseconds of the alert ({{timenow}}). */
  readonly timeMs: number;
  /** Explicit idempotency id, when the template sets one. */
  readonly id: string | undefined;
  /** The parsed object, for the journal (redact it first). */
  readonly raw: Readonly<Record<string, unknown>>;
}

export type AlertParse =
  | { readonly ok: true; readonly alert: TradingViewAlert }
  /** `raw` is the parsed object when the body was a JSON object (for a redacted journal copy). */
  | { readonly ok: false; readonly refusal: Refusal; readonly raw?: Readonly<Record<string, unknown>> };

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d{1,3})?$/;
const INTEGER = /^\d{1,16}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const STRATEGY = /^[A-Za-z0-9_.:-]{1,64}$/;
const TICKER = /^[A-Za-z0-9_.:!/-]{1,64}$/;
const EXPLICIT_ID = /^[\x21-\x7e]{1,128}$/;
const NO_CONTROL = /^[^\x00-\x1f\x7f]{1,128}$/u;
const POSITIONS: readonly string[] = ['long', 'short', 'flat'];

class Invalid {
  constructor(readonly refusal: Refusal) {}
}
const invalid = (field: string, message: string) => new Invalid(refusal('invalid_field', `${field} ${message}`, { field }));

/** A JSON number or a strict decimal string; never '', 'NaN', 'Infinity', hex or whitespace. */
function numberOf(field: string, value: unknown): number {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && DECIMAL.test(value)) n = Number(value);
  else throw invalid(field, 'must be a number or a decimal string');
  if (!Number.isFinite(n)) throw invalid(field, 'must be finite');
  return n;
}

function optional<T>(record: Record<string, unknown>, field: string, read: (field: string, value: unknown) => T): T | undefined {
  const value = record[field];
  return value === undefined || value === null || value === '' ? undefined : read(field, value);
}

function required<T>(record: Record<string, unknown>, field: string, read: (field: string, value: unknown) => T): T {
  const value = record[field];
  if (value === undefined || value === null || value === '') throw new Invalid(refusal('missing_field', `${field} is required`, { field }));
  return read(field, value);
}

const matching = (pattern: RegExp, what: string) => (field: string, value: unknown): string => {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  if (typeof text !== 'string' || !pattern.test(text)) throw invalid(field, `must be ${what}`);
  return text;
};

const secretOf = (field: string, value: unknown): string => {
  if (typeof value !== 'string' || value.length > 256) throw invalid(field, 'must be a string of at most 256 characters');
  return value;
};

const positionOf = (field: string, value: unknown): MarketPosition => {
  const text = typeof value === 'string' ? value.toLowerCase() : value;
  if (typeof text !== 'string' || !POSITIONS.includes(text)) throw invalid(field, 'must be long, short or flat');
  return text as MarketPosition;
};

const actionOf = (field: string, value: unknown): 'buy' | 'sell' => {
  const text = typeof value === 'string' ? value.toLowerCase() : value;
  if (text !== 'buy' && text !== 'sell') throw invalid(field, 'must be buy or sell');
  return text;
};

const sizeOf = (field: string, value: unknown): number => {
  const n = numberOf(field, value);
  if (Math.abs(n) > MAX_CONTRACTS) throw invalid(field, `must be at most ${MAX_CONTRACTS} in size`);
  if (n !== 0 && Math.abs(n) < MIN_CONTRACTS) throw invalid(field, `must be 0 or at least ${MIN_CONTRACTS} in size`);
  return n;
};

const unsignedSizeOf = (field: string, value: unknown): number => {
  const n = sizeOf(field, value);
  if (n < 0) throw invalid(field, 'must not be negative');
  return n;
};

const priceOf = (field: string, value: unknown): number => {
  const n = numberOf(field, value);
  if (!(n > 0) || n > MAX_PRICE) throw invalid(field, `must be above 0 and at most ${MAX_PRICE}`);
  return n;
};

/** ISO 8601 with a zone ({{timenow}}), or epoch milliseconds / seconds as a number or digit string. */
const timeOf = (field: string, value: unknown): number => {
  let ms: number;
  if (typeof value === 'string' && ISO_TIME.test(value)) ms = Date.parse(value);
  else if ((typeof value === 'number' && Number.isInteger(value) && value > 0) || (typeof value === 'string' && INTEGER.test(value))) {
    const n = Number(value);
    ms = n >= 1e11 ? n : n * 1000;
  } else throw invalid(field, 'must be an ISO 8601 time with a zone or epoch milliseconds');
  if (!(ms >= MIN_TIME_MS && ms < MAX_TIME_MS)) throw invalid(field, 'is out of range');
  return ms;
};

/** The first top-level string field still holding a TradingView placeholder ({{...}}). */
function unreplacedField(record: Record<string, unknown>): string | undefined {
  for (const key of Object.keys(record)) {
    const value = record[key];
    if (typeof value === 'string' && value.includes('{{')) return key;
  }
  return undefined;
}

/** Signed position: |position_size| signed by market_position; refuses combinations that contradict. */
function signedContracts(size: number, position: MarketPosition | undefined): number {
  if (position === undefined) return size === 0 ? 0 : size;
  if (position === 'flat') {
    if (size !== 0) throw new Invalid(refusal('inconsistent_position', 'market_position is flat but position_size is not 0', { field: 'position_size' }));
    return 0;
  }
  if (size === 0 || (position === 'long' && size < 0)) {
    const problem = size === 0 ? '0' : 'negative';
    throw new Invalid(refusal('inconsistent_position', `market_position is ${position} but position_size is ${problem}`, { field: 'position_size' }));
  }
  return position === 'long' ? size : -Math.abs(size);
}

function readAlert(record: Record<string, unknown>): TradingViewAlert {
  const placeholder = unreplacedField(record);
  if (placeholder !== undefined) {
    throw new Invalid(refusal('unreplaced_placeholder', `${placeholder} still holds a {{placeholder}}: the alert message was not filled in by TradingView`, { field: placeholder }));
  }
  const strategy = required(record, 'strategy', matching(STRATEGY, 'a strategy (whale) id'));
  const secret = required(record, 'secret', secretOf);
  const ticker = required(record, 'ticker', matching(TICKER, 'a ticker such as BINANCE:BTCUSDT.P'));
  const marketPosition = optional(record, 'market_position', positionOf);
  const size = required(record, 'position_size', sizeOf);
  return {
    strategy, secret, ticker, marketPosition,
    contracts: signedContracts(size, marketPosition),
    prevMarketPosition: optional(record, 'prev_market_position', positionOf),
    action: optional(record, 'action', actionOf),
    orderContracts: optional(record, 'contracts', unsignedSizeOf),
    orderId: optional(record, 'order_id', matching(NO_CONTROL, 'a string of 1 to 128 characters')),
    price: optional(record, 'price', priceOf),
    timeMs: required(record, 'time', timeOf),
    id: optional(record, 'id', matching(EXPLICIT_ID, '1 to 128 printable characters without spaces')),
    raw: record,
  };
}

/** The alert in `text`, or why it is refused. Never throws. */
export function parseAlert(text: string): AlertParse {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, refusal: refusal('malformed_body', 'the body is not JSON (set the alert message to the documented JSON template)') };
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, refusal: refusal('malformed_body', 'the body must be a JSON object') };
  }
  const record = value as Record<string, unknown>;
  try {
    return { ok: true, alert: readAlert(record) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, refusal: error.refusal, raw: record };
    throw error;
  }
}
