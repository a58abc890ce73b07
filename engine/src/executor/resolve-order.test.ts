// The send-or-lookup state machine against a scripted one-order venue: idempotency under every failure kind.
import { describe, expect, test } from 'bun:test';
import {
  AuthenticationError, DuplicateOrderId, ExchangeNotAvailable, InvalidOrder, NetworkError, RateLimitExceeded, RequestTimeout,
} from 'ccxt';
import { ManualClock } from '../core';
import { DEFAULT_RESOLVE_POLICY, resolveOrder, type OrderPort, type VenueOrder } from './resolve-order';

/**
 * A one-order venue with scripted behaviour. Create steps: 'fill' (order placed, reply ok),
 * 'open' (placed, still open), a [error, 'after-fill'] pair (placed, then the reply is lost) or an
 * error (not placed). Lookups answer the truth unless a scripted error comes first.
 */
class ScriptedVenue implements OrderPort {
  placed: VenueOrder[] = [];
  creates = 0;
  lookups = 0;
  retryAfter: number | undefined;
  readonly sentAt: number[] = [];
  constructor(
    private readonly clock: ManualClock,
    private readonly createSteps: (string | unknown[] | Error)[],
    private readonly lookupErrors: Error[] = [],
    private openUntilLookup = 0,
  ) {}

  async create(): Promise<VenueOrder> {
    this.creates++;
    this.sentAt.push(this.clock.nowMs());
    const step = this.createSteps.shift() ?? 'fill';
    if (step instanceof Error) throw step;
    if (Array.isArray(step)) {
      this.place('closed');
      throw step[0];
    }
    return this.place(step === 'open' ? 'open' : 'closed');
  }

  async lookup(): Promise<VenueOrder | null> {
    this.lookups++;
    const error = this.lookupErrors.shift();
    if (error) throw error;
    const order = this.placed[0];
    if (!order) return null;
    if (order.status === 'open' && this.lookups > this.openUntilLookup) return { ...order, status: 'closed', filled: 1, average: 100 };
    return order;
  }

  retryAfterMs(): number | undefined {
    return this.retryAfter;
  }

  private place(status: string): VenueOrder {
    const order: VenueOrder = { id: String(1000 + this.placed.length), status, amount: 1, filled: status === 'open' ? 0 : 1, average: status === 'open' ? undefined : 100 };
    this.placed.push(order);
    return order;
  }
}

function harness() {
  const clock = new ManualClock(1_000_000);
  const gates: string[] = [];
  const rateLimited: number[] = [];
  const hooks = {
    clock,
    gate: async (op: 'order' | 'lookup') => {
      gates.push(op);
    },
    rateLimited: (ms: number) => {
      rateLimited.push(ms);
      clock.advance(ms);
    },
    sleep: async (ms: number) => {
      clock.advance(ms);
    },
  };
  return { clock, gates, rateLimited, hooks };
}

describe('resolveOrder', () => {
  test('a clean send: one request, no lookup', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, ['fill']);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution).toMatchObject({ kind: 'order', source: 'create', order: { status: 'closed', filled: 1 } });
    expect([r.attempts, venue.lookups, venue.placed.length]).toEqual([1, 0, 1]);
    expect(h.gates).toEqual(['order']);
    expect(r.orderSentMs).toBe(1_000_000);
  });

  test('redelivery of an order that exists: found by lookup, nothing sent', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, []);
    venue.placed.push({ id: '7', status: 'closed', amount: 1, filled: 1, average: 99 });
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: true });
    expect(r.resolution).toMatchObject({ kind: 'order', source: 'lookup', order: { id: '7' } });
    expect([r.attempts, venue.creates]).toEqual([0, 0]);
  });

  test('redelivery of an order that never went out: looked up, then sent once', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, ['fill']);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: true });
    expect(r.resolution.kind).toBe('order');
    expect([r.attempts, venue.lookups, venue.placed.length]).toEqual([1, 1, 1]);
    expect(h.gates).toEqual(['lookup', 'order']);
  });

  test.each([
    ['dropped reply (NetworkError)', new NetworkError('fetch failed')],
    ['503 Unknown error (ExchangeNotAvailable)', new ExchangeNotAvailable('Unknown error')],
    ['RequestTimeout', new RequestTimeout('timed out')],
  ])('%s after the fill: the lookup finds it, one order', async (_name, error) => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, [[error, 'after-fill']]);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution).toMatchObject({ kind: 'order', source: 'lookup', order: { filled: 1 } });
    expect([r.attempts, venue.creates, venue.placed.length]).toEqual([1, 1, 1]);
  });

  test('a lost request is resent only after settleMs, and only once it is still not found', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, [new RequestTimeout('timed out'), 'fill']);
    const policy = { ...DEFAULT_RESOLVE_POLICY, settleMs: 5_000 };
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false, policy });
    expect(r.resolution.kind).toBe('order');
    expect([r.attempts, venue.placed.length]).toEqual([2, 1]);
    expect((venue.sentAt[1] ?? 0) - (venue.sentAt[0] ?? 0)).toBeGreaterThanOrEqual(5_000);
    expect(venue.lookups).toBe(2); // one right away, one after the settle time
  });

  test('an earlier unknown outcome (uncertainSinceMs) also waits for the settle time', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, ['fill']);
    const policy = { ...DEFAULT_RESOLVE_POLICY, settleMs: 4_000 };
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false, uncertainSinceMs: h.clock.nowMs() - 1_000, policy });
    expect(r.resolution.kind).toBe('order');
    expect(venue.sentAt[0]).toBeGreaterThanOrEqual(1_000_000 + 3_000);
  });

  test('InvalidOrder is final: rejected, no lookup, no retry', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, [new InvalidOrder('notional must be no smaller than 100')]);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution.kind).toBe('rejected');
    expect((r.resolution as { error: unknown }).error).toBeInstanceOf(InvalidOrder);
    expect([r.attempts, venue.lookups, venue.creates]).toEqual([1, 0, 1]);
  });

  test('rate limited: waits Retry-After, sends again, never looks up', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, [new RateLimitExceeded('429'), 'fill']);
    venue.retryAfter = 2_000;
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution.kind).toBe('order');
    expect(h.rateLimited).toEqual([2_000]);
    expect([r.attempts, venue.lookups, venue.placed.length]).toEqual([2, 0, 1]);
  });

  test('rate limited too often: given up as rejected (never placed)', async () => {
    const h = harness();
    const steps = Array.from({ length: 20 }, () => new RateLimitExceeded('429'));
    const venue = new ScriptedVenue(h.clock, steps);
    const policy = { ...DEFAULT_RESOLVE_POLICY, maxRateLimitWaits: 2 };
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false, policy });
    expect(r.resolution.kind).toBe('rejected');
    expect(venue.creates).toBe(3);
    expect(h.rateLimited).toEqual([1_000, 2_000]);
  });

  test('DuplicateOrderId: the order is there, look it up instead of failing', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, [[new DuplicateOrderId('-4116'), 'after-fill']]);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution).toMatchObject({ kind: 'order', source: 'lookup' });
    expect(venue.placed.length).toBe(1);
  });

  test('every send lost and never placed: bounded, ends rejected, nothing at the venue', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, [new RequestTimeout('a'), new RequestTimeout('b'), new RequestTimeout('c'), 'fill']);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution.kind).toBe('rejected');
    expect((r.resolution as { error: unknown }).error).toBeInstanceOf(RequestTimeout);
    expect([r.attempts, venue.placed.length]).toEqual([3, 0]);
  });

  test('outcome unknown and the lookups keep failing: unknown, never resent', async () => {
    const h = harness();
    const lookupErrors = Array.from({ length: 50 }, () => new NetworkError('down'));
    const venue = new ScriptedVenue(h.clock, [new RequestTimeout('t'), 'fill'], lookupErrors);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution.kind).toBe('unknown');
    expect([r.attempts, venue.creates, venue.lookups]).toEqual([1, 1, DEFAULT_RESOLVE_POLICY.maxLookups]);
  });

  test('a lookup refused by the venue (auth) leaves the outcome unknown and sends nothing', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, ['fill'], [new AuthenticationError('-2015')]);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: true });
    expect(r.resolution.kind).toBe('unknown');
    expect(venue.creates).toBe(0);
  });

  test('an order that comes back open is polled until it is closed', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, ['open'], [], 1);
    const r = await resolveOrder(venue, h.hooks, { lookupFirst: false });
    expect(r.resolution).toMatchObject({ kind: 'order', source: 'create', order: { status: 'closed', filled: 1, average: 100 } });
    expect(venue.lookups).toBe(2);
  });

  test('a gate that throws (executor killed) abandons the order before any request', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, ['fill']);
    const killed = new Error('killed');
    await expect(resolveOrder(venue, { ...h.hooks, gate: async () => { throw killed; } }, { lookupFirst: false })).rejects.toBe(killed);
    expect(venue.creates).toBe(0);
  });

  test('beforeSend runs once, only when an order is about to go out', async () => {
    const h = harness();
    let prepared = 0;
    const hooks = { ...h.hooks, beforeSend: async () => void prepared++ };
    const rateLimited = new ScriptedVenue(h.clock, [new RateLimitExceeded('429'), 'fill']);
    await resolveOrder(rateLimited, hooks, { lookupFirst: false });
    expect([prepared, rateLimited.creates]).toEqual([1, 2]);

    const existing = new ScriptedVenue(h.clock, []);
    existing.placed.push({ id: '9', status: 'closed', amount: 1, filled: 1, average: 1 });
    await resolveOrder(existing, hooks, { lookupFirst: true });
    expect(prepared).toBe(1); // found by lookup: no leverage or price work
  });

  test('a beforeSend failure abandons the order with nothing sent', async () => {
    const h = harness();
    const venue = new ScriptedVenue(h.clock, ['fill']);
    const failure = new Error('leverage refused');
    const hooks = { ...h.hooks, beforeSend: async () => { throw failure; } };
    await expect(resolveOrder(venue, hooks, { lookupFirst: true })).rejects.toBe(failure);
    expect([venue.lookups, venue.creates]).toEqual([1, 0]);
  });
});
