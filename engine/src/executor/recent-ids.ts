// A bounded memory of recent client order ids (and a value each): the oldest entry is forgotten
// first, so a long-running executor holds at most `capacity` of them.
export class RecentIds<V> {
  private readonly entries = new Map<string, V>();

  constructor(readonly capacity: number) {}

  get(id: string): V | undefined {
    return this.entries.get(id);
  }

  has(id: string): boolean {
    return this.entries.has(id);
  }

  set(id: string, value: V): void {
    this.entries.delete(id); // re-insert: the newest entry is evicted last
    this.entries.set(id, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
  }

  delete(id: string): void {
    this.entries.delete(id);
  }

  get size(): number {
    return this.entries.size;
  }
}
