// diffFollower: one follower, one symbol, one whale state -> 0, 1 or 2 order intents (or a reason).
// Pure: no I/O, no clock, no Map; allocates only the intents and, on a whale change, the new memo.
import type { IdKey } from '../core';
import { isSymbolAllowed, type Follow, type FollowerBookEntry, type MarketSpec, type SizingMemo } from '../model';
import { planOrders } from './order-plan';
import {
  SKIPPED_EQUITY_MISSING,
  SKIPPED_PRICE_MISSING,
  SKIPPED_SYMBOL_EXCLUDED,
  SKIPPED_WAITING,
  type FollowerDiff,
} from './result';
import { sizeMemo } from './sizing';

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
  const { follow, market, memo } = input;
  if (!isSymbolAllowed(follow.symbols, market.symbol, market.venueId)) return SKIPPED_SYMBOL_EXCLUDED;
  if (memo.waiting && input.whaleContracts === memo.whaleContracts) return SKIPPED_WAITING;
  if (memo.sized && input.whaleContracts === memo.whaleContracts) return planOrders(input, memo.target, null);
  const sized = sizeMemo(follow.sizing, follow.caps, memo, input);
  if (sized === 'price_missing') return SKIPPED_PRICE_MISSING;
  if (sized === 'equity_missing') return SKIPPED_EQUITY_MISSING;
  return planOrders(input, sized.target, sized);
}
