// The pre-trade gate run on every intent before it is emitted: trading state, reduce-only sanity,
// symbol filter, order/position notional caps, leverage. A refusal is an OrderDenied event, never a throw.
import { isSymbolAllowed, type Follow, type MarketSpec, type OrderIntent, type TradingState } from '../model';
import { mostRestrictive, type TradingStates } from './trading-states';

export type DenyReason =
  /** Malformed intent: amount not positive/finite, or it names another market or follow. */
  | 'invalid_intent'
  /** The engine, the whale, the follower or the follow is halted. */
  | 'halted'
  /** A state is 'reducing' and the intent is not reduce-only. */
  | 'reducing_only'
  /** A reduce-only intent that would not reduce the position (wrong side, or larger than it). */
  | 'not_reducing'
  /** An opening intent on a symbol the follow's allow/deny lists exclude. */
  | 'symbol_not_allowed'
  /** A check needs the mark price and it is missing. */
  | 'price_missing'
  /** The leverage check needs the follower's equity and it is missing or not positive. */
  | 'equity_missing'
  | 'order_notional_exceeded'
  | 'position_notional_exceeded'
  | 'leverage_exceeded';

export interface OrderDenied {
  readonly type: 'order_denied';
  readonly reason: DenyReason;
  readonly intent: OrderIntent;
  readonly detail: string;
}

/** What the gate reads besides the intent. One context may serve all legs of a diff. */
export interface RiskContext {
  readonly states: TradingStates;
  readonly follow: Follow;
  readonly market: MarketSpec;
  /** Mark price of the intent's symbol; NaN when unknown. */
  readonly mark: number;
  /** Follower equity in quote currency; NaN when unknown. */
  readonly followerEquity: number;
  /** Gross notional of the follower's positions in all other symbols, at their marks. */
  readonly otherNotional: number;
  /**
   * Signed contracts of this symbol that the follower's other follows aim at (it copies several whales;
   * 0 or absent otherwise): the follow's position cap binds its own share, position minus this.
   */
  readonly othersTarget?: number;
}

/** Relative slack for limit comparisons, so float noise at exactly the limit never denies. */
const LIMIT_SLACK = 1e-9;

/**
 * null when the intent may be sent, else the denial. `position` is the follower's signed contracts
 * in the symbol including orders in flight, before this intent: for a flip, check leg 0 with the
 * position, then leg 1 with position + signedAmount(leg 0), and never send leg 1 if leg 0 is denied.
 * maxOrderNotional binds every order (a reduce-only one goes uncapped only when the mark is missing);
 * leverage limits bind only orders that grow |position|, the position cap only orders that grow the
 * follow's share of it (all of it unless other follows of the follower hold the symbol: ctx.othersTarget).
 */
export function checkIntent(intent: OrderIntent, position: number, ctx: RiskContext): OrderDenied | null {
  const { follow, market, mark } = ctx;
  const malformed = !(intent.amount > 0 && intent.amount < Infinity) || intent.symbol !== market.symbol
    || intent.venue !== market.venue || intent.followerId !== follow.followerId || intent.whaleId !== follow.whaleId;
  if (malformed) {
    return denied('invalid_intent', intent, `amount ${intent.amount} ${intent.symbol}@${intent.venue} for follow ${follow.id} on ${market.symbol}@${market.venue}`);
  }

  const state = effectiveState(ctx, intent);
  if (state === 'halted') return denied('halted', intent, `halted by ${restrictingScope(ctx, intent, 'halted')}`);
  if (state === 'reducing' && !intent.reduceOnly) {
    return denied('reducing_only', intent, `reducing-only by ${restrictingScope(ctx, intent, 'reducing')}`);
  }

  const signed = intent.side === 'buy' ? intent.amount : -intent.amount;
  if (intent.reduceOnly) {
    const slack = market.amountStep * 1e-6;
    const reduces = signed < 0 ? position > 0 && intent.amount <= position + slack : position < 0 && intent.amount <= -position + slack;
    if (!reduces) return denied('not_reducing', intent, `reduce-only ${intent.side} ${intent.amount} against position ${position}`);
  } else if (!isSymbolAllowed(follow.symbols, market.symbol, market.venueId)) {
    return denied('symbol_not_allowed', intent, `${market.symbol} is excluded by follow ${follow.id}`);
  }

  const markKnown = mark > 0 && mark < Infinity;
  const orderCap = follow.caps.maxOrderNotional;
  if (orderCap !== undefined) {
    if (markKnown) {
      const notional = intent.amount * mark;
      if (notional > orderCap * (1 + LIMIT_SLACK)) return denied('order_notional_exceeded', intent, `order notional ${notional} > ${orderCap}`);
    } else if (!intent.reduceOnly) {
      return denied('price_missing', intent, 'maxOrderNotional needs a mark price');
    }
  }

  const after = Math.abs(position + signed);
  // With other follows in the symbol (the follower copies several whales) the cap binds this follow's share.
  const others = ctx.othersTarget ?? 0;
  const share = Math.abs(position + signed - others);
  const grows = after > Math.abs(position);
  const shareGrows = others === 0 ? grows : share > Math.abs(position - others);
  if (!grows && !shareGrows) return null;
  return checkExposure(intent, grows, shareGrows ? share : 0, after, ctx, markKnown);
}

/** Position cap on the follow's share (when it grows), leverage on the account (when the position grows). */
function checkExposure(intent: OrderIntent, grows: boolean, share: number, after: number, ctx: RiskContext, markKnown: boolean): OrderDenied | null {
  const { follow, market, mark } = ctx;
  const positionCap = follow.caps.maxPositionNotional;
  const accountLeverage = grows ? follow.caps.maxLeverage : undefined;
  const symbolLeverage = grows && market.maxLeverage > 0 ? market.maxLeverage : undefined;
  if (positionCap === undefined && accountLeverage === undefined && symbolLeverage === undefined) return null;
  if (!markKnown) return denied('price_missing', intent, 'position and leverage limits need a mark price');

  const notional = after * mark;
  if (positionCap !== undefined && share * mark > positionCap * (1 + LIMIT_SLACK)) {
    const whose = (ctx.othersTarget ?? 0) === 0 ? '' : ` (this follow's share; other follows hold ${ctx.othersTarget})`;
    return denied('position_notional_exceeded', intent, `position notional ${share * mark} > ${positionCap}${whose}`);
  }
  if (accountLeverage === undefined && symbolLeverage === undefined) return null;
  const equity = ctx.followerEquity;
  if (!(equity > 0 && equity < Infinity)) return denied('equity_missing', intent, `follower equity ${equity}`);
  if (symbolLeverage !== undefined && notional / equity > symbolLeverage * (1 + LIMIT_SLACK)) {
    return denied('leverage_exceeded', intent, `${market.symbol} leverage ${notional / equity} > venue max ${symbolLeverage}`);
  }
  const gross = ctx.otherNotional + notional;
  if (accountLeverage !== undefined && gross / equity > accountLeverage * (1 + LIMIT_SLACK)) {
    return denied('leverage_exceeded', intent, `account leverage ${gross / equity} > ${accountLeverage}`);
  }
  return null;
}

/** Most restrictive of engine, whale, follower and the follow's own state. */
function effectiveState(ctx: RiskContext, intent: OrderIntent): TradingState {
  return mostRestrictive(ctx.states.effective(intent.whaleId, intent.followerId), ctx.follow.state);
}

/** Which scope imposes `state` (engine first), for the denial detail; only called on a denial. */
function restrictingScope(ctx: RiskContext, intent: OrderIntent, state: TradingState): string {
  const { states, follow } = ctx;
  if (states.get('engine', '') === state) return 'engine';
  if (states.get('whale', intent.whaleId) === state) return `whale ${intent.whaleId}`;
  if (states.get('follower', intent.followerId) === state) return `follower ${intent.followerId}`;
  if (follow.state === state) return `follow ${follow.id}`;
  return 'unknown scope';
}

function denied(reason: DenyReason, intent: OrderIntent, detail: string): OrderDenied {
  return { type: 'order_denied', reason, intent, detail };
}
