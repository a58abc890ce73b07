// Multi-step scenarios with a follower whose orders fill at once: fixed-notional k lifecycle,
// equity drift, a follower below the venue minimum, order-cap chunks, wait_next_change.
import { describe, expect, test } from 'bun:test';
import { startSizingMemo } from '../model';
import { BTC, SimulatedFollower, follow, legs } from './test-fixtures';

describe('fixed notional k lifecycle', () => {
  test('k set on open from flat, kept on adds and reduces, reset when flat, set anew on a flip', () => {
    const f = new SimulatedFollower(follow({ sizing: { mode: 'fixed_notional', usd: 600 } }), BTC);

    expect(legs(f.step(2, 60_000))).toEqual([['buy', 0.01, false, 1]]); // 600 / (2 x 60000) = 0.005 per whale contract
    expect(f.memo.fixedK).toBeCloseTo(0.005, 15);
    expect(f.step(2, 30_000).status).toBe('in_sync'); // price halves: still the same k and target
    expect(legs(f.step(4, 30_000))).toEqual([['buy', 0.01, false, 1]]); // add follows k, not a new 600 USD
    expect(legs(f.step(1, 30_000))).toEqual([['sell', 0.015, true, 0]]);
    expect(legs(f.step(0, 30_000))).toEqual([['sell', 0.005, true, 0]]);
    expect(f.memo.fixedK).toBe(0);
    expect(legs(f.step(1, 50_000))).toEqual([['buy', 0.012, false, 1]]); // reopen: k = 600 / 50000
    expect(legs(f.step(-3, 40_000))).toEqual([['sell', 0.012, true, 0], ['sell', 0.015, false, 1]]); // flip: k = 600 / 120000
    expect(f.memo.fixedK).toBeCloseTo(0.005, 15);
    expect(f.actual).toBe(-0.015);
  });
});

describe('equity mode', () => {
  test('equity or price drift emits nothing; a real whale change re-sizes with the equities of that moment', () => {
    const f = new SimulatedFollower(follow({ sizing: { mode: 'equity', k: 1 } }), BTC);
    expect(legs(f.step(2, 60_000, { whale: 100_000, follower: 1000 }))).toEqual([['buy', 0.02, false, 1]]);
    for (const [mark, whaleEq, followerEq] of [[65_000, 80_000, 1500], [40_000, 150_000, 700], [61_000, 99_000, 1001]] as const) {
      const diff = f.step(2, mark, { whale: whaleEq, follower: followerEq });
      expect(diff.status).toBe('in_sync');
      expect(diff.intents).toHaveLength(0);
    }
    // 3 x 1500 / 80000 = 0.05625 -> 0.056 on the grid
    expect(legs(f.step(3, 65_000, { whale: 80_000, follower: 1500 }))).toEqual([['buy', 0.036, false, 1]]);
    expect(f.actual).toBe(0.056);
  });
});

describe('follower too small for the venue minimum', () => {
  test('skipped with a reason and the carried amount every time, never an intent', () => {
    const f = new SimulatedFollower(follow({ sizing: { mode: 'proportional', k: 0.001 } }), BTC);
    for (const whale of [1, 1, 1.2, 1.5, 1.5]) {
      const diff = f.step(whale, 60_000);
      expect(diff.status).toBe('skipped');
      expect(diff.reason).toBe('below_minimum');
      expect(diff.carried).toBe(0.001);
      expect(diff.intents).toHaveLength(0);
    }
    expect(f.actual).toBe(0);
  });

  test('the carried amount is sent once it clears the minimum', () => {
    const f = new SimulatedFollower(follow({ sizing: { mode: 'proportional', k: 0.001 } }), BTC);
    expect(f.step(1, 60_000).carried).toBe(0.001);
    expect(legs(f.step(2, 60_000))).toEqual([['buy', 0.002, false, 1]]); // 120 USDT >= 100
  });
});

describe('order cap', () => {
  test('the rest follows on later diffs until the target is reached, never lost', () => {
    const f = new SimulatedFollower(follow({ caps: { maxOrderNotional: 1200 } }), BTC);
    const sent: number[] = [];
    const ids = new Set<string>();
    for (let i = 0; i < 6; i++) {
      const diff = f.step(1, 60_000);
      for (const intent of diff.intents) {
        sent.push(intent.amount);
        ids.add(intent.clientOrderId);
      }
    }
    expect(sent).toEqual([0.02, 0.02, 0.02, 0.02, 0.02]);
    expect(ids.size).toBe(5);
    expect(f.actual).toBe(0.1);
    expect(f.step(1, 60_000).status).toBe('in_sync');
  });
});

describe('wait_next_change', () => {
  test('ignores the pre-existing position until the whale changes it, then follows normally', () => {
    const f = new SimulatedFollower(follow({ existing: 'wait_next_change' }), BTC, startSizingMemo('wait_next_change', 2));
    expect(f.step(2, 60_000).reason).toBe('waiting_for_whale_change');
    expect(f.step(2, 70_000).reason).toBe('waiting_for_whale_change');
    expect(legs(f.step(2.5, 70_000))).toEqual([['buy', 0.25, false, 1]]);
    expect(legs(f.step(1, 70_000))).toEqual([['sell', 0.15, true, 0]]);
    expect(f.memo.waiting).toBe(false);
  });
});
