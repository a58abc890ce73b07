// Lets an event that repeats through once per key per window: the journal rows of skips that recur on every
// whale change while their cause lasts (a follower whose positions are not known yet: its feed is down, or
// the engine is starting and has not had its first snapshot). Counters still count every one.

export class RepeatGate {
  private readonly last = new Map<string, number>();

  constructor(
    private readonly windowMs: number,
    /** Keys remembered at most; past it the memory starts over (a few extra rows, never unbounded growth). */
    private readonly maxKeys = 100_000,
  ) {}

  /** True the first time for `key`, then again once `windowMs` has passed since the last true. */
  pass(key: string, nowMs: number): boolean {
    const at = this.last.get(key);
    if (at !== undefined && nowMs - at < this.windowMs) return false;
    if (at === undefined && this.last.size >= this.maxKeys) this.last.clear();
    this.last.set(key, nowMs);
    return true;
  }
}
