// One token bucket set per venue account and one per egress IP (this process), built lazily from the
// venue limits; callers wait for their turn instead of being refused. Knows nothing about ccxt.
import type { Clock } from '../../core';
import type { Venue } from '../../model';
import { realSleep, type Sleep } from '../timing';
import { TokenBucket, bucketForWindow } from './token-bucket';
import type { VenueLimits, VenueOp } from './venue-limits';

interface AccountLimiter {
  readonly buckets: readonly TokenBucket[];
  /** No call before this time (a venue's Retry-After). */
  blockedUntilMs: number;
}

export class RateLimiters {
  private readonly accounts = new Map<string, AccountLimiter>();
  private readonly egress = new Map<Venue, readonly TokenBucket[]>();

  constructor(
    private readonly limits: Readonly<Record<Venue, VenueLimits>>,
    private readonly clock: Clock,
    private readonly sleep: Sleep = realSleep,
  ) {}

  /** Reserves the call's weight now and returns how many ms the caller must wait before sending it. */
  reserve(venue: Venue, accountKey: string, op: VenueOp): number {
    const now = this.clock.nowMs();
    const cost = this.limits[venue].cost[op];
    const account = this.account(venue, accountKey, now);
    let wait = Math.max(0, account.blockedUntilMs - now);
    if (cost.account > 0) for (const bucket of account.buckets) wait = Math.max(wait, bucket.reserve(cost.account, now));
    if (cost.egressIp > 0) for (const bucket of this.egressBuckets(venue, now)) wait = Math.max(wait, bucket.reserve(cost.egressIp, now));
    return wait;
  }

  /** Waits for the call's turn; resolves with the ms waited (0 when it may go at once). */
  async acquire(venue: Venue, accountKey: string, op: VenueOp): Promise<number> {
    const wait = this.reserve(venue, accountKey, op);
    if (wait > 0) await this.sleep(wait);
    return wait;
  }

  /** The venue asked this account to back off until `untilMs` (429 / 418 with Retry-After). */
  blockUntil(venue: Venue, accountKey: string, untilMs: number): void {
    const account = this.account(venue, accountKey, this.clock.nowMs());
    account.blockedUntilMs = Math.max(account.blockedUntilMs, untilMs);
  }

  /** Accounts with buckets (for tests and stats). */
  get accountCount(): number {
    return this.accounts.size;
  }

  private account(venue: Venue, accountKey: string, now: number): AccountLimiter {
    const key = `${venue}|${accountKey}`;
    let account = this.accounts.get(key);
    if (account === undefined) {
      account = { buckets: this.limits[venue].account.map((w) => new TokenBucket(bucketForWindow(w), now)), blockedUntilMs: 0 };
      this.accounts.set(key, account);
    }
    return account;
  }

  private egressBuckets(venue: Venue, now: number): readonly TokenBucket[] {
    let buckets = this.egress.get(venue);
    if (buckets === undefined) {
      buckets = this.limits[venue].egressIp.map((w) => new TokenBucket(bucketForWindow(w), now));
      this.egress.set(venue, buckets);
    }
    return buckets;
  }
}
