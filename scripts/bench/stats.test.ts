import { expect, test } from 'bun:test';
import { median, percentile, summarize } from './stats';

test('percentile uses the nearest-rank definition', () => {
  const xs = Array.from({ length: 1000 }, (_, i) => i + 1);
  expect(percentile(xs, 50)).toBe(500);
  expect(percentile(xs, 99)).toBe(990);
  expect(percentile(xs, 99.9)).toBe(999);
  expect(percentile([], 50)).toBeNaN();
  expect(median([5, 1, 3])).toBe(3);
  expect(summarize([3, 1, 2]).max).toBe(3);
});
