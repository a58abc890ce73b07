// Table tests of diffFollower: open, add, reduce, close, flips, rounding, minimums, in flight,
// drift, caps, sizing modes, allow/deny and existing-position policies.
import { describe, expect, test } from 'bun:test';
import { clientOrderId } from '../core';
import { FRESH_SIZING_MEMO, startSizingMemo, type MarketSpec } from '../model';
import { diffFollower } from './diff-follower';
import { IN_SYNC, type DiffReason, SKIPPED_EQUITY_MISSING, SKIPPED_PRICE_MISSING, SKIPPED_SYMBOL_EXCLUDED, SKIPPED_WAITING } from './result';
import { BTC, SOL, input, legs, sizedMemo, type Case } from './test-fixtures';

type Leg = [side: 'buy' | 'sell', amount: number, reduceOnly: boolean, leg: 0 | 1];
interface Expect {
  status: 'in_sync' | 'orders' | 'skipped';
  reason?: DiffReason | null;
  legs?: Leg[];
  carried?: number;
  /** Target in the memo after the diff; undefined = memo unchanged (nextMemo null). */
  target?: number;
}

const BTC_MIN_QTY: MarketSpec = { ...BTC, minAmount: 0.01 };
const HL_BTC: MarketSpec = { ...BTC, symbol: 'BTC/USDC:USDC', venue: 'hyperliquid', venueId: 'BTC', amountStep: 0.00001, minAmount: 0.00001, minNotional: 10 };
const m = sizedMemo;

const table: Array<[string, Case, Expect]> = [
  // open / add / reduce / close
  ['open from flat', { whale: 1 }, { status: 'orders', legs: [['buy', 0.1, false, 1]], target: 0.1 }],
  ['add', { whale: 1.5, memo: m(1, 0.1), actual: 0.1 }, { status: 'orders', legs: [['buy', 0.05, false, 1]], target: 0.15 }],
  ['reduce is reduce-only leg 0', { whale: 0.5, memo: m(1.5, 0.15), actual: 0.15 }, { status: 'orders', legs: [['sell', 0.1, true, 0]], target: 0.05 }],
  ['close', { whale: 0, memo: m(0.5, 0.05), actual: 0.05 }, { status: 'orders', legs: [['sell', 0.05, true, 0]], target: 0 }],
  ['close below min notional is still sent', { whale: 0, memo: m(0.01, 0.001), actual: 0.001 }, { status: 'orders', legs: [['sell', 0.001, true, 0]], target: 0 }],
  ['close of a short', { whale: 0, memo: m(-0.2, -0.02), actual: -0.02 }, { status: 'orders', legs: [['buy', 0.02, true, 0]], target: 0 }],
  ['close uses the full position despite float noise', { whale: 0, memo: m(3, 0.3), actual: 0.1 + 0.2 }, { status: 'orders', legs: [['sell', 0.3, true, 0]], target: 0 }],
  // flips
  ['flip long->short: close then open', { whale: -2, memo: m(1, 0.1), actual: 0.1 }, { status: 'orders', legs: [['sell', 0.1, true, 0], ['sell', 0.2, false, 1]], target: -0.2 }],
  ['flip short->long: close then open', { whale: 3, memo: m(-1, -0.1), actual: -0.1 }, { status: 'orders', legs: [['buy', 0.1, true, 0], ['buy', 0.3, false, 1]], target: 0.3 }],
  ['flip whose open leg is below minimum: close only, open carried', { whale: -0.01, memo: m(1, 0.1), actual: 0.1 }, { status: 'orders', reason: 'below_minimum', legs: [['sell', 0.1, true, 0]], carried: -0.001, target: -0.001 }],
  // step rounding
  ['step 0.001: target rounds toward zero', { whale: 1, follow: { sizing: { mode: 'proportional', k: 0.1234567 } } }, { status: 'orders', legs: [['buy', 0.123, false, 1]], carried: 0 }],
  ['step 0.001: toward zero for shorts too', { whale: -1, follow: { sizing: { mode: 'proportional', k: 0.1234567 } } }, { status: 'orders', legs: [['sell', 0.123, false, 1]] }],
  ['step 0.001: 3 x 0.1 is exactly 0.3', { whale: 3 }, { status: 'orders', legs: [['buy', 0.3, false, 1]] }],
  ['step 1 (SOL): 3.5 -> 3', { market: SOL, mark: 150, whale: 7, follow: { sizing: { mode: 'proportional', k: 0.5 } } }, { status: 'orders', legs: [['buy', 3, false, 1]], carried: 0 }],
  ['step 1 (SOL): short -3.5 -> -3', { market: SOL, mark: 150, whale: -7, follow: { sizing: { mode: 'proportional', k: 0.5 } } }, { status: 'orders', legs: [['sell', 3, false, 1]] }],
  ['step 1 (SOL): reduce never leaves more than the target', { market: SOL, mark: 150, whale: 3, memo: m(7, 3.5), actual: 3, follow: { sizing: { mode: 'proportional', k: 0.5 } } }, { status: 'orders', legs: [['sell', 2, true, 0]], target: 1.5 }],
  ['step 1 (SOL): sub-step dust is in sync', { market: SOL, mark: 150, whale: 7, memo: m(7, 3.5), actual: 3, follow: { sizing: { mode: 'proportional', k: 0.5 } } }, { status: 'in_sync', carried: 0 }],
  ['step 1e-5 (hyperliquid)', { market: HL_BTC, whale: 1.234, follow: { sizing: { mode: 'proportional', k: 0.0123 } } }, { status: 'orders', legs: [['buy', 0.01517, false, 1]] }],
  // minimums
  ['min notional: skipped, amount carried', { whale: 1, follow: { sizing: { mode: 'proportional', k: 0.001 } } }, { status: 'skipped', reason: 'below_minimum', legs: [], carried: 0.001, target: 0.001 }],
  ['min amount: skipped, amount carried', { market: BTC_MIN_QTY, whale: 1, follow: { sizing: { mode: 'proportional', k: 0.005 } } }, { status: 'skipped', reason: 'below_minimum', carried: 0.005 }],
  ['add below minimum is carried', { whale: 1.01, memo: m(1, 0.1), actual: 0.1 }, { status: 'skipped', reason: 'below_minimum', carried: 0.001, target: 0.101 }],
  ['partial reduce below minimum is carried', { whale: 0.99, memo: m(1, 0.1), actual: 0.1 }, { status: 'skipped', reason: 'below_minimum', carried: -0.001, target: 0.099 }],
  // in flight
  ['in-flight order suppresses the duplicate', { whale: 1, memo: m(1, 0.1), inFlight: 0.1 }, { status: 'in_sync' }],
  ['partly filled, rest in flight', { whale: 1, memo: m(1, 0.1), actual: 0.04, inFlight: 0.06 }, { status: 'in_sync' }],
  ['whale adds while in flight: only the difference', { whale: 2, memo: m(1, 0.1), inFlight: 0.1 }, { status: 'orders', legs: [['buy', 0.1, false, 1]], target: 0.2 }],
  ['close already in flight', { whale: 0, memo: m(0, 0), actual: 0.1, inFlight: -0.1 }, { status: 'in_sync' }],
  ['heals a manual close on the venue', { whale: 1, memo: m(1, 0.1), actual: 0 }, { status: 'orders', legs: [['buy', 0.1, false, 1]] }],
  // another whale's share in the same market (the follower copies two): the account goes to the sum
  ['other follow holds 0.2: open on top of it', { whale: 1, actual: 0.2, others: 0.2 }, { status: 'orders', legs: [['buy', 0.1, false, 1]], target: 0.1 }],
  ['other follow holds 0.2: this close leaves it standing', { whale: 0, memo: m(1, 0.1), actual: 0.3, others: 0.2 }, { status: 'orders', legs: [['sell', 0.1, true, 0]], target: 0 }],
  ['other follow short -0.3: this long nets to a smaller short (no flip)', { whale: 1, actual: -0.3, others: -0.3 }, { status: 'orders', legs: [['buy', 0.1, true, 0]], target: 0.1 }],
  ['other follow short -0.05: the account flips, close then open', { whale: 1, actual: -0.05, others: -0.05 }, { status: 'orders', legs: [['buy', 0.05, true, 0], ['buy', 0.05, false, 1]], target: 0.1 }],
  ['other follow holds 0.2, this one in sync', { whale: 1, memo: m(1, 0.1), actual: 0.3, others: 0.2 }, { status: 'in_sync' }],
  // drift never churns
  ['price drift alone (proportional)', { whale: 1, memo: m(1, 0.1), actual: 0.1, mark: 90_000 }, { status: 'in_sync' }],
  ['price drift alone with a position cap', { whale: 1, memo: m(1, 0.05), actual: 0.05, mark: 30_000, follow: { caps: { maxPositionNotional: 3000 } } }, { status: 'in_sync' }],
  ['equity drift alone (equity mode)', { whale: 2, memo: m(2, 0.02), actual: 0.02, whaleEquity: 100_000, followerEquity: 5000, follow: { sizing: { mode: 'equity', k: 1 } } }, { status: 'in_sync' }],
  ['price drift alone (fixed notional)', { whale: 2, memo: m(2, 0.01, 0.005), actual: 0.01, mark: 30_000, follow: { sizing: { mode: 'fixed_notional', usd: 600 } } }, { status: 'in_sync' }],
  // caps
  ['position cap clamps the target', { whale: 1, follow: { caps: { maxPositionNotional: 3000 } } }, { status: 'orders', legs: [['buy', 0.05, false, 1]], target: 0.05 }],
  ['position cap clamps shorts', { whale: -1, follow: { caps: { maxPositionNotional: 3000 } } }, { status: 'orders', legs: [['sell', 0.05, false, 1]], target: -0.05 }],
  ['order cap clamps one order, rest carried', { whale: 1, follow: { caps: { maxOrderNotional: 1200 } } }, { status: 'orders', reason: 'order_cap', legs: [['buy', 0.02, false, 1]], carried: 0.08 }],
  ['order cap below one step', { whale: 1, follow: { caps: { maxOrderNotional: 50 } } }, { status: 'skipped', reason: 'order_cap', carried: 0.1 }],
  ['order cap on a flip: clamped close, no open', { whale: -1, memo: m(1, 0.1), actual: 0.1, follow: { caps: { maxOrderNotional: 1200 } } }, { status: 'orders', reason: 'order_cap', legs: [['sell', 0.02, true, 0]], carried: -0.18, target: -0.1 }],
  ['order cap: a close without a mark goes uncapped', { whale: 0, memo: m(1, 0.1), actual: 0.1, mark: NaN, follow: { caps: { maxOrderNotional: 1200 } } }, { status: 'orders', legs: [['sell', 0.1, true, 0]], target: 0 }],
  // missing inputs
  ['open without a mark when min notional needs it', { whale: 1, mark: NaN }, { status: 'skipped', reason: 'price_missing', carried: 0.1, target: 0.1 }],
  ['close without a mark', { whale: 0, memo: m(1, 0.1), actual: 0.1, mark: NaN }, { status: 'orders', legs: [['sell', 0.1, true, 0]], target: 0 }],
  ['fixed notional open without a mark', { whale: 1, mark: NaN, follow: { sizing: { mode: 'fixed_notional', usd: 600 } } }, { status: 'skipped', reason: 'price_missing', carried: 0 }],
  ['equity sizing without whale equity', { whale: 1, followerEquity: 1000, follow: { sizing: { mode: 'equity', k: 1 } } }, { status: 'skipped', reason: 'equity_missing' }],
  ['equity sizing with zero whale equity', { whale: 1, whaleEquity: 0, followerEquity: 1000, follow: { sizing: { mode: 'equity', k: 1 } } }, { status: 'skipped', reason: 'equity_missing' }],
  ['equity sizing: a close needs no equity', { whale: 0, memo: m(2, 0.02), actual: 0.02, follow: { sizing: { mode: 'equity', k: 1 } } }, { status: 'orders', legs: [['sell', 0.02, true, 0]], target: 0 }],
  // equity mode
  ['equity mode', { whale: 2, whaleEquity: 100_000, followerEquity: 1000, follow: { sizing: { mode: 'equity', k: 1 } } }, { status: 'orders', legs: [['buy', 0.02, false, 1]], target: 0.02 }],
  ['equity mode with k = 2', { whale: 2, whaleEquity: 100_000, followerEquity: 1000, follow: { sizing: { mode: 'equity', k: 2 } } }, { status: 'orders', legs: [['buy', 0.04, false, 1]], target: 0.04 }],
  // fixed notional
  ['fixed notional open: k = usd / (whale x mark)', { whale: 2, follow: { sizing: { mode: 'fixed_notional', usd: 600 } } }, { status: 'orders', legs: [['buy', 0.01, false, 1]], target: 0.01 }],
  // allow / deny
  ['denied symbol: no orders, not force-closed', { whale: 0, memo: m(1, 0.1), actual: 0.1, follow: { symbols: { deny: ['BTCUSDT'] } } }, { status: 'skipped', reason: 'symbol_excluded' }],
  ['symbol outside the allow list', { whale: 1, follow: { symbols: { allow: ['ETH/USDT:USDT'] } } }, { status: 'skipped', reason: 'symbol_excluded' }],
  ['allowed by venue id', { whale: 1, follow: { symbols: { allow: ['BTCUSDT'] } } }, { status: 'orders', legs: [['buy', 0.1, false, 1]] }],
  // existing whale positions
  ['wait_next_change: unchanged whale is ignored', { whale: 2, memo: startSizingMemo('wait_next_change', 2) }, { status: 'skipped', reason: 'waiting_for_whale_change' }],
  ['wait_next_change: ignores even a follower position', { whale: 2, actual: 0.5, memo: startSizingMemo('wait_next_change', 2) }, { status: 'skipped', reason: 'waiting_for_whale_change' }],
  ['wait_next_change: a whale change sizes normally', { whale: 2.5, memo: startSizingMemo('wait_next_change', 2) }, { status: 'orders', legs: [['buy', 0.25, false, 1]], target: 0.25 }],
  ['wait_next_change: whale closes while waiting', { whale: 0, memo: startSizingMemo('wait_next_change', 2) }, { status: 'in_sync', target: 0 }],
  ['copy_now: the existing position is copied at once', { whale: 2, memo: startSizingMemo('copy_now', 2) }, { status: 'orders', legs: [['buy', 0.2, false, 1]], target: 0.2 }],
];

describe('diffFollower table', () => {
  test.each(table)('%s', (_name, c, want) => {
    const diff = diffFollower(input(c));
    expect(diff.status).toBe(want.status);
    if (want.reason !== undefined) expect(diff.reason).toBe(want.reason);
    if (want.status !== 'skipped' && want.reason === undefined) expect(diff.reason).toBeNull();
    if (want.status === 'skipped') expect(diff.reason).not.toBeNull();
    expect(legs(diff)).toEqual(want.legs ?? []);
    if (want.carried !== undefined) expect(diff.carried).toBe(want.carried);
    if (want.target === undefined) {
      if (c.memo?.sized === true || c.memo?.waiting === true) expect(diff.nextMemo).toBeNull();
    } else {
      expect(diff.nextMemo?.target).toBeCloseTo(want.target, 12);
    }
    for (const intent of diff.intents) {
      expect(intent.reduceOnly).toBe(intent.leg === 0);
      expect(intent.amount).toBeGreaterThan(0);
    }
  });
});

describe('diffFollower intents', () => {
  test('carry follower, whale, venue, sequence and deterministic client order ids', () => {
    const diff = diffFollower(input({ whale: -2, memo: sizedMemo(1, 0.1), actual: 0.1, seq: 77 }));
    expect(diff.intents).toEqual([
      { followerId: 'follower-1', whaleId: 'whale-1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'sell', amount: 0.1, reduceOnly: true, leg: 0, whaleSeq: 77, clientOrderId: clientOrderId('binanceusdm', 'follow-1', 77, 'BTC/USDT:USDT', 0) },
      { followerId: 'follower-1', whaleId: 'whale-1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'sell', amount: 0.2, reduceOnly: false, leg: 1, whaleSeq: 77, clientOrderId: clientOrderId('binanceusdm', 'follow-1', 77, 'BTC/USDT:USDT', 1) },
    ]);
    expect(diffFollower(input({ whale: -2, memo: sizedMemo(1, 0.1), actual: 0.1, seq: 77 })).intents).toEqual(diff.intents);
  });

  test('no-op results are shared constants (no allocation per follower)', () => {
    expect(diffFollower(input({ whale: 1, memo: sizedMemo(1, 0.1), actual: 0.1 }))).toBe(IN_SYNC);
    expect(diffFollower(input({ whale: 1, follow: { symbols: { deny: ['BTC/USDT:USDT'] } } }))).toBe(SKIPPED_SYMBOL_EXCLUDED);
    expect(diffFollower(input({ whale: 2, memo: startSizingMemo('wait_next_change', 2) }))).toBe(SKIPPED_WAITING);
    expect(diffFollower(input({ whale: 1, mark: NaN, follow: { sizing: { mode: 'fixed_notional', usd: 600 } } }))).toBe(SKIPPED_PRICE_MISSING);
    expect(diffFollower(input({ whale: 1, follow: { sizing: { mode: 'equity', k: 1 } } }))).toBe(SKIPPED_EQUITY_MISSING);
  });

  test('a failed sizing keeps the memo so the same whale change is sized on the next diff', () => {
    const c: Case = { whale: 2, followerEquity: 1000, follow: { sizing: { mode: 'equity', k: 1 } }, memo: FRESH_SIZING_MEMO };
    expect(diffFollower(input(c)).nextMemo).toBeNull();
    const retried = diffFollower(input({ ...c, whaleEquity: 100_000 }));
    expect(legs(retried)).toEqual([['buy', 0.02, false, 1]]);
  });
});
