// Table tests of the pre-trade gate: states, reduce-only sanity, symbols, notional caps, leverage.
import { describe, expect, test } from 'bun:test';
import { clientOrderId } from '../core';
import type { Caps, Follow, MarketSpec, OrderIntent, OrderSide, SymbolFilter, TradingState } from '../model';
import { signedAmount } from '../model';
import { checkIntent, type DenyReason, type RiskContext } from './check-intent';
import { TradingStates, type TradingScope } from './trading-states';

const BTC: MarketSpec = {
  symbol: 'BTC/USDT:USDT',
  venue: 'binanceusdm',
  venueId: 'BTCUSDT',
  amountStep: 0.001,
  minAmount: 0.001,
  minNotional: 100,
  priceTick: 0.1,
  maxLeverage: 125,
};

function intent(side: OrderSide, amount: number, reduceOnly = false, overrides: Partial<OrderIntent> = {}): OrderIntent {
  const leg = reduceOnly ? 0 : 1;
  return {
    followerId: 'f1',
    whaleId: 'w1',
    venue: 'binanceusdm',
    symbol: BTC.symbol,
    side,
    amount,
    reduceOnly,
    leg,
    whaleSeq: 9,
    clientOrderId: clientOrderId('binanceusdm', 'f1', 9, BTC.symbol, leg),
    ...overrides,
  };
}

interface Setup {
  caps?: Caps;
  symbols?: SymbolFilter;
  followState?: TradingState;
  states?: Array<[TradingScope, string, TradingState]>;
  market?: Partial<MarketSpec>;
  mark?: number;
  equity?: number;
  otherNotional?: number;
  othersTarget?: number;
}

function context(s: Setup): RiskContext {
  const states = new TradingStates();
  for (const [scope, id, state] of s.states ?? []) states.set(scope, id, state);
  const follow: Follow = {
    id: 'follow-1',
    whaleId: 'w1',
    followerId: 'f1',
    sizing: { mode: 'proportional', k: 0.1 },
    caps: s.caps ?? {},
    leverage: { mode: 'copy' },
    symbols: s.symbols ?? {},
    existing: 'copy_now',
    state: s.followState ?? 'active',
  };
  return {
    states,
    follow,
    market: { ...BTC, ...s.market },
    mark: s.mark ?? 60_000,
    followerEquity: s.equity ?? 10_000,
    otherNotional: s.otherNotional ?? 0,
    othersTarget: s.othersTarget ?? 0,
  };
}

const table: Array<[string, OrderIntent, number, Setup, DenyReason | null, string?]> = [
  ['plain open passes', intent('buy', 0.1), 0, {}, null],
  // malformed
  ['zero amount', intent('buy', 0), 0, {}, 'invalid_intent'],
  ['NaN amount', intent('buy', NaN), 0, {}, 'invalid_intent'],
  ['other symbol', intent('buy', 0.1, false, { symbol: 'ETH/USDT:USDT' }), 0, {}, 'invalid_intent'],
  ['other follower', intent('buy', 0.1, false, { followerId: 'f2' }), 0, {}, 'invalid_intent'],
  // trading states
  ['engine halted denies an open', intent('buy', 0.1), 0, { states: [['engine', '', 'halted']] }, 'halted', 'halted by engine'],
  ['engine halted denies even a close', intent('sell', 0.1, true), 0.1, { states: [['engine', '', 'halted']] }, 'halted'],
  ['whale reducing denies an open', intent('buy', 0.1), 0, { states: [['whale', 'w1', 'reducing']] }, 'reducing_only', 'reducing-only by whale w1'],
  ['whale reducing lets a reduce-only close pass', intent('sell', 0.1, true), 0.1, { states: [['whale', 'w1', 'reducing']] }, null],
  ['another whale reducing is irrelevant', intent('buy', 0.1), 0, { states: [['whale', 'w2', 'reducing']] }, null],
  ['follower reducing denies an open', intent('buy', 0.1), 0, { states: [['follower', 'f1', 'reducing']] }, 'reducing_only', 'reducing-only by follower f1'],
  ['follow reducing denies an open', intent('buy', 0.1), 0, { followState: 'reducing' }, 'reducing_only', 'reducing-only by follow follow-1'],
  ['follow halted denies a close', intent('sell', 0.1, true), 0.1, { followState: 'halted' }, 'halted', 'halted by follow follow-1'],
  ['most restrictive wins: whale reducing, follower halted', intent('sell', 0.1, true), 0.1, { states: [['whale', 'w1', 'reducing'], ['follower', 'f1', 'halted']] }, 'halted', 'halted by follower f1'],
  // reduce-only sanity
  ['reduce-only with no position', intent('sell', 0.1, true), 0, {}, 'not_reducing'],
  ['reduce-only on the wrong side', intent('sell', 0.1, true), -0.1, {}, 'not_reducing'],
  ['reduce-only larger than the position', intent('sell', 0.2, true), 0.1, {}, 'not_reducing'],
  ['reduce-only of a short', intent('buy', 0.1, true), -0.1, {}, null],
  ['reduce-only exactly the position despite float noise', intent('sell', 0.3, true), 0.1 + 0.2, {}, null],
  // symbols
  ['open on a denied symbol', intent('buy', 0.1), 0, { symbols: { deny: ['BTCUSDT'] } }, 'symbol_not_allowed'],
  ['open outside the allow list', intent('buy', 0.1), 0, { symbols: { allow: ['ETH/USDT:USDT'] } }, 'symbol_not_allowed'],
  ['close on a denied symbol passes', intent('sell', 0.1, true), 0.1, { symbols: { deny: ['BTC/USDT:USDT'] } }, null],
  // per-order notional
  ['order notional at the cap', intent('buy', 0.02), 0, { caps: { maxOrderNotional: 1200 } }, null],
  ['order notional over the cap', intent('buy', 0.021), 0, { caps: { maxOrderNotional: 1200 } }, 'order_notional_exceeded'],
  ['order cap binds reduce-only orders too', intent('sell', 0.1, true), 0.1, { caps: { maxOrderNotional: 1200 } }, 'order_notional_exceeded'],
  ['order cap without a mark denies an open', intent('buy', 0.01), 0, { caps: { maxOrderNotional: 1200 }, mark: NaN }, 'price_missing'],
  ['order cap without a mark lets a close pass', intent('sell', 0.1, true), 0.1, { caps: { maxOrderNotional: 1200 }, mark: NaN }, null],
  // position notional
  ['position at the cap', intent('buy', 0.01), 0.04, { caps: { maxPositionNotional: 3000 } }, null],
  ['position over the cap', intent('buy', 0.02), 0.04, { caps: { maxPositionNotional: 3000 } }, 'position_notional_exceeded'],
  ['short over the cap', intent('sell', 0.06), 0, { caps: { maxPositionNotional: 3000 } }, 'position_notional_exceeded'],
  ['shrinking an over-cap position passes', intent('sell', 0.01), 0.1, { caps: { maxPositionNotional: 3000 } }, null],
  ['position cap binds the follow\'s share: another follow holds 0.04', intent('buy', 0.05), 0.04, { caps: { maxPositionNotional: 3000 }, othersTarget: 0.04 }, null],
  ['position cap: the share over the cap', intent('buy', 0.06), 0.04, { caps: { maxPositionNotional: 3000 }, othersTarget: 0.04 }, 'position_notional_exceeded'],
  ['position cap: another follow short, this share long over the cap', intent('buy', 0.04), -0.03, { caps: { maxPositionNotional: 3000 }, othersTarget: -0.05 }, 'position_notional_exceeded'],
  ['position cap without a mark', intent('buy', 0.01), 0, { caps: { maxPositionNotional: 3000 }, mark: NaN }, 'price_missing'],
  // leverage
  ['account leverage under the cap', intent('buy', 0.3), 0, { caps: { maxLeverage: 2 } }, null],
  ['account leverage over the cap', intent('buy', 0.4), 0, { caps: { maxLeverage: 2 } }, 'leverage_exceeded', 'account leverage 2.4 > 2'],
  ['other positions count toward account leverage', intent('buy', 0.3), 0, { caps: { maxLeverage: 2 }, otherNotional: 5000 }, 'leverage_exceeded'],
  ['venue max leverage of the symbol', intent('buy', 0.06), 0, { market: { maxLeverage: 3 }, equity: 1000 }, 'leverage_exceeded'],
  ['leverage without equity', intent('buy', 0.01), 0, { caps: { maxLeverage: 2 }, equity: NaN }, 'equity_missing'],
  ['zero equity', intent('buy', 0.01), 0, { equity: 0 }, 'equity_missing'],
  ['reducing exposure needs no equity', intent('sell', 0.01), 0.1, { caps: { maxLeverage: 2 }, equity: NaN }, null],
];

describe('checkIntent table', () => {
  // One object per row: bun passes a `done` callback to parameters a row does not fill.
  const rows = table.map(([name, order, position, setup, reason, detail]) => [name, { order, position, setup, reason, detail }] as const);
  test.each(rows)('%s', (_name, { order, position, setup, reason, detail }) => {
    const denial = checkIntent(order, position, context(setup));
    if (reason === null) {
      expect(denial).toBeNull();
      return;
    }
    expect(denial).not.toBeNull();
    expect(denial?.type).toBe('order_denied');
    expect(denial?.reason).toBe(reason);
    expect(denial?.intent).toBe(order);
    if (detail !== undefined) expect(denial?.detail).toBe(detail);
  });
});

describe('checkIntent on a flip', () => {
  test('leg 1 is checked against the position left by leg 0', () => {
    const ctx = context({ caps: { maxPositionNotional: 9000 } });
    const close = intent('sell', 0.1, true);
    const open = intent('sell', 0.2);
    expect(checkIntent(close, 0.1, ctx)).toBeNull();
    const denial = checkIntent(open, 0.1 + signedAmount(close), ctx);
    expect(denial?.reason).toBe('position_notional_exceeded');
    expect(checkIntent(intent('sell', 0.15), 0.1 + signedAmount(close), ctx)).toBeNull();
  });
});
