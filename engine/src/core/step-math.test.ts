// Table tests of step rounding and formatting, including float drift, 1e-8 steps and huge values.
import { describe, expect, test } from 'bun:test';
import { InvalidArgumentError, InvalidStepError } from './errors';
import {
  floorToStep,
  formatToStep,
  fromSteps,
  isMultipleOfStep,
  roundToStep,
  stepCount,
  stepDecimals,
  stepScale,
} from './step-math';

describe('stepDecimals / stepScale', () => {
  test.each([
    [1, 0, 1],
    [10, 0, 10],
    [0.1, 1, 1],
    [0.001, 3, 1],
    [0.00001, 5, 1],
    [1e-8, 8, 1],
    [5e-7, 7, 5],
    [2.5e-7, 8, 25],
    [0.25, 2, 25],
    [0.5, 1, 5],
  ])('step %p -> %p decimals, %p units', (step, decimals, units) => {
    expect(stepDecimals(step)).toBe(decimals);
    expect(stepScale(step).units).toBe(units);
  });

  test.each([0, -0.1, NaN, Infinity, 1e-21])('rejects step %p', (step) => {
    expect(() => stepScale(step)).toThrow(InvalidStepError);
  });
});

describe('roundToStep', () => {
  test.each([
    // x, step, mode, expected
    [0.1 + 0.2, 0.1, 'toward_zero', 0.3],
    [0.3, 0.1, 'toward_zero', 0.3], // 0.3/0.1 = 2.9999999999999996
    [0.7, 0.1, 'toward_zero', 0.7],
    [0.0019, 0.001, 'toward_zero', 0.001],
    [0.0019, 0.001, 'nearest', 0.002],
    [-0.0019, 0.001, 'toward_zero', -0.001],
    [-0.0019, 0.001, 'floor', -0.002],
    [-0.0019, 0.001, 'nearest', -0.002],
    [0.0015, 0.001, 'nearest', 0.002],
    [-0.0015, 0.001, 'nearest', -0.002],
    [0.0009999, 0.001, 'toward_zero', 0],
    [1.23456789123, 1e-8, 'toward_zero', 1.23456789],
    [3 * 1e-8, 1e-8, 'toward_zero', 3e-8],
    [2.9, 1, 'toward_zero', 2],
    [-2.9, 1, 'toward_zero', -2],
    [17.3, 5, 'toward_zero', 15],
    [0.74, 0.25, 'nearest', 0.75],
    [1234567.891, 0.001, 'toward_zero', 1234567.891],
    [123456789.12345678, 1e-8, 'toward_zero', 123456789.12345678],
    [1e15, 1e-8, 'toward_zero', 1e15], // past 2^53 steps: already on the grid as far as doubles go
    [0, 0.001, 'toward_zero', 0],
  ] as const)('roundToStep(%p, %p, %p) = %p', (x, step, mode, expected) => {
    const rounded = roundToStep(x, step, mode);
    expect(rounded).toBe(expected);
    expect(Object.is(rounded, -0)).toBe(false);
  });

  test('floorToStep goes toward minus infinity', () => {
    expect(floorToStep(2.59, 0.1)).toBe(2.5);
    expect(floorToStep(-2.51, 0.1)).toBe(-2.6);
    expect(floorToStep(0.1 + 0.2, 0.1)).toBe(0.3);
  });

  test('never returns drift like 0.30000000000000004', () => {
    for (let n = 0; n < 2000; n++) {
      const viaSum = n * 0.001 + 1e-15;
      const rounded = roundToStep(viaSum, 0.001, 'nearest');
      expect(rounded).toBe(Number((n / 1000).toFixed(3)));
    }
  });

  test('non-finite amounts are a caller bug', () => {
    expect(() => roundToStep(NaN, 0.1)).toThrow(InvalidArgumentError);
    expect(() => roundToStep(Infinity, 0.1)).toThrow(InvalidArgumentError);
  });
});

describe('stepCount / fromSteps', () => {
  test.each([
    [0.3, 0.1, 'toward_zero', 3],
    [0.30000000000000004, 0.1, 'toward_zero', 3],
    [0.29, 0.1, 'toward_zero', 2],
    [-0.29, 0.1, 'toward_zero', -2],
    [-0.29, 0.1, 'floor', -3],
    [0.05, 0.1, 'nearest', 1],
    [-0.05, 0.1, 'nearest', -1],
    [1e-8 * 7, 1e-8, 'toward_zero', 7],
  ] as const)('stepCount(%p, %p, %p) = %p', (x, step, mode, expected) => {
    expect(stepCount(x, step, mode)).toBe(expected);
  });

  test('fromSteps is the decimal value, not n x step', () => {
    expect(3 * 0.1).not.toBe(0.3);
    expect(fromSteps(3, 0.1)).toBe(0.3);
    expect(fromSteps(-7, 0.001)).toBe(-0.007);
    expect(fromSteps(123456789, 1e-8)).toBe(1.23456789);
  });
});

describe('isMultipleOfStep', () => {
  test.each([
    [0.1 + 0.2, 0.1, true],
    [0.3, 0.1, true],
    [0.35, 0.1, false],
    [0.007, 0.001, true],
    [0.0075, 0.001, false],
    [1.00000001, 1e-8, true],
    [1.000000015, 1e-8, false],
    [-0.75, 0.25, true],
    [1e15, 1e-8, true],
    [42, 1, true],
    [42.5, 1, false],
  ] as const)('isMultipleOfStep(%p, %p) = %p', (x, step, expected) => {
    expect(isMultipleOfStep(x, step)).toBe(expected);
  });
});

describe('formatToStep', () => {
  test.each([
    [0.1 + 0.2, 0.001, '0.300'],
    [0.3, 0.1, '0.3'],
    [2, 1e-8, '2.00000000'],
    [1e-8, 1e-8, '0.00000001'],
    [0.00001234, 1e-8, '0.00001234'],
    [12.5, 1, '13'],
    [-0.0019, 0.001, '-0.002'],
    [-0.0004, 0.001, '0.000'],
    [0, 0.001, '0.000'],
    [0.75, 0.25, '0.75'],
    [17, 5, '15'],
    [1234567.891, 0.001, '1234567.891'],
    [123456789.12345678, 1e-8, '123456789.12345678'],
    [1e15, 1e-8, '1000000000000000.00000000'],
    [1e22, 0.01, '10000000000000000000000.00'],
  ] as const)('formatToStep(%p, %p) = %p', (x, step, expected) => {
    expect(formatToStep(x, step)).toBe(expected);
  });

  test('never prints an exponent', () => {
    for (const x of [1e-7, 5e-8, 1e21, 123e-8]) expect(formatToStep(x, 1e-8)).not.toContain('e');
  });
});
