// Turns the resolution of one order signal into its ExecutionReport: status, fill, prices as decimal
// strings, error class and hop stamps. Pure; publishing is the executor's job.
import type { ExecutionReport, ExecutionStatus, HopStamps, OrderSignal } from '../bus';
import { formatToStep } from '../core';
import type { Resolution, VenueOrder } from './resolve-order';
import { errorClassName, errorText } from './venue-errors';

export interface ReportFields {
  readonly status: ExecutionStatus;
  readonly filledAmount: string;
  readonly avgPrice: string;
  readonly venueOrderId: string;
  readonly errorClass: string;
  readonly errorMessage: string;
}

const PRICE_STEP = 1e-8;

/** A decimal string without exponent or float noise: on the step's grid, or to 8 decimals trimmed. */
export function decimalString(x: number, step?: number): string {
  if (step !== undefined && step > 0) return formatToStep(x, step);
  const text = formatToStep(x, PRICE_STEP);
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** Fields of an order the venue knows; `requested` decides filled vs partially filled. */
export function fieldsOfOrder(order: VenueOrder, requested: number, amountStep?: number): ReportFields {
  const base = { venueOrderId: order.id, errorClass: '', errorMessage: '' };
  const price = (avg: number | undefined) => (avg !== undefined && avg > 0 ? decimalString(avg) : '');
  const tolerance = (amountStep ?? requested * 1e-9) / 2;
  let filled = order.filled;
  if (filled === undefined && order.status === 'closed') filled = order.amount ?? requested; // closed = fully filled in ccxt
  if (order.status === 'rejected') {
    return { ...base, status: 'rejected', filledAmount: '0', avgPrice: '', errorClass: 'OrderRejected', errorMessage: 'the venue reports the order as rejected' };
  }
  if (filled !== undefined && filled > 0) {
    const status: ExecutionStatus = filled >= requested - tolerance ? 'filled' : 'partially_filled';
    return { ...base, status, filledAmount: decimalString(filled, amountStep), avgPrice: price(order.average) };
  }
  if (order.status === 'canceled' || order.status === 'expired') {
    return { ...base, status: 'canceled', filledAmount: '0', avgPrice: '' };
  }
  const state = order.status ?? 'not reported';
  return {
    ...base, status: 'unknown', filledAmount: filled === undefined ? '' : '0', avgPrice: '',
    errorClass: 'OrderNotFinal', errorMessage: `order ${order.id} is ${state} at the venue`,
  };
}

export function fieldsOfResolution(resolution: Resolution, requested: number, amountStep?: number): ReportFields {
  if (resolution.kind === 'order') return fieldsOfOrder(resolution.order, requested, amountStep);
  const error = resolution.error;
  const errorClass = error === undefined ? '' : errorClassName(error);
  const errorMessage = error === undefined ? '' : errorText(error);
  if (resolution.kind === 'rejected') {
    return { status: 'rejected', filledAmount: '0', avgPrice: '', venueOrderId: '', errorClass, errorMessage };
  }
  return { status: 'unknown', filledAmount: '', avgPrice: '', venueOrderId: '', errorClass, errorMessage };
}

/** A report for an order that was refused before any venue call (credentials, leverage, no price). */
export function fieldsOfFailure(status: 'rejected' | 'skipped', error: unknown): ReportFields {
  return { status, filledAmount: '0', avgPrice: '', venueOrderId: '', errorClass: errorClassName(error), errorMessage: errorText(error) };
}

export function buildReport(signal: OrderSignal, fields: ReportFields, attempts: number, hops: HopStamps, shard: number): ExecutionReport {
  return {
    clientOrderId: signal.clientOrderId,
    followerId: signal.followerId,
    whaleId: signal.whaleId,
    venue: signal.venue,
    symbol: signal.symbol,
    side: signal.side,
    requestedAmount: signal.amount,
    attempts,
    hops,
    shard,
    ...fields,
  };
}
