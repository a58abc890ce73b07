// Small helpers of the consumer loops: a settle-once promise, an interruptible backoff sleep, error coercion.
// No bus semantics here.

/** A promise settled from outside, at most once; an unobserved rejection is not reported as unhandled. */
export class Deferred {
  readonly promise: Promise<void>;
  private settle: ((error?: Error) => void) | null = null;

  constructor() {
    this.promise = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    this.promise.catch(() => undefined);
  }

  resolve(): void {
    this.settle?.();
    this.settle = null;
  }

  reject(error: Error): void {
    this.settle?.(error);
    this.settle = null;
  }
}

/** Exponential wait after a failed turn of a loop (50 ms doubling to 1 s); `interrupt` ends a wait at once. */
export class Backoff {
  private delayMs = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private wake: (() => void) | null = null;

  constructor(
    private readonly firstMs = 50,
    private readonly maxMs = 1_000,
  ) {}

  reset(): void {
    this.delayMs = 0;
  }

  wait(): Promise<void> {
    this.delayMs = this.delayMs === 0 ? this.firstMs : Math.min(this.delayMs * 2, this.maxMs);
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(() => this.interrupt(), this.delayMs);
    });
  }

  interrupt(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}

export function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
