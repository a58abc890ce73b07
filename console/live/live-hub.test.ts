// Tests of the browser fan-out: filters, bounded queues dropping the oldest with one notice, snapshots
// for newcomers (latest per book only), and an SSE stream that a stalled reader cannot make grow.
import { describe, expect, test } from 'bun:test';
import type { LiveMessage } from '../shared/events';
import { LiveHub, snapshotKey } from './live-hub';
import { sseFrame, sseResponse } from './sse';

const signal = (followerId: string, seq: number): LiveMessage => ({
  type: 'signal', ts: seq, whaleId: 'w1', seq, followerId, clientOrderId: `c${seq}`, symbol: 'BTC/USDT:USDT', side: 'buy', amount: 1, reduceOnly: false, leg: 1,
});
const drain = (take: () => LiveMessage | undefined) => {
  const out: LiveMessage[] = [];
  for (let m = take(); m !== undefined; m = take()) out.push(m);
  return out;
};

describe('LiveHub', () => {
  test('each subscriber gets what its filter allows', () => {
    const hub = new LiveHub();
    const all = hub.subscribe();
    const f1 = hub.subscribe({ filter: (m) => m.type === 'signal' && m.followerId === 'f1' });
    hub.publish(signal('f1', 1));
    hub.publish(signal('f2', 2));
    expect(drain(() => all.take()).map((m: any) => m.seq)).toEqual([1, 2]);
    expect(drain(() => f1.take()).map((m: any) => m.seq)).toEqual([1]);
  });

  test('a slow subscriber loses the oldest messages and is told how many, once', () => {
    const hub = new LiveHub();
    const sub = hub.subscribe({ capacity: 3 });
    for (let n = 1; n <= 10; n++) hub.publish(signal('f1', n));
    expect(sub.size).toBe(3);
    expect(drain(() => sub.take()).map((m: any) => (m.type === 'dropped' ? `dropped ${m.count}` : m.seq))).toEqual(['dropped 7', 8, 9, 10]);
    expect(sub.droppedTotal).toBe(7);
  });

  test('onReady fires only when the queue goes from empty to non-empty', () => {
    const hub = new LiveHub();
    let ready = 0;
    const sub = hub.subscribe({ onReady: () => { ready += 1; } });
    hub.publish(signal('f1', 1));
    hub.publish(signal('f1', 2));
    expect(ready).toBe(1);
    drain(() => sub.take());
    hub.publish(signal('f1', 3));
    expect(ready).toBe(2);
  });

  test('a newcomer is primed with the latest snapshot per book, never with old feed rows', () => {
    const hub = new LiveHub();
    hub.publish(signal('f1', 1));
    hub.publish({ type: 'whale', ts: 1, whaleId: 'w1', positions: [] });
    hub.publish({ type: 'whale', ts: 2, whaleId: 'w1', positions: [{ symbol: 'BTC/USDT:USDT', contracts: 1, entryPrice: 1 }] });
    hub.publish({ type: 'follower', ts: 3, followerId: 'f2', positions: [] });
    const sub = hub.subscribe({ filter: (m) => m.type !== 'follower' });
    expect(drain(() => sub.take()).map((m) => `${m.type}@${(m as any).ts}`)).toEqual(['whale@2']);
  });

  test('a closed subscriber is detached and gets nothing more; a throwing filter does not stop others', () => {
    const hub = new LiveHub();
    const bad = hub.subscribe({ filter: () => { throw new Error('boom'); } });
    const good = hub.subscribe();
    const gone = hub.subscribe();
    gone.close();
    hub.publish(signal('f1', 1));
    expect(hub.subscriberCount).toBe(2);
    expect(gone.take()).toBeUndefined();
    expect(drain(() => good.take()).length).toBe(1);
    expect(bad.size).toBe(0);
  });

  test.each([
    [{ type: 'whale', ts: 0, whaleId: 'w', positions: [] }, 'whale:w'], [{ type: 'state', ts: 0, scope: 'engine', id: '', state: 'halted' }, 'state:engine:'],
    [{ type: 'overview', ts: 0, overview: {} }, 'overview'], [signal('f', 1), undefined], [{ type: 'dropped', count: 1 }, undefined],
  ] as [LiveMessage, string | undefined][])('snapshotKey(%o) -> %p', (message, key) => expect(snapshotKey(message)).toBe(key));
});

describe('sseResponse', () => {
  test('streams queued messages as SSE frames and closes when aborted', async () => {
    const hub = new LiveHub();
    const abort = new AbortController();
    const response = sseResponse((onReady) => hub.subscribe({ onReady }), { signal: abort.signal, heartbeatMs: 60_000 });
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    expect(decoder.decode((await reader.read()).value)).toContain(': connected');
    hub.publish(signal('f1', 1));
    hub.publish(signal('f1', 2));
    expect(decoder.decode((await reader.read()).value)).toBe(sseFrame(signal('f1', 1)) + sseFrame(signal('f1', 2)));
    abort.abort();
    expect((await reader.read()).done).toBe(true);
    expect(hub.subscriberCount).toBe(0);
  });

  test('a reader that stops reading holds at most the queue capacity: the publisher never waits', async () => {
    const hub = new LiveHub();
    let subscriber!: ReturnType<LiveHub['subscribe']>;
    const response = sseResponse((onReady) => (subscriber = hub.subscribe({ onReady, capacity: 100 })), { heartbeatMs: 60_000 });
    const started = performance.now();
    for (let n = 0; n < 100_000; n++) hub.publish(signal('f1', n));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(subscriber.size).toBe(100);
    expect(subscriber.droppedTotal).toBeGreaterThanOrEqual(99_900);
    await response.body!.cancel();
    expect(hub.subscriberCount).toBe(0);
  });
});
