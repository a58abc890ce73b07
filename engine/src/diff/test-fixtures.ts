// Test fixtures for the diff tables: markets, follows and a tiny simulated follower book.
// Test support only; never imported by engine code.
import { roundToStep } from '../core';
import type { Follow, FollowerBookEntry, MarketSpec, SizingMemo } from '../model';
import { FRESH_SIZING_MEMO, signedAmount } from '../model';
import { diffFollower, type FollowerDiffInput } from './diff-follower';
import type { FollowerDiff } from './result';

export const BTC: MarketSpec = {
  symbol: 'BTC/USDT:USDT',
  venue: 'binanceusdm',
  venueId: 'BTCUSDT',
  amountStep: 0.001,
  minAmount: 0.001,
  minNotional: 100,
  priceTick: 0.1,
  maxLeverage: 125,
};

export const SOL: MarketSpec = {
  symbol: 'SOL/USDC:USDC',
  venue: 'hyperliquid',
  venueId: 'SOL',
  amountStep: 1,
  minAmount: 1,
  minNotional: 10,
  priceTick: 0.01,
  maxLeverage: 20,
};

export function follow(overrides: Partial<Follow> = {}): Follow {
  return {
    id: 'follow-1',
    whaleId: 'whale-1',
    followerId: 'follower-1',
    sizing: { mode: 'proportional', k: 0.1 },
    caps: {},
    leverage: { mode: 'copy' },
    symbols: {},
    existing: 'copy_now',
    state: 'active',
    ...overrides,
  };
}

export interface Case {
  follow?: Partial<Follow>;
  market?: MarketSpec;
  whale: number;
  mark?: number;
  whaleEquity?: number;
  followerEquity?: number;
  actual?: number;
  inFlight?: number;
  memo?: SizingMemo;
  seq?: number;
  /** What the follower's other follows aim at in the market (it copies several whales). */
  others?: number;
}

export function input(c: Case): FollowerDiffInput {
  const book: FollowerBookEntry = { actual: c.actual ?? 0, inFlight: c.inFlight ?? 0 };
  return {
    follow: follow(c.follow),
    market: c.market ?? BTC,
    whaleSeq: c.seq ?? 1,
    whaleContracts: c.whale,
    whaleEquity: c.whaleEquity ?? NaN,
    followerEquity: c.followerEquity ?? NaN,
    mark: c.mark ?? 60_000,
    book,
    memo: c.memo ?? FRESH_SIZING_MEMO,
    othersTarget: c.others ?? 0,
  };
}

/** A sized memo as diffFollower would have left it after sizing `target` for `whale` contracts. */
export function sizedMemo(whale: number, target: number, fixedK = 0): SizingMemo {
  return { sized: true, whaleContracts: whale, target, fixedK, waiting: false };
}

/** Intents reduced to what the tables compare. */
export function legs(diff: FollowerDiff): Array<[side: string, amount: number, reduceOnly: boolean, leg: number]> {
  return diff.intents.map((i) => [i.side, i.amount, i.reduceOnly, i.leg]);
}

/** A follower whose orders fill at once: runs diffs in sequence, keeping memo and position. */
export class SimulatedFollower {
  memo: SizingMemo;
  actual = 0;
  private seq = 0;

  constructor(
    readonly follow: Follow,
    readonly market: MarketSpec,
    memo: SizingMemo = FRESH_SIZING_MEMO,
  ) {
    this.memo = memo;
  }

  step(whale: number, mark: number, equities: { whale?: number; follower?: number } = {}): FollowerDiff {
    const diff = diffFollower({
      follow: this.follow,
      market: this.market,
      whaleSeq: ++this.seq,
      whaleContracts: whale,
      whaleEquity: equities.whale ?? NaN,
      followerEquity: equities.follower ?? NaN,
      mark,
      book: { actual: this.actual, inFlight: 0 },
      memo: this.memo,
    });
    if (diff.nextMemo !== null) this.memo = diff.nextMemo;
    for (const intent of diff.intents) this.actual = roundToStep(this.actual + signedAmount(intent), this.market.amountStep, 'nearest');
    return diff;
  }
}
