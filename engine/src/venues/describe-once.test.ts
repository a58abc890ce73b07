import { expect, test } from 'bun:test';
import { cloneTree, describeOnce } from './describe-once';

class Boom extends Error {}

test('describeOnce computes once and hands out independent copies, sharing only the frozen subtrees named', () => {
  let calls = 0;
  const describe = describeOnce(() => {
    calls++;
    return { options: { nested: { list: [1, { x: 2 }] } }, errors: { exact: { '-1': Boom } }, rate: 50 };
  }, ['errors']);
  const one = describe();
  const two = describe();
  expect(calls).toBe(1);
  expect(one).toEqual(two);
  expect(one.options).not.toBe(two.options);
  one.options.nested.list.push(3);
  (one.options.nested.list[1] as { x: number }).x = 9;
  expect(two.options.nested.list).toEqual([1, { x: 2 }]);
  expect(one.errors).toBe(two.errors);
  expect(one.errors.exact['-1']).toBe(Boom); // classes by reference
  expect(Object.isFrozen(one.errors.exact)).toBe(true);
  expect(() => {
    (one.errors.exact as Record<string, unknown>)['-2'] = Boom;
  }).toThrow(TypeError);
});

test('cloneTree copies plain objects and arrays, and keeps functions, class instances and primitives as they are', () => {
  const when = new Date(0);
  const fn = () => 1;
  const src = { a: [{ b: 1 }], when, fn, n: null, s: 'x' };
  const copy = cloneTree(src) as typeof src;
  expect(copy).toEqual(src);
  expect(copy.a).not.toBe(src.a);
  expect(copy.a[0]).not.toBe(src.a[0]);
  expect(copy.when).toBe(when);
  expect(copy.fn).toBe(fn);
});
