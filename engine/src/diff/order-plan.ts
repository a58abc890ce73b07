// Turns a target into order legs: target - (actual + in flight) on the step grid, venue minimums,
// the per-order cap, reduce-only closes, flips as close-then-open. Pure; builds only the intents.
import { clientOrderIdOf, countSteps, followIdKey, seqText, stepScale, stepsToAmount, type StepScale } from '../core';
import type { IdKey } from '../core';
import type { Caps, Follow, FollowerBookEntry, MarketSpec, OrderIntent, OrderLeg, SizingMemo } from '../model';
import { inSync, skipped, type DiffReason, type FollowerDiff } from './result';
import { isUsablePrice } from './sizing';

/** What planning reads; FollowerDiffInput satisfies it. */
export interface PlanInputs {
  readonly follow: Follow;
  readonly market: MarketSpec;
  readonly whaleSeq: number;
  readonly mark: number;
  readonly book: FollowerBookEntry;
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
 * Rounding rule: the follower aims at `goal` = target rounded toward zero to the step, so its
 * position never exceeds |target|; its position (actual + in flight) is taken to the nearest step.
 * A close to 0 therefore always sends the full position, whatever float noise it carries.
 */
export function planOrders(inputs: PlanInputs, target: number, nextMemo: SizingMemo | null): FollowerDiff {
  const { market, book } = inputs;
  const scale = stepScale(market.amountStep);
  const posSteps = countSteps(book.actual + book.inFlight, scale, 'nearest');
  const goalSteps = countSteps(target, scale, 'toward_zero');
  if (posSteps === goalSteps) return inSync(nextMemo);

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

  const carried = stepsToAmount(goalSteps - posSteps - sentClose - sentOpen, scale);
  if (sentClose === 0 && sentOpen === 0) return skipped(reason ?? 'below_minimum', carried, nextMemo);
  const intents: OrderIntent[] =
    sentClose !== 0 && sentOpen !== 0
      ? [intentFor(inputs, scale, sentClose, 0), intentFor(inputs, scale, sentOpen, 1)]
      : [sentClose !== 0 ? intentFor(inputs, scale, sentClose, 0) : intentFor(inputs, scale, sentOpen, 1)];
  return { status: 'orders', reason, intents, carried, nextMemo };
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

function intentFor(inputs: PlanInputs, scale: StepScale, signedSteps: number, leg: OrderLeg): OrderIntent {
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
