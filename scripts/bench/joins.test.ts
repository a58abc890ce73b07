// Joins of whale orders against published changes, slope and ramp knee, and the clock offset estimate.
import { describe, expect, test } from 'bun:test';
import { coverLatencies, perFollowerSlopeMs, pushToRx, sustainedRate } from './joins';
import { clockOffset } from './timed-sim-client';

const order = (i: number) => ({ intendedMs: 100 * i, placedMs: 100 * i + 1, contracts: Number((0.1 * (i + 1)).toFixed(3)) });

describe('coverLatencies', () => {
  test('each order is timed to the first acked change that includes it, coalesced frames included', () => {
    const orders = [order(0), order(1), order(2), order(3)];
    const changes = [
      { frameRxMs: 5, xaddAckMs: 10, contracts: 0.1 },
      { frameRxMs: 250, xaddAckMs: 260, contracts: 0.3 }, // orders 1 and 2 arrived in one frame
      { frameRxMs: 305, xaddAckMs: 330, contracts: 0.4 },
    ];
    expect(coverLatencies(orders, changes)).toEqual({ samples: [10, 160, 60, 30], missing: 0 });
  });

  test('acks out of order do not make an order look earlier; uncovered orders are counted missing', () => {
    const orders = [order(0), order(1), order(2)];
    const changes = [
      { frameRxMs: 150, xaddAckMs: 190, contracts: 0.2 },
      { frameRxMs: 5, xaddAckMs: 20, contracts: 0.1 },
    ];
    expect(coverLatencies(orders, changes)).toEqual({ samples: [20, 90], missing: 1 });
    expect(coverLatencies(orders, [])).toEqual({ samples: [], missing: 3 });
  });

  test('float contracts from repeated addition still match', () => {
    const orders = [{ intendedMs: 0, placedMs: 0, contracts: 0.30000000000000004 }];
    expect(coverLatencies(orders, [{ frameRxMs: 1, xaddAckMs: 2, contracts: 0.3 }]).samples).toEqual([2]);
  });
});

test('pushToRx pairs a change with the placement of the last order it carries', () => {
  const orders = [order(0), order(1)];
  expect(pushToRx(orders, [{ frameRxMs: 103.5, xaddAckMs: 104, contracts: 0.2 }, { frameRxMs: 9, xaddAckMs: 10, contracts: 9 }])).toEqual([2.5]);
});

test('perFollowerSlopeMs is the extra time per extra follower', () => {
  expect(perFollowerSlopeMs({ followers: 1000, ms: 9 }, { followers: 10_000, ms: 72 })).toBeCloseTo(0.007, 9);
  expect(() => perFollowerSlopeMs({ followers: 5, ms: 1 }, { followers: 5, ms: 2 })).toThrow();
});

describe('sustainedRate', () => {
  test.each([
    { steps: [{ rate: 50, p99: 4 }, { rate: 100, p99: 5 }, { rate: 200, p99: 8 }, { rate: 400, p99: 8.5 }], rate: 200 },
    { steps: [{ rate: 400, p99: 30 }, { rate: 50, p99: 4 }, { rate: 100, p99: 7 }], rate: 100 },
    { steps: [{ rate: 50, p99: 4 }, { rate: 100, p99: 9 }, { rate: 200, p99: 5 }], rate: 50 },
    { steps: [{ rate: 50, p99: 4 }, { rate: 100, p99: NaN }], rate: 50 },
    { steps: [], rate: undefined },
  ])('$steps -> $rate', ({ steps, rate }) => {
    expect(sustainedRate(steps).rate).toBe(rate);
  });

  test('an explicit baseline replaces the lowest rate\'s p99', () => {
    const steps = [{ rate: 50, p99: 9 }, { rate: 100, p99: 4 }, { rate: 200, p99: 7 }, { rate: 400, p99: 9 }];
    expect(sustainedRate(steps, 2, 4)).toEqual({ rate: undefined, baselineP99: 4 });
    expect(sustainedRate(steps.slice(1), 2, 4)).toEqual({ rate: 200, baselineP99: 4 });
  });
});

test('clockOffset uses the sample with the shortest round trip', () => {
  const { offsetMs, errorMs } = clockOffset([
    { t0: 0, remote: 110, t1: 10 },
    { t0: 20, remote: 121, t1: 22 },
    { t0: 30, remote: 200, t1: 60 },
  ]);
  expect(offsetMs).toBe(100);
  expect(errorMs).toBe(1);
  expect(() => clockOffset([])).toThrow();
});
