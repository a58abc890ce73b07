// diffFollower: one follower, one symbol, one whale state -> 0, 1 or 2 order intents (or a reason).
// Pure: no I/O, no clock, no Map. diffFollower allocates only the intents and, on a whale change, the new
// memo; diffFollowerLegs (the copy loop's form) allocates nothing.
import type { IdKey } from '../core';
import { isSymbolAllowed, type Follow, type FollowerBookEntry, type MarketSpec, type SizingMemo } from '../model';
import { legsToDiff, newLegPlan, planLegs, type LegPlan } from './order-plan';
import {
  SKIPPED_EQUITY_MISSING,
  SKIPPED_PRICE_MISSING,
  SKIPPED_SYMBOL_EXCLUDED,
  SKIPPED_WAITING,
  type DiffReason,
  type FollowerDiff,
} from './result';
import { sizeMemoInto, type MutableSizingMemo } from './sizing';

/**
 * Everything one diff reads. The caller may reuse one object across followers (nothing keeps it).
 * Equities and the mark may be NaN when unknown; only the paths that need them report so.
 */
export interface FollowerDiffInput {
  readonly follow: Follow;
  readonly market: MarketSpec;
  /** Sequence of the event that triggered this diff; part of every client order id. */
  readonly whaleSeq: number;
  readonly whaleContracts: number;
  readonly whaleEquity: number;
  readonly followerEquity: number;
  readonly mark: number;
  readonly book: FollowerBookEntry;
  /** See PlanInputs.othersTarget. */
  readonly othersTarget?: number;
  readonly memo: SizingMemo;
  /** followIdKey(follow.id) and seqText(whaleSeq), when the caller has them at hand (computed otherwise). */
  readonly followKey?: IdKey;
  readonly seqText?: string;
}

/**
 * The anti-churn rule: the target is sized only when the whale's contracts in the symbol differ from
 * the memo's (or the memo is fresh); prices and equities are read at that moment only. Between whale
 * changes the target is frozen, so price or equity drift alone never emits an order, while a missed
 * fill, a partial fill or a manual change on the follower's account is healed toward the same target.
 *
 * Order intent = goal - (actual + in flight), see planOrders for rounding, minimums and caps.
 * Excluded symbols (allow/deny) get no orders at all: a denied symbol is not force-closed.
 */
export function diffFollower(input: FollowerDiffInput): FollowerDiff {
  const legs = diffFollowerLegs(input, SCRATCH);
  if (legs.status === 'skipped' && !legs.memoChanged) {
    // Skips decided before planning are the shared constants (a no-op allocates nothing).
    switch (legs.reason) {
      case 'symbol_excluded': return SKIPPED_SYMBOL_EXCLUDED;
      case 'waiting_for_whale_change': return SKIPPED_WAITING;
      case 'equity_missing': return SKIPPED_EQUITY_MISSING;
      case 'price_missing': if (legs.sizingFailed) return SKIPPED_PRICE_MISSING;
    }
  }
  return legsToDiff(input, legs, legs.memoChanged ? { ...legs.memo } : null);
}

/** diffFollower's outcome as step counts (see LegPlan), plus the memo a whale change sized. */
export interface DiffLegs extends LegPlan {
  /** The memo after this diff when memoChanged (a scratch: copy it out, do not keep it). */
  readonly memo: MutableSizingMemo;
  memoChanged: boolean;
  /** The skip came from sizing (price or equity missing), before any leg was planned. */
  sizingFailed: boolean;
}

export function newDiffLegs(): DiffLegs {
  return { ...newLegPlan(), memo: { sized: false, whaleContracts: 0, target: 0, fixedK: 0, waiting: false }, memoChanged: false, sizingFailed: false };
}

const SCRATCH = newDiffLegs();

/** diffFollower without building intents or result objects: fills and returns `out` (the copy loop's form). */
export function diffFollowerLegs(input: FollowerDiffInput, out: DiffLegs): DiffLegs {
  const { follow, market, memo } = input;
  out.memoChanged = false;
  out.sizingFailed = false;
  if (!isSymbolAllowed(follow.symbols, market.symbol, market.venueId)) return skip(out, 'symbol_excluded');
  if (memo.waiting && input.whaleContracts === memo.whaleContracts) return skip(out, 'waiting_for_whale_change');
  if (memo.sized && input.whaleContracts === memo.whaleContracts) {
    planLegs(input, memo.target, out);
    return out;
  }
  const failure = sizeMemoInto(follow.sizing, follow.caps, memo, input, out.memo);
  if (failure !== null) {
    out.sizingFailed = true;
    return skip(out, failure);
  }
  out.memoChanged = true;
  planLegs(input, out.memo.target, out);
  return out;
}

function skip(out: DiffLegs, reason: DiffReason): DiffLegs {
  out.status = 'skipped';
  out.reason = reason;
  out.carried = 0;
  out.closeSteps = 0;
  out.openSteps = 0;
  return out;
}
