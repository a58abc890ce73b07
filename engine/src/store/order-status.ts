// Lifecycle order of outbox statuses and the merge rule for two updates of one client order id.
// Pure: the SQL upsert in repos/orders.ts applies the same rule inside the database.
import type { OrderStatus, OrderUpdate } from './types';

/** Rank of each status; an order's status only moves to a higher rank (terminal = TERMINAL_RANK). */
export const STATUS_RANK: Readonly<Record<OrderStatus, number>> = {
  pending: 0,
  sent: 1,
  unknown: 2,
  partially_filled: 3,
  filled: 4,
  rejected: 4,
  canceled: 4,
  skipped: 4,
};
export const TERMINAL_RANK = 4;

/**
 * Whether an update with status `next` replaces the outcome fields of a row at status `current`:
 * a higher rank always does; the same non-terminal, non-pending rank refreshes (more attempts, a
 * larger partial fill); a terminal status is never replaced, and nothing moves back.
 */
export function advances(current: OrderStatus, next: OrderStatus): boolean {
  const from = STATUS_RANK[current];
  const to = STATUS_RANK[next];
  return to > from || (to === from && from > 0 && from < TERMINAL_RANK);
}

const max = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

/**
 * Merges a later update into an earlier one for the same client order id (used to fold a batch
 * before one multi-row upsert). Intent fields keep the first known value; outcome fields follow
 * `advances`; counters and times take the maximum.
 */
export function mergeOrderUpdates(earlier: OrderUpdate, later: OrderUpdate): OrderUpdate {
  const move = advances(earlier.status, later.status);
  const outcome = move ? later : earlier;
  const other = move ? earlier : later;
  return {
    clientOrderId: earlier.clientOrderId,
    followerId: earlier.followerId,
    whaleId: earlier.whaleId,
    venue: earlier.venue,
    symbol: earlier.symbol,
    side: earlier.side,
    amount: earlier.amount,
    reduceOnly: earlier.reduceOnly ?? later.reduceOnly ?? null,
    leg: earlier.leg ?? later.leg ?? null,
    whaleSeq: earlier.whaleSeq ?? later.whaleSeq ?? null,
    status: outcome.status,
    filledAmount: max(earlier.filledAmount, later.filledAmount),
    avgPrice: outcome.avgPrice ?? other.avgPrice ?? null,
    venueOrderId: outcome.venueOrderId ?? other.venueOrderId ?? null,
    error: move ? (later.error ?? null) : (earlier.error ?? null),
    attempts: max(earlier.attempts, later.attempts),
    at: max(earlier.at, later.at),
  };
}

/** Folds updates by client order id, keeping first-seen order of ids. */
export function foldOrderUpdates(updates: readonly OrderUpdate[]): OrderUpdate[] {
  const byId = new Map<string, OrderUpdate>();
  for (const update of updates) {
    const seen = byId.get(update.clientOrderId);
    byId.set(update.clientOrderId, seen === undefined ? update : mergeOrderUpdates(seen, update));
  }
  return [...byId.values()];
}
