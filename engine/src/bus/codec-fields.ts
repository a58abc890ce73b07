// Field checks and enum tables shared by the codec: wire values in, engine values out (or a BusDecodeError).
// Pure helpers; no protobufjs message logic lives here.
import { BusDecodeError, BusEncodeError } from './errors';
import type { HopStamps } from './messages';

/** protobufjs returns uint64 as a Long when the `long` package is present, else as a number. */
export interface LongLike {
  readonly high: number;
  readonly low: number;
}

const TWO_POW_32 = 4_294_967_296;
/** high word of 2^53: any uint64 whose high word is below this is a safe JS integer. */
const SAFE_HIGH_LIMIT = 0x200000;
const DECIMAL = /^\d+(\.\d+)?$/;
const NON_ZERO_DIGIT = /[1-9]/;

export function safeUint(type: string, field: string, value: number | LongLike | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value) && value >= 0) return value;
    throw new BusDecodeError(type, `${field} ${value} is not a safe unsigned integer`);
  }
  const high = value.high >>> 0;
  if (high >= SAFE_HIGH_LIMIT) throw new BusDecodeError(type, `${field} is 2^53 or more`);
  return high * TWO_POW_32 + (value.low >>> 0);
}

export function requireText(type: string, field: string, value: string | null | undefined): string {
  if (typeof value !== 'string' || value.length === 0) throw new BusDecodeError(type, `${field} is empty`);
  return value;
}

export function text(value: string | null | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** A non-negative decimal string; `optional` also accepts '' (not known); `positive` rejects zero. */
export function decimal(
  type: string,
  field: string,
  value: string | null | undefined,
  rule: 'optional' | 'required' | 'positive',
): string {
  const raw = text(value);
  if (raw === '' && rule === 'optional') return raw;
  if (!DECIMAL.test(raw)) throw new BusDecodeError(type, `${field} ${JSON.stringify(raw)} is not a decimal string`);
  if (rule === 'positive' && !NON_ZERO_DIGIT.test(raw)) throw new BusDecodeError(type, `${field} must be positive`);
  return raw;
}

export function uint32(value: number | null | undefined): number {
  return typeof value === 'number' ? value >>> 0 : 0;
}

/** Epoch-ms stamps; absent hops and absent fields read as 0 (not stamped). */
export function hopsFrom(value: Partial<Record<keyof HopStamps, number | null>> | null | undefined): HopStamps {
  return {
    venueEventMs: value?.venueEventMs ?? 0,
    frameRxMs: value?.frameRxMs ?? 0,
    diffDoneMs: value?.diffDoneMs ?? 0,
    xaddAckMs: value?.xaddAckMs ?? 0,
    dequeuedMs: value?.dequeuedMs ?? 0,
    orderSentMs: value?.orderSentMs ?? 0,
    venueAckMs: value?.venueAckMs ?? 0,
  };
}

export function checkEncodableUint(type: string, field: string, value: number, max: number): void {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw new BusEncodeError(type, `${field} ${value} is not an integer in [0, ${max}]`);
  }
}

/** Two-way table between a proto enum (numbers, 0 = unspecified) and an engine string union. */
export class EnumTable<Name extends string> {
  private readonly byName: ReadonlyMap<Name, number>;
  private readonly byNumber: ReadonlyMap<number, Name>;

  constructor(
    private readonly enumName: string,
    entries: ReadonlyArray<readonly [Name, number]>,
  ) {
    this.byName = new Map(entries);
    this.byNumber = new Map(entries.map(([name, value]) => [value, name] as const));
  }

  // The last name looked up: a batch's signals mostly share venue and side.
  private lastName: Name | undefined = undefined;
  private lastValue = 0;

  toWire(type: string, name: Name): number {
    if (name === this.lastName) return this.lastValue;
    const value = this.byName.get(name);
    if (value === undefined) throw new BusEncodeError(type, `${this.enumName} ${JSON.stringify(name)} is unknown`);
    this.lastName = name;
    this.lastValue = value;
    return value;
  }

  fromWire(type: string, value: number | null | undefined): Name {
    const name = this.byNumber.get(value ?? 0);
    if (name === undefined) throw new BusDecodeError(type, `${this.enumName} ${value ?? 0} is unspecified or unknown`);
    return name;
  }
}
