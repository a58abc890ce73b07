// A reservation token bucket: every request takes its tokens at once and is told how long to wait
// before it may go out, so requests queue in arrival order and none is ever refused. No timers here.
import { InvalidArgumentError } from '../../core';

export interface BucketSpec {
  /** Tokens available in a burst (the bucket starts full). */
  readonly capacity: number;
  readonly refillPerSec: number;
}

/** A venue limit: at most `limit` weight in any window of `windowMs`. */
export interface RateWindow {
  readonly limit: number;
  readonly windowMs: number;
}

/**
 * The bucket that can never exceed `limit` in any window of `windowMs`, sliding or fixed:
 * a bucket grants at most capacity + refill x window in a window, so both get half the limit.
 */
export function bucketForWindow(window: RateWindow): BucketSpec {
  if (!(window.limit > 0) || !(window.windowMs > 0) || !Number.isFinite(window.limit) || !Number.isFinite(window.windowMs)) {
    throw new InvalidArgumentError(`rate window needs a positive limit and windowMs, got ${window.limit} per ${window.windowMs} ms`);
  }
  const half = window.limit / 2;
  return { capacity: half, refillPerSec: half / (window.windowMs / 1000) };
}

export class TokenBucket {
  private tokens: number;
  private atMs: number;

  constructor(readonly spec: BucketSpec, nowMs: number) {
    if (!(spec.capacity > 0) || !(spec.refillPerSec > 0) || !Number.isFinite(spec.capacity) || !Number.isFinite(spec.refillPerSec)) {
      throw new InvalidArgumentError(`token bucket needs a positive capacity and refill, got ${spec.capacity} / ${spec.refillPerSec}/s`);
    }
    this.tokens = spec.capacity;
    this.atMs = nowMs;
  }

  /**
   * Takes `cost` tokens now (the balance may go below zero: that is the queue) and returns the
   * milliseconds until the balance is back at zero, i.e. when this request may be sent (0 = now).
   */
  reserve(cost: number, nowMs: number): number {
    if (!(cost >= 0) || !Number.isFinite(cost)) throw new InvalidArgumentError(`token cost must be a finite number >= 0, got ${cost}`);
    this.refill(nowMs);
    this.tokens -= cost;
    return this.tokens >= 0 ? 0 : (-this.tokens / this.spec.refillPerSec) * 1000;
  }

  /** Tokens available now (negative while requests are queued). */
  available(nowMs: number): number {
    this.refill(nowMs);
    return this.tokens;
  }

  private refill(nowMs: number): void {
    if (nowMs <= this.atMs) return;
    this.tokens = Math.min(this.spec.capacity, this.tokens + ((nowMs - this.atMs) / 1000) * this.spec.refillPerSec);
    this.atMs = nowMs;
  }
}
