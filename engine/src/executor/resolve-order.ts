// The life of one order request until its outcome is known: send, and on an unknown outcome look the
// client order id up before anything is resent. Venue-neutral; ccxt calls come in through OrderPort.
import type { Clock } from '../core';
import { classifyOrderError } from './venue-errors';
import { backoffMs, realSleep, type Sleep } from './timing';

/** An order as the venue reports it (mapped from ccxt's unified order by the venue port). */
export interface VenueOrder {
  readonly id: string;
  /** ccxt unified status: 'open' | 'closed' | 'canceled' | 'expired' | 'rejected' (undefined if not given). */
  readonly status: string | undefined;
  readonly amount: number | undefined;
  readonly filled: number | undefined;
  readonly average: number | undefined;
}

/** The two venue calls of one client order id. */
export interface OrderPort {
  create(): Promise<VenueOrder>;
  /** The order with this client order id, or null when the venue says there is none. */
  lookup(): Promise<VenueOrder | null>;
  /** Retry-After of the venue's last reply in ms, if it sent one. */
  retryAfterMs(): number | undefined;
}

export interface ResolvePolicy {
  /** Order requests allowed after unknown outcomes (rate-limited requests do not count). */
  readonly maxSends: number;
  readonly maxLookups: number;
  /** Rate-limited replies tolerated before giving up. */
  readonly maxRateLimitWaits: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  /**
   * After an unknown outcome, how long the lost request may still reach the venue and be executed:
   * a "not found" is trusted only this long after the request was sent (Binance: recvWindow + skew).
   */
  readonly settleMs: number;
  /** Wait after a rate-limited reply without Retry-After (grows with backoff). */
  readonly rateLimitWaitMs: number;
  /** Lookups of an order that came back still open, to learn its fill. */
  readonly openPolls: number;
}

export const DEFAULT_RESOLVE_POLICY: ResolvePolicy = Object.freeze({
  maxSends: 3,
  maxLookups: 8,
  maxRateLimitWaits: 6,
  backoffBaseMs: 100,
  backoffMaxMs: 2_000,
  settleMs: 3_000,
  rateLimitWaitMs: 1_000,
  openPolls: 3,
});

export type Resolution =
  | { readonly kind: 'order'; readonly order: VenueOrder; readonly source: 'create' | 'lookup' }
  /** The venue refused, or never took, the order: it does not exist. */
  | { readonly kind: 'rejected'; readonly error: unknown }
  /** Could not be resolved: the order may exist. */
  | { readonly kind: 'unknown'; readonly error: unknown };

export interface ResolveResult {
  readonly resolution: Resolution;
  /** Order requests sent for this client order id by this call. */
  readonly attempts: number;
  /** When the last order request was sent (0 = none was). */
  readonly orderSentMs: number;
  /** When the venue's answer that decided the outcome arrived (0 = none did). */
  readonly venueAckMs: number;
}

export interface ResolveHooks {
  /** Called before every venue call: waits for the rate limiter; may throw to abandon the order. */
  gate(op: 'order' | 'lookup'): Promise<void>;
  /** The venue throttled us: no call of this account for `waitMs` (the gate then waits). */
  rateLimited(waitMs: number): void;
  /**
   * Runs once, right before the first order request (after any lookup said the order is absent):
   * leverage and price preparation. A throw abandons the order with nothing sent.
   */
  beforeSend?(): Promise<void>;
  readonly clock: Clock;
  readonly sleep?: Sleep;
}

export interface ResolveOptions {
  /** Redelivery or an earlier unknown outcome: ask the venue before sending anything. */
  readonly lookupFirst: boolean;
  /** When an earlier request of this id with an unknown outcome was sent: "not found" counts only after settleMs. */
  readonly uncertainSinceMs?: number;
  readonly policy?: ResolvePolicy;
}

/**
 * Sends the order at most once per confirmed absence. Invariant: after a request whose outcome is
 * unknown, nothing is sent again until a lookup made at least `settleMs` after that request says the
 * id does not exist.
 */
export async function resolveOrder(port: OrderPort, hooks: ResolveHooks, options: ResolveOptions): Promise<ResolveResult> {
  const policy = options.policy ?? DEFAULT_RESOLVE_POLICY;
  const sleep = hooks.sleep ?? realSleep;
  const now = () => hooks.clock.nowMs();
  let mustLookup = options.lookupFirst || options.uncertainSinceMs !== undefined;
  let uncertainSinceMs = options.uncertainSinceMs;
  let lastError: unknown;
  let attempts = 0;
  let uncertainSends = 0;
  let lookups = 0;
  let rateLimitWaits = 0;
  let failures = 0;
  let orderSentMs = 0;

  const done = (resolution: Resolution, venueAckMs: number): ResolveResult => ({ resolution, attempts, orderSentMs, venueAckMs });
  const throttled = (): boolean => {
    rateLimitWaits++;
    if (rateLimitWaits > policy.maxRateLimitWaits) return false;
    hooks.rateLimited(port.retryAfterMs() ?? backoffMs(rateLimitWaits - 1, policy.rateLimitWaitMs, policy.rateLimitWaitMs * 8));
    return true;
  };
  const pause = () => sleep(backoffMs(failures++, policy.backoffBaseMs, policy.backoffMaxMs));

  for (;;) {
    if (mustLookup) {
      if (lookups >= policy.maxLookups) return done({ kind: 'unknown', error: lastError }, 0);
      lookups++;
      await hooks.gate('lookup');
      let found: VenueOrder | null;
      try {
        found = await port.lookup();
      } catch (error) {
        lastError = error;
        const disposition = classifyOrderError(error);
        if (disposition === 'rate_limited') {
          if (!throttled()) return done({ kind: 'unknown', error }, 0);
        } else if (disposition === 'unknown') {
          await pause();
        } else {
          return done({ kind: 'unknown', error }, now()); // e.g. credentials revoked: cannot tell
        }
        continue;
      }
      if (found !== null) return finish(port, hooks, policy, sleep, done, { kind: 'order', order: found, source: 'lookup' }, now());
      const trustAtMs = uncertainSinceMs === undefined ? 0 : uncertainSinceMs + policy.settleMs;
      if (now() < trustAtMs) {
        await sleep(trustAtMs - now());
        continue; // look again once the lost request can no longer be executed
      }
      mustLookup = false;
      uncertainSinceMs = undefined;
    }

    if (uncertainSends >= policy.maxSends) return done({ kind: 'rejected', error: lastError }, 0);
    if (attempts === 0 && hooks.beforeSend) await hooks.beforeSend();
    await hooks.gate('order');
    attempts++;
    orderSentMs = now();
    let created: VenueOrder;
    try {
      created = await port.create();
    } catch (error) {
      lastError = error;
      const disposition = classifyOrderError(error);
      if (disposition === 'rejected') return done({ kind: 'rejected', error }, now());
      if (disposition === 'rate_limited') {
        if (!throttled()) return done({ kind: 'rejected', error }, now());
      } else if (disposition === 'exists') {
        mustLookup = true;
      } else {
        uncertainSends++;
        mustLookup = true;
        uncertainSinceMs = orderSentMs;
        await pause();
      }
      continue;
    }
    return finish(port, hooks, policy, sleep, done, { kind: 'order', order: created, source: 'create' }, now());
  }
}

/** An order still open (a market order not yet filled): poll it a few times for its fill. */
async function finish(
  port: OrderPort,
  hooks: ResolveHooks,
  policy: ResolvePolicy,
  sleep: Sleep,
  done: (resolution: Resolution, venueAckMs: number) => ResolveResult,
  resolution: Resolution & { kind: 'order' },
  venueAckMs: number,
): Promise<ResolveResult> {
  let current = resolution;
  for (let poll = 0; poll < policy.openPolls && current.order.status === 'open'; poll++) {
    await sleep(backoffMs(poll, policy.backoffBaseMs, policy.backoffMaxMs));
    await hooks.gate('lookup');
    try {
      const order = await port.lookup();
      if (order === null) break;
      current = { kind: 'order', order, source: current.source };
    } catch {
      break; // the order exists; report what is known
    }
  }
  return done(current, venueAckMs);
}
