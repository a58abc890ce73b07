// Turns a target into order legs: target - (actual + in flight) on the step grid, venue minimums,
// the per-order cap, reduce-only closes, flips as close-then-open. Pure; builds only the intents.
import { clientOrderIdOf, countSteps, followIdKey, seqText, stepScale, stepsToAmount, type StepScale } from '../core';
import type { IdKey } from '../core';
import type { Caps, Follow, FollowerBookEntry, MarketSpec, OrderIntent, OrderLeg, SizingMemo } from '../model';
import { inSync, skipped, type DiffReason, type DiffStatus, type FollowerDiff } from './result';
import { isUsablePrice } from './sizing';

/** What planning reads; FollowerDiffInput satisfies it. */
export interface PlanInputs {
  readonly follow: Follow;
  readonly market: MarketSpec;
  readonly whaleSeq: number;
  readonly mark: number;
  readonly book: FollowerBookEntry;
  /**
   * Signed contracts the follower's other follows aim at in this market (it copies several whales; 0 or
   * absent otherwise). The book holds all of them, so the legs take the follower to target + othersTarget.
   */
  readonly othersTarget?: number;
  /** followIdKey(follow.id) and seqText(whaleSeq), when the caller has them at hand (computed otherwise). */
  readonly followKey?: IdKey;
  readonly seqText?: string;
}

/** Relative slack when comparing an amount or notional with a venue minimum (float noise only). */
const MINIMUM_SLACK = 1e-9;
const BELOW_MINIMUM = -1;
const PRICE_MISSING = -2;
const ORDER_CAP = -3;

/**
 * One diff's legs as signed step counts, before any intent object exists: planOrders turns them into
 * intents, the copy loop straight into signals. Reused scratch: nothing keeps a reference to it.
 */
export interface LegPlan {
  status: DiffStatus;
  reason: DiffReason | null;
  /** Signed contracts due but not sent (see FollowerDiff.carried). */
  carried: number;
  /** Signed steps of leg 0 (reduce-only) and leg 1 (open) to send; 0 = no such leg. */
  closeSteps: number;
  openSteps: number;
  /** The market's step scale the counts are in. */
  scale: StepScale;
}

export function newLegPlan(): LegPlan {
  return { status: 'in_sync', reason: null, carried: 0, closeSteps: 0, openSteps: 0, scale: stepScale(1) };
}

/**
 * Rounding rule: the follower aims at `goal` = target rounded toward zero to the step, so its
 * position never exceeds |target|; its position (actual + in flight) is taken to the nearest step.
 * A close to 0 therefore always sends the full position, whatever float noise it carries.
 */
export function planOrders(inputs: PlanInputs, target: number, nextMemo: SizingMemo | null): FollowerDiff {
  return legsToDiff(inputs, planLegs(inputs, target, SCRATCH), nextMemo);
}

const SCRATCH = newLegPlan();

/** planOrders without the intents: fills and returns `out`. */
export function planLegs(inputs: PlanInputs, target: number, out: LegPlan): LegPlan {
  const { market, book } = inputs;
  const scale = stepScale(market.amountStep);
  out.scale = scale;
  out.closeSteps = 0;
  out.openSteps = 0;
  out.carried = 0;
  out.reason = null;
  const posSteps = countSteps(book.actual + book.inFlight, scale, 'nearest');
  const goalSteps = countSteps(target + (inputs.othersTarget ?? 0), scale, 'toward_zero');
  if (posSteps === goalSteps) {
    out.status = 'in_sync';
    return out;
  }

  // Signed step counts of leg 0 (toward zero, reduce-only) and leg 1 (away from zero).
  let closeSteps = 0;
  let openSteps = 0;
  if (posSteps !== 0 && goalSteps !== 0 && (posSteps > 0) !== (goalSteps > 0)) {
    closeSteps = -posSteps;
    openSteps = goalSteps;
  } else if (Math.abs(goalSteps) < Math.abs(posSteps)) {
    closeSteps = goalSteps - posSteps;
  } else {
    openSteps = goalSteps - posSteps;
  }

  let reason: DiffReason | null = null;
  let sentClose = 0;
  let sentOpen = 0;
  if (closeSteps !== 0) {
    const wanted = Math.abs(closeSteps);
    const allowed = allowedSteps(wanted, closeSteps === -posSteps, true, market, scale, inputs.follow.caps, inputs.mark);
    if (allowed < 0) reason = reasonOf(allowed);
    else {
      sentClose = Math.sign(closeSteps) * allowed;
      if (allowed < wanted) reason = 'order_cap';
    }
  }
  // The open leg of a flip goes only together with the whole close: never open against a standing side.
  if (openSteps !== 0 && reason === null) {
    const wanted = Math.abs(openSteps);
    const allowed = allowedSteps(wanted, false, false, market, scale, inputs.follow.caps, inputs.mark);
    if (allowed < 0) reason = reasonOf(allowed);
    else {
      sentOpen = Math.sign(openSteps) * allowed;
      if (allowed < wanted) reason = 'order_cap';
    }
  }

  out.carried = stepsToAmount(goalSteps - posSteps - sentClose - sentOpen, scale);
  out.closeSteps = sentClose;
  out.openSteps = sentOpen;
  if (sentClose === 0 && sentOpen === 0) {
    out.status = 'skipped';
    out.reason = reason ?? 'below_minimum';
  } else {
    out.status = 'orders';
    out.reason = reason;
  }
  return out;
}

/** The FollowerDiff of planned legs, its intents built here (diffFollower returns the shared constants for plain skips). */
export function legsToDiff(inputs: PlanInputs, legs: LegPlan, nextMemo: SizingMemo | null): FollowerDiff {
  if (legs.status === 'in_sync') return inSync(nextMemo);
  if (legs.status === 'skipped') return skipped(legs.reason ?? 'below_minimum', legs.carried, nextMemo);
  const { closeSteps, openSteps, scale } = legs;
  const intents: OrderIntent[] =
    closeSteps !== 0 && openSteps !== 0
      ? [legIntent(inputs, scale, closeSteps, 0), legIntent(inputs, scale, openSteps, 1)]
      : [closeSteps !== 0 ? legIntent(inputs, scale, closeSteps, 0) : legIntent(inputs, scale, openSteps, 1)];
  return { status: 'orders', reason: legs.reason, intents, carried: legs.carried, nextMemo };
}

/**
 * How many of `wanted` steps one order may carry, or a negative code. maxOrderNotional applies to
 * every order; without a mark an opening order is refused while a reduce-only one goes uncapped.
 * A full close is exempt from minNotional (venues accept reduce-only closes below it); minAmount holds.
 */
function allowedSteps(
  wanted: number,
  closesToZero: boolean,
  reduceOnly: boolean,
  market: MarketSpec,
  scale: StepScale,
  caps: Caps,
  mark: number,
): number {
  let allowed = wanted;
  const cap = caps.maxOrderNotional;
  if (cap !== undefined) {
    if (isUsablePrice(mark)) {
      const capSteps = countSteps(cap / mark, scale, 'toward_zero');
      if (capSteps < 1) return ORDER_CAP;
      if (allowed > capSteps) allowed = capSteps;
    } else if (!reduceOnly) {
      return PRICE_MISSING;
    }
  }
  const amount = stepsToAmount(allowed, scale);
  if (amount < market.minAmount * (1 - MINIMUM_SLACK)) return BELOW_MINIMUM;
  if (closesToZero && allowed === wanted) return allowed;
  if (market.minNotional > 0) {
    if (!isUsablePrice(mark)) return PRICE_MISSING;
    if (amount * mark < market.minNotional * (1 - MINIMUM_SLACK)) return BELOW_MINIMUM;
  }
  return allowed;
}

function reasonOf(code: number): DiffReason {
  if (code === PRICE_MISSING) return 'price_missing';
  if (code === ORDER_CAP) return 'order_cap';
  return 'below_minimum';
}

/** The intent of one planned leg. */
export function legIntent(inputs: PlanInputs, scale: StepScale, signedSteps: number, leg: OrderLeg): OrderIntent {
  const { follow, market } = inputs;
  return {
    followerId: follow.followerId,
    whaleId: follow.whaleId,
    venue: market.venue,
    symbol: market.symbol,
    side: signedSteps > 0 ? 'buy' : 'sell',
    amount: stepsToAmount(Math.abs(signedSteps), scale),
    reduceOnly: leg === 0,
    leg,
    whaleSeq: inputs.whaleSeq,
    clientOrderId: clientOrderIdOf(market.venue, inputs.followKey ?? followIdKey(follow.id), inputs.seqText ?? seqText(inputs.whaleSeq), market.symbol, leg),
  };
}
