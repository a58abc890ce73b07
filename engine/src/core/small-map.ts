// A string-keyed map for the engine's per-follower state, where one key is the common case (a follow
// copying one symbol, a follower holding one position). The first key lives in two fields; further keys
// go to a Map created when needed. An empty JS Map with one entry costs ~265 bytes of heap; this ~50.
export class SmallMap<V> implements Iterable<[string, V]> {
  private k0: string | undefined = undefined;
  private v0: V | undefined = undefined;
  private rest: Map<string, V> | undefined = undefined;

  get size(): number {
    return (this.k0 === undefined ? 0 : 1) + (this.rest === undefined ? 0 : this.rest.size);
  }

  get(key: string): V | undefined {
    if (key === this.k0) return this.v0;
    return this.rest === undefined ? undefined : this.rest.get(key);
  }

  has(key: string): boolean {
    return key === this.k0 || (this.rest !== undefined && this.rest.has(key));
  }

  set(key: string, value: V): this {
    if (key === this.k0 || (this.k0 === undefined && (this.rest === undefined || !this.rest.has(key)))) {
      this.k0 = key;
      this.v0 = value;
    } else {
      (this.rest ??= new Map()).set(key, value);
    }
    return this;
  }

  delete(key: string): boolean {
    if (key === this.k0) {
      this.k0 = undefined;
      this.v0 = undefined;
      return true;
    }
    if (this.rest === undefined || !this.rest.delete(key)) return false;
    if (this.rest.size === 0) this.rest = undefined;
    return true;
  }

  clear(): void {
    this.k0 = undefined;
    this.v0 = undefined;
    this.rest = undefined;
  }

  *entries(): IterableIterator<[string, V]> {
    if (this.k0 !== undefined) yield [this.k0, this.v0 as V];
    if (this.rest !== undefined) yield* this.rest.entries();
  }

  *keys(): IterableIterator<string> {
    if (this.k0 !== undefined) yield this.k0;
    if (this.rest !== undefined) yield* this.rest.keys();
  }

  *values(): IterableIterator<V> {
    if (this.k0 !== undefined) yield this.v0 as V;
    if (this.rest !== undefined) yield* this.rest.values();
  }

  [Symbol.iterator](): IterableIterator<[string, V]> {
    return this.entries();
  }
}
