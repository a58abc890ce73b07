// Per-account order rate limits: a token bucket, 429 with Retry-After when empty, then a 418 ban
// after repeated abuse. Knows nothing about HTTP beyond the status numbers it returns.

export interface RateLimitConfig {
  /** Bucket size: orders allowed in a burst. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSec: number;
  /** Refusals inside one ban window that turn 429 into a 418 ban. */
  banAfterStrikes: number;
  banMs: number;
}

export type RateDecision = { ok: true } | { ok: false; status: 429 | 418; retryAfterSec: number };

interface Bucket {
  tokens: number;
  at: number;
  strikes: number;
  firstStrikeAt: number;
  bannedUntil: number;
}

/** Binance USD-M allows 300 orders / 10 s per account; Hyperliquid 1200 weight / min per address. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { capacity: 300, refillPerSec: 30, banAfterStrikes: 20, banMs: 30_000 };

const OK: RateDecision = { ok: true };

export class RateLimiter {
  config: RateLimitConfig;
  private readonly buckets = new Map<string, Bucket>();
  private readonly now: () => number;

  constructor(config: RateLimitConfig = DEFAULT_RATE_LIMIT, now: () => number = Date.now) {
    this.config = { ...config };
    this.now = now;
  }

  configure(patch: Partial<RateLimitConfig>): void {
    this.config = { ...this.config, ...patch };
    this.buckets.clear();
  }

  reset(): void {
    this.buckets.clear();
  }

  take(accountKey: string, cost = 1): RateDecision {
    const now = this.now();
    const c = this.config;
    let b = this.buckets.get(accountKey);
    if (!b) {
      b = { tokens: c.capacity, at: now, strikes: 0, firstStrikeAt: 0, bannedUntil: 0 };
      this.buckets.set(accountKey, b);
    }
    if (b.bannedUntil > now) return { ok: false, status: 418, retryAfterSec: Math.ceil((b.bannedUntil - now) / 1000) };
    b.tokens = Math.min(c.capacity, b.tokens + ((now - b.at) / 1000) * c.refillPerSec);
    b.at = now;
    if (b.tokens >= cost) {
      b.tokens -= cost;
      return OK;
    }
    if (now - b.firstStrikeAt > c.banMs) {
      b.strikes = 0;
      b.firstStrikeAt = now;
    }
    b.strikes++;
    if (b.strikes >= c.banAfterStrikes) {
      b.bannedUntil = now + c.banMs;
      return { ok: false, status: 418, retryAfterSec: Math.ceil(c.banMs / 1000) };
    }
    const wait = (cost - b.tokens) / c.refillPerSec;
    return { ok: false, status: 429, retryAfterSec: Math.max(1, Math.ceil(wait)) };
  }
}
