// Tests of EventHub and EventSubscription: fan-out, follower filtering, bounded queues that drop the
// oldest events with one 'dropped' notice, wake-ups only from idle, and closing.
import { describe, expect, test } from 'bun:test';
import { EventHub } from './event-hub';
import { followerOfEvent, type EngineEvent } from './events';

const signal = (followerId: string, n: number): EngineEvent => ({
  type: 'signal', ts: n, whaleId: 'w1', seq: n, followerId, clientOrderId: `c${n}`, symbol: 'BTC/USDT:USDT', side: 'buy', amount: 1, reduceOnly: false, leg: 1,
});
const drain = (take: () => unknown) => {
  const out: unknown[] = [];
  for (let m = take(); m !== undefined; m = take()) out.push(m);
  return out;
};

describe('followerOfEvent', () => {
  test.each([
    [signal('f1', 1), 'f1'],
    [{ type: 'whale', ts: 0, whaleId: 'w1', positions: [] } as EngineEvent, undefined],
    [{ type: 'state', ts: 0, scope: 'follower', id: 'f2', state: 'halted' } as EngineEvent, 'f2'],
    [{ type: 'state', ts: 0, scope: 'whale', id: 'w1', state: 'halted' } as EngineEvent, undefined],
    [{ type: 'state', ts: 0, scope: 'engine', id: '', state: 'halted' } as EngineEvent, undefined],
    [{ type: 'skipped', ts: 0, whaleId: 'w', followerId: 'f3', symbol: 's', reason: 'r', carried: 0 } as EngineEvent, 'f3'],
  ])('%o -> %p', (event, followerId) => expect(followerOfEvent(event)).toBe(followerId));
});

describe('EventHub', () => {
  test('operators get every event, a follower subscription its own and the engine state', () => {
    const hub = new EventHub();
    const all = hub.subscribe();
    const f1 = hub.subscribe({ followerId: 'f1' });
    hub.publish(signal('f1', 1));
    hub.publish(signal('f2', 2));
    hub.publish({ type: 'whale', ts: 3, whaleId: 'w1', positions: [] });
    hub.publish({ type: 'state', ts: 4, scope: 'engine', id: '', state: 'halted' });
    hub.publish({ type: 'state', ts: 5, scope: 'follower', id: 'f2', state: 'halted' });
    expect(drain(() => all.take()).map((e: any) => e.type + e.ts)).toEqual(['signal1', 'signal2', 'whale3', 'state4', 'state5']);
    expect(drain(() => f1.take()).map((e: any) => e.type + e.ts)).toEqual(['signal1', 'state4']);
  });

  test('a full queue drops the oldest and says how many before the survivors', () => {
    const hub = new EventHub();
    const sub = hub.subscribe({ capacity: 3 });
    for (let n = 1; n <= 7; n++) hub.publish(signal('f1', n));
    expect(sub.size).toBe(3);
    expect(drain(() => sub.take()).map((e: any) => (e.type === 'dropped' ? `dropped ${e.count}` : e.seq))).toEqual(['dropped 4', 5, 6, 7]);
    hub.publish(signal('f1', 8));
    expect(drain(() => sub.take()).map((e: any) => e.seq)).toEqual([8]);
    expect(sub.dropped).toBe(4);
  });

  test('publish stays O(1) per subscriber under a flood (no growth past capacity)', () => {
    const hub = new EventHub();
    const sub = hub.subscribe({ capacity: 10 });
    const t0 = performance.now();
    for (let n = 0; n < 200_000; n++) hub.publish(signal('f1', n));
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(sub.size).toBe(10);
    expect(sub.take()).toEqual({ type: 'dropped', count: 199_990 });
  });

  test('onReady fires only when an idle queue gets its first event', () => {
    const hub = new EventHub();
    let wakes = 0;
    const sub = hub.subscribe({ capacity: 2, onReady: () => wakes++ });
    hub.publish(signal('f1', 1));
    hub.publish(signal('f1', 2));
    hub.publish(signal('f1', 3));
    expect(wakes).toBe(1);
    drain(() => sub.take());
    hub.publish(signal('f1', 4));
    expect(wakes).toBe(2);
  });

  test('a throwing onReady never reaches the publisher; other subscribers still get the event', () => {
    const hub = new EventHub();
    hub.subscribe({ onReady: () => { throw new Error('bad subscriber'); } });
    const good = hub.subscribe();
    expect(() => hub.publish(signal('f1', 1))).not.toThrow();
    expect(good.take()).toMatchObject({ seq: 1 });
  });

  test('close detaches: active turns false, nothing more is queued', () => {
    const hub = new EventHub();
    expect(hub.active).toBe(false);
    const sub = hub.subscribe();
    expect([hub.active, hub.subscriberCount]).toEqual([true, 1]);
    hub.publish(signal('f1', 1));
    sub.close();
    sub.close();
    hub.publish(signal('f1', 2));
    expect([hub.active, sub.isOpen, sub.take()]).toEqual([false, false, undefined]);
  });

  test.each([0, -1, 1.5])('capacity %p is refused', (capacity) => {
    expect(() => new EventHub().subscribe({ capacity })).toThrow(RangeError);
  });
});
