// Collector: per-key runs and their medians, including runs that could not measure.
import { expect, test } from 'bun:test';
import { Collector } from './collector';

test('medians per key over runs; non-finite runs are kept but not counted; empty keys are null', () => {
  const c = new Collector();
  c.addAll({ a: 3, b: NaN });
  c.addAll({ a: 1, b: NaN });
  c.addAll({ a: 2, b: 7 });
  c.add('c', Number.POSITIVE_INFINITY);
  expect(c.runs('a')).toEqual([3, 1, 2]);
  expect(c.median('a')).toBe(2);
  expect(c.median('b')).toBe(7);
  expect(c.median('missing')).toBeNaN();
  expect(c.medians()).toEqual({ a: 2, b: 7, c: null });
  expect(c.has('c')).toBe(true);
  expect(c.has('d')).toBe(false);
});
