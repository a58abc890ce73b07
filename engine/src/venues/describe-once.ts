// ccxt builds an exchange's description (endpoints, error maps, options, fees) anew for every instance: for
// ccxt.pro's binanceusdm that means constructing a whole REST instance inside describe(), three quarters of
// the time a new client takes. The description is a pure value (the same on every call), so it is built once
// and each instance gets a copy: its own plain objects and arrays, as a fresh describe() would give it.

/**
 * describe() memoized: every call returns a fresh copy of the first result, except the subtrees in `shared`,
 * which are read-only tables ccxt never writes (checked: deep-frozen, so a write would throw, not leak from
 * one account's instance to another's). Sharing them keeps an instance's heap below a full copy's.
 */
export function describeOnce<T extends object>(compute: () => T, shared: readonly (keyof T & string)[]): () => T {
  let first: T | undefined;
  return () => {
    if (first === undefined) {
      first = compute();
      for (const key of shared) deepFreeze(first[key]);
    }
    const copy = cloneTree(first) as T;
    for (const key of shared) copy[key] = first[key];
    return copy;
  };
}

/** Plain objects and arrays copied all the way down; anything else (functions, error classes, numbers) as is. */
export function cloneTree(x: unknown): unknown {
  if (Array.isArray(x)) return x.map(cloneTree);
  if (x === null || typeof x !== 'object' || Object.getPrototypeOf(x) !== Object.prototype) return x;
  const out: Record<string, unknown> = {};
  for (const key in x) out[key] = cloneTree((x as Record<string, unknown>)[key]);
  return out;
}

function deepFreeze(x: unknown): void {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return;
  for (const value of Object.values(x)) deepFreeze(value);
  Object.freeze(x);
}
