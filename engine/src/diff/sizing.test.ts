// Table tests of sizing: targets per mode, fixed-notional k, the position cap, sizeMemo failures.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError } from '../core';
import { FRESH_SIZING_MEMO, type Caps, type Sizing } from '../model';
import { capPositionTarget, fixedNotionalK, nextFixedK, sizeMemo, targetContracts } from './sizing';

describe('targetContracts', () => {
  test.each([
    ['proportional long', { mode: 'proportional', k: 0.1 }, 2, 0, NaN, NaN, 0.2],
    ['proportional short', { mode: 'proportional', k: 0.1 }, -2, 0, NaN, NaN, -0.2],
    ['flat whale is 0 whatever the mode', { mode: 'equity', k: 1 }, 0, 0, NaN, NaN, 0],
    ['equity', { mode: 'equity', k: 1 }, 2, 0, 100_000, 1000, 0.02],
    ['equity with k', { mode: 'equity', k: 0.5 }, -4, 0, 100_000, 1000, -0.02],
    ['equity, follower has none', { mode: 'equity', k: 1 }, 2, 0, 100_000, 0, 0],
    ['equity missing', { mode: 'equity', k: 1 }, 2, 0, NaN, 1000, NaN],
    ['equity, negative whale equity', { mode: 'equity', k: 1 }, 2, 0, -5, 1000, NaN],
    ['equity, infinite follower equity', { mode: 'equity', k: 1 }, 2, 0, 100, Infinity, NaN],
    ['fixed notional uses k', { mode: 'fixed_notional', usd: 600 }, -3, 0.005, NaN, NaN, -0.015],
  ] as Array<[string, Sizing, number, number, number, number, number]>)('%s', (_n, sizing, whale, k, whaleEq, followerEq, expected) => {
    const target = targetContracts(sizing, whale, k, whaleEq, followerEq);
    if (Number.isNaN(expected)) expect(target).toBeNaN();
    else expect(target).toBeCloseTo(expected, 12);
  });
});

describe('fixed notional k', () => {
  test('fixedNotionalK makes |k x whale| x mark = usd', () => {
    expect(fixedNotionalK(600, 2, 60_000)).toBeCloseTo(0.005, 15);
    expect(fixedNotionalK(600, -2, 60_000)).toBeCloseTo(0.005, 15);
  });

  test.each([
    ['flat whale resets k', { fixedK: 0.005, whaleContracts: 2 }, 0, 60_000, 0],
    ['same side keeps k whatever the price', { fixedK: 0.005, whaleContracts: 2 }, 5, 1, 0.005],
    ['open from flat sets k', { fixedK: 0, whaleContracts: 0 }, 2, 60_000, 0.005],
    ['flip sets k anew', { fixedK: 0.005, whaleContracts: 2 }, -1, 60_000, 0.01],
    ['open without a mark', { fixedK: 0, whaleContracts: 0 }, 2, NaN, NaN],
  ] as const)('%s', (_n, memo, whale, mark, expected) => {
    const k = nextFixedK(600, { ...FRESH_SIZING_MEMO, sized: true, ...memo }, whale, mark);
    if (Number.isNaN(expected)) expect(k).toBeNaN();
    else expect(k).toBeCloseTo(expected, 15);
  });
});

describe('capPositionTarget', () => {
  test.each([
    ['no cap', {}, 1, 60_000, 1],
    ['under the cap', { maxPositionNotional: 100_000 }, 1, 60_000, 1],
    ['long clamped', { maxPositionNotional: 30_000 }, 1, 60_000, 0.5],
    ['short clamped', { maxPositionNotional: 30_000 }, -1, 60_000, -0.5],
    ['zero target needs no mark', { maxPositionNotional: 30_000 }, 0, NaN, 0],
    ['cap without a mark', { maxPositionNotional: 30_000 }, 1, NaN, NaN],
  ] as Array<[string, Caps, number, number, number]>)('%s', (_n, caps, target, mark, expected) => {
    const capped = capPositionTarget(target, caps, mark);
    if (Number.isNaN(expected)) expect(capped).toBeNaN();
    else expect(capped).toBe(expected);
  });
});

describe('sizeMemo', () => {
  test('returns the new memo or why sizing is impossible', () => {
    const inputs = { whaleContracts: 2, whaleEquity: NaN, followerEquity: NaN, mark: 60_000 };
    expect(sizeMemo({ mode: 'proportional', k: 0.1 }, { maxPositionNotional: 6000 }, FRESH_SIZING_MEMO, inputs)).toEqual({
      sized: true,
      whaleContracts: 2,
      target: 0.1,
      fixedK: 0,
      waiting: false,
    });
    expect(sizeMemo({ mode: 'equity', k: 1 }, {}, FRESH_SIZING_MEMO, inputs)).toBe('equity_missing');
    expect(sizeMemo({ mode: 'fixed_notional', usd: 600 }, {}, FRESH_SIZING_MEMO, { ...inputs, mark: 0 })).toBe('price_missing');
    expect(sizeMemo({ mode: 'proportional', k: 1 }, { maxPositionNotional: 1 }, FRESH_SIZING_MEMO, { ...inputs, mark: -1 })).toBe('price_missing');
  });

  test('garbage in is a caller bug, not a missing input', () => {
    const inputs = { whaleContracts: 2, whaleEquity: NaN, followerEquity: NaN, mark: 60_000 };
    expect(() => sizeMemo({ mode: 'proportional', k: NaN }, {}, FRESH_SIZING_MEMO, inputs)).toThrow(InvalidArgumentError);
    expect(() => sizeMemo({ mode: 'equity', k: 1 }, {}, FRESH_SIZING_MEMO, { ...inputs, whaleContracts: NaN })).toThrow(InvalidArgumentError);
  });
});
