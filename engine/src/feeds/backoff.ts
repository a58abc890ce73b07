// Exponential reconnect backoff with jitter that resets after a healthy period. Pure given a random
// source and the times passed in; owns no timers (the feed sleeps).
import { InvalidArgumentError } from '../core';
import type { BackoffOptions } from './types';

export const DEFAULT_BACKOFF: BackoffOptions = Object.freeze({
  baseMs: 250,
  maxMs: 30_000,
  jitter: 0.5,
  resetAfterMs: 60_000,
});

/** Resolves partial options against the defaults; throws InvalidArgumentError on nonsense values. */
export function backoffOptions(partial: Partial<BackoffOptions> = {}): BackoffOptions {
  const o = { ...DEFAULT_BACKOFF, ...partial };
  if (!(o.baseMs > 0) || !Number.isFinite(o.baseMs)) throw new InvalidArgumentError(`backoff baseMs must be > 0, got ${o.baseMs}`);
  if (!(o.maxMs >= o.baseMs) || !Number.isFinite(o.maxMs)) throw new InvalidArgumentError(`backoff maxMs must be >= baseMs, got ${o.maxMs}`);
  if (!(o.jitter >= 0 && o.jitter <= 1)) throw new InvalidArgumentError(`backoff jitter must be in [0, 1], got ${o.jitter}`);
  if (!(o.resetAfterMs >= 0)) throw new InvalidArgumentError(`backoff resetAfterMs must be >= 0, got ${o.resetAfterMs}`);
  return Object.freeze(o);
}

/**
 * Delay before retry number `attempt` (0 = first retry): min(max, base * 2^attempt), of which the
 * `jitter` part is scaled by `random` in [0, 1). jitter 0.5 gives [d/2, d).
 */
export function backoffDelayMs(attempt: number, o: BackoffOptions, random: number): number {
  const exp = Math.min(o.maxMs, o.baseMs * 2 ** Math.min(Math.max(0, attempt), 52));
  return exp * (1 - o.jitter) + exp * o.jitter * Math.min(Math.max(random, 0), 1);
}

/** Attempt counter of one connection: failures count up, a long enough healthy run starts over. */
export class Backoff {
  private attempt = 0;
  private healthySince = 0;

  constructor(
    readonly options: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {}

  /** The connection became healthy (opened) at `nowMs`. */
  healthy(nowMs: number): void {
    this.healthySince = nowMs;
  }

  /** A failure at `nowMs`: the delay to wait before retrying. */
  next(nowMs: number): number {
    if (this.healthySince > 0 && nowMs - this.healthySince >= this.options.resetAfterMs) this.attempt = 0;
    this.healthySince = 0;
    return backoffDelayMs(this.attempt++, this.options, this.random());
  }

  get attempts(): number {
    return this.attempt;
  }
}
