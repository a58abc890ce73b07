// Cancellable sleeps for the feeds' retry and reconcile loops: stop() wakes every sleeper at once,
// so no timer outlives the feed. Owns timers only; no scheduling policy.
export class Sleeper {
  private readonly wakers = new Set<() => void>();

  /** Resolves after `ms`, or at once when wakeAll() is called; never rejects. */
  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.wakers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, Math.max(0, ms));
      this.wakers.add(wake);
    });
  }

  wakeAll(): void {
    for (const wake of [...this.wakers]) wake();
  }

  get sleeping(): number {
    return this.wakers.size;
  }
}
