// The restart guard on the real Redis bus (the product) and the in-process one.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { Redis } from 'ioredis';
import { InProcessBus, RedisBus, type Bus } from '../bus';
import { Gate, bytesOf, testConsumer, uniquePrefix } from '../bus/testing';
import { awaitSignalsDrained } from './drain';

const REDIS_URL = 'redis://127.0.0.1:6379';
const admin = new Redis(REDIS_URL, { lazyConnect: true });
const prefixes: string[] = [];

afterAll(async () => {
  for (const prefix of prefixes) {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
  }
  admin.disconnect();
});

const buses: [string, () => Bus][] = [
  ['RedisBus', () => {
    const prefix = uniquePrefix('drain');
    prefixes.push(prefix);
    return new RedisBus({ url: REDIS_URL, keyPrefix: prefix });
  }],
  ['InProcessBus', () => new InProcessBus({ keyPrefix: uniquePrefix('drain') })],
];

describe.each(buses)('awaitSignalsDrained on %s', (_name, createBus) => {
  const opened: Bus[] = [];
  const create = (): Bus => {
    const bus = createBus();
    opened.push(bus);
    return bus;
  };
  afterEach(async () => {
    for (const bus of opened.splice(0)) await bus.close();
  });

  test('empty streams: drained at once', async () => {
    const bus = create();
    await bus.ready();
    const r = await awaitSignalsDrained(bus, 4, { timeoutMs: 1_000 });
    expect(r).toMatchObject({ drained: true, undelivered: 0, pending: 0 });
    expect(r.waitedMs).toBeLessThan(500);
  });

  test('entries no executor has read (no group yet): not drained, the caller is told how many after the timeout', async () => {
    const bus = create();
    await bus.ready();
    await bus.publishSignals(1, bytesOf('a'));
    await bus.publishSignals(1, bytesOf('b'));
    const r = await awaitSignalsDrained(bus, 2, { timeoutMs: 150, pollMs: 20 });
    expect(r).toMatchObject({ drained: false, undelivered: 2, pending: 0 });
    expect(r.waitedMs).toBeGreaterThanOrEqual(150);
  });

  test('an entry an executor holds (delivered, not acknowledged) is waited for; its ack ends the wait', async () => {
    const bus = create();
    const gate = new Gate();
    let handed = 0;
    try {
      await bus.ready();
      const consumer = bus.consumeSignals(0, testConsumer('executor-0', { blockMs: 20 }), async () => {
        handed++;
        await gate.opened; // the order is at the venue: the entry stays pending
      });
      await consumer.ready;
      await bus.publishSignals(0, bytesOf('order'));
      let done = false;
      const waiting = awaitSignalsDrained(bus, 1, { timeoutMs: 10_000, pollMs: 20 }).then((r) => {
        done = true;
        return r;
      });
      await Bun.sleep(300);
      expect(handed).toBe(1);
      expect(done).toBe(false);
      gate.open();
      const r = await waiting;
      expect(r).toMatchObject({ drained: true, undelivered: 0, pending: 0 });
      expect(r.waitedMs).toBeGreaterThanOrEqual(300);
      await consumer.stop();
    } finally {
      gate.open(); // a failed expectation must not leave the consumer's handler waiting
    }
  });
});
