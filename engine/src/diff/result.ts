// What one diff of one (follower, symbol) returns: orders, or why nothing (or not everything) was sent.
// Shapes and shared constant results only; the no-op results are shared so a no-op allocates nothing.
import type { OrderIntent, SizingMemo } from '../model';

/**
 * in_sync: the follower already holds its target (to the step); nothing to send.
 * orders: 1 or 2 intents to send (a `reason` says why part of the delta was held back, if any).
 * skipped: nothing sent although the follower is not at its target, for `reason`.
 */
export type DiffStatus = 'in_sync' | 'orders' | 'skipped';

export type DiffReason =
  /** The follow's allow/deny lists exclude the symbol: no orders at all, the position is left alone. */
  | 'symbol_excluded'
  /** wait_next_change: the whale's position predates the follow and has not changed since. */
  | 'waiting_for_whale_change'
  /** A mark price was needed (fixed-notional open, a cap, min notional) and is missing. */
  | 'price_missing'
  /** Equity sizing needs both equities and one is missing or not positive. */
  | 'equity_missing'
  /** The order (or the open leg of a flip) is below the venue's minAmount or minNotional. */
  | 'below_minimum'
  /** maxOrderNotional clamped the order (the rest follows on a later diff) or allows not even one step. */
  | 'order_cap';

export interface FollowerDiff {
  readonly status: DiffStatus;
  /** Why part or all of the delta was not sent; null when everything due was sent (or nothing was due). */
  readonly reason: DiffReason | null;
  /** Leg 0 (reduce-only close/reduce) first, then leg 1 (open/increase). Empty unless status is 'orders'. */
  readonly intents: readonly OrderIntent[];
  /** Signed contracts due but not sent (below a minimum or over the order cap); sub-step dust is not counted. */
  readonly carried: number;
  /** The memo to store for this (follow, symbol); null = keep the one passed in. */
  readonly nextMemo: SizingMemo | null;
}

const NO_INTENTS: readonly OrderIntent[] = Object.freeze([]);

function constant(status: DiffStatus, reason: DiffReason | null): FollowerDiff {
  return Object.freeze({ status, reason, intents: NO_INTENTS, carried: 0, nextMemo: null });
}

export const IN_SYNC: FollowerDiff = constant('in_sync', null);
export const SKIPPED_SYMBOL_EXCLUDED: FollowerDiff = constant('skipped', 'symbol_excluded');
export const SKIPPED_WAITING: FollowerDiff = constant('skipped', 'waiting_for_whale_change');
export const SKIPPED_PRICE_MISSING: FollowerDiff = constant('skipped', 'price_missing');
export const SKIPPED_EQUITY_MISSING: FollowerDiff = constant('skipped', 'equity_missing');

export function inSync(nextMemo: SizingMemo | null): FollowerDiff {
  return nextMemo === null ? IN_SYNC : { status: 'in_sync', reason: null, intents: NO_INTENTS, carried: 0, nextMemo };
}

export function skipped(reason: DiffReason, carried: number, nextMemo: SizingMemo | null): FollowerDiff {
  return { status: 'skipped', reason, intents: NO_INTENTS, carried, nextMemo };
}
