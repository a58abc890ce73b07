// Time source of the engine: epoch milliseconds with a microsecond fraction.
// Owns no timers and no scheduling; code that needs "now" takes a Clock, never calls Date itself.
import { InvalidArgumentError } from './errors';

export interface Clock {
  /** Epoch milliseconds, fractional (performance.timeOrigin + performance.now() on the system clock). */
  nowMs(): number;
}

/** The process clock: monotonic within the process, anchored to the epoch at process start. */
export class SystemClock implements Clock {
  nowMs(): number {
    return performance.timeOrigin + performance.now();
  }
}

export const systemClock: Clock = new SystemClock();

/** A clock that only moves when told to; for tests and replays. */
export class ManualClock implements Clock {
  private ms: number;

  constructor(startMs = 0) {
    this.ms = finiteMs(startMs, 'startMs');
  }

  nowMs(): number {
    return this.ms;
  }

  set(ms: number): void {
    this.ms = finiteMs(ms, 'ms');
  }

  advance(deltaMs: number): void {
    this.ms = finiteMs(this.ms + finiteMs(deltaMs, 'deltaMs'), 'ms');
  }
}

function finiteMs(value: number, name: string): number {
  if (!Number.isFinite(value)) {
    throw new InvalidArgumentError(`ManualClock ${name} must be a finite number, got ${value}`);
  }
  return value;
}
