// The Bus contract, part 1 (delivery): publish, consume, ack-after-handler, retry, claim, dead letters.
// Test-only: run by redis-bus.test.ts and in-process-bus.test.ts against each implementation.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { decodeSignalBatch, encodeSignalBatch } from './codec';
import { BusConfigError, BusHandlerFailedError, PoisonEntryError } from './errors';
import { emptyHops, type SignalBatch } from './messages';
import { compareStreamIds } from './stream-id';
import { Gate, bytesOf, eventually, recordingConsumer, testConsumer, textOf, uniquePrefix, type BusHarness } from './testing';
import type { Bus, BusEntry } from './types';

export function describeDeliveryContract(harness: BusHarness): void {
  describe(`${harness.name}: delivery`, () => {
    const filePrefix = uniquePrefix(`${harness.name}-delivery`);
    const buses: Bus[] = [];
    const gates: Gate[] = [];
    let counter = 0;
    const newBus = (): Bus => {
      counter += 1;
      const bus = harness.create(`${filePrefix}-${counter}`);
      buses.push(bus);
      return bus;
    };
    afterEach(async () => {
      for (const gate of gates.splice(0)) gate.open();
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
    });
    afterAll(() => harness.cleanup(filePrefix));

    test('publishBatch puts one entry per shard in one call; each shard consumer gets only its own', async () => {
      const bus = newBus();
      await bus.ready();
      const ids = await bus.publishBatch([
        { shard: 0, bytes: bytesOf('event-1 shard 0') },
        { shard: 2, bytes: bytesOf('event-1 shard 2') },
        { shard: 1, bytes: bytesOf('event-1 shard 1') },
      ]);
      expect(ids).toHaveLength(3);
      for (const id of ids) expect(id).toMatch(/^\d+-\d+$/);
      const consumers = [0, 1, 2].map((shard) => recordingConsumer(bus, shard, `c${shard}`));
      await eventually(() => expect(consumers.map((c) => c.seen.length)).toEqual([1, 1, 1]));
      expect(consumers.map((c) => textOf(c.seen[0] as BusEntry))).toEqual(['event-1 shard 0', 'event-1 shard 1', 'event-1 shard 2']);
      expect(consumers[2]?.seen[0]?.id).toBe(ids[1] as string);
      expect(consumers[0]?.seen[0]?.deliveryCount).toBe(1);
      await eventually(async () => expect((await bus.shardStats(1)).pending).toBe(0));
      expect(await bus.publishBatch([])).toEqual([]);
    });

    test('publishSignals resolves with increasing ids; entries arrive in order', async () => {
      const bus = newBus();
      await bus.ready();
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await bus.publishSignals(4, bytesOf(`m${i}`)));
      for (let i = 1; i < ids.length; i++) expect(compareStreamIds(ids[i] as string, ids[i - 1] as string)).toBe(1);
      const { seen } = recordingConsumer(bus, 4, 'c', { batchSize: 2 });
      await eventually(() => expect(seen.map(textOf)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']));
      expect(seen.map((entry) => entry.id)).toEqual(ids);
    });

    test('an entry is acknowledged only after the handler resolves', async () => {
      const bus = newBus();
      await bus.ready();
      const gate = new Gate();
      gates.push(gate);
      let handled = 0;
      bus.consumeSignals(0, testConsumer('slow'), async () => {
        await gate.opened;
        handled += 1;
      });
      await bus.publishSignals(0, bytesOf('held'));
      await eventually(async () => expect((await bus.shardStats(0)).pending).toBe(1));
      await Bun.sleep(150);
      expect((await bus.shardStats(0)).pending).toBe(1);
      gate.open();
      await eventually(async () => expect((await bus.shardStats(0)).pending).toBe(0));
      expect(handled).toBe(1);
    });

    test('a handler that throws leaves the entry pending and it is delivered again', async () => {
      const bus = newBus();
      await bus.ready();
      const deliveries: number[] = [];
      const errors: Error[] = [];
      bus.consumeSignals(0, testConsumer('flaky', { onError: (error) => errors.push(error) }), async (entry) => {
        deliveries.push(entry.deliveryCount);
        if (entry.deliveryCount === 1) throw new Error('venue timeout');
      });
      await bus.publishSignals(0, bytesOf('retry me'));
      await eventually(() => expect(deliveries).toEqual([1, 2]));
      await eventually(async () => expect((await bus.shardStats(0)).pending).toBe(0));
      expect(errors[0]).toBeInstanceOf(BusHandlerFailedError);
      expect(errors[0]?.message).toContain('venue timeout');
    });

    test('a consumer that dies mid-batch has its entries claimed by another after claimIdleMs', async () => {
      const bus = newBus();
      await bus.ready();
      for (const text of ['a', 'b', 'c']) await bus.publishSignals(1, bytesOf(text));
      const gate = new Gate();
      gates.push(gate);
      let deliveredToA = 0;
      const a = bus.consumeSignals(1, testConsumer('A', { batchSize: 10 }), async () => {
        deliveredToA += 1;
        await gate.opened; // hangs: the process "dies" holding the whole batch
      });
      await eventually(() => expect(deliveredToA).toBe(1));
      expect((await bus.shardStats(1)).pending).toBe(3);
      const diedAt = performance.now();
      a.abort();
      const { seen } = recordingConsumer(bus, 1, 'B', { claimIdleMs: 300, claimEveryMs: 50 });
      await eventually(() => expect(seen.map(textOf)).toEqual(['a', 'b', 'c']));
      expect(performance.now() - diedAt).toBeGreaterThanOrEqual(250);
      expect(seen.map((entry) => entry.deliveryCount)).toEqual([2, 2, 2]);
      gate.open(); // A's handler finally returns: A is dead and must not ack
      await eventually(async () => expect((await bus.shardStats(1)).pending).toBe(0));
      expect(deliveredToA).toBe(1);
    });

    test('a poison entry goes to the dead letters after maxDeliveries failed attempts', async () => {
      const bus = newBus();
      await bus.ready();
      const attempts: number[] = [];
      bus.consumeSignals(2, testConsumer('c', { maxDeliveries: 3 }), async (entry) => {
        attempts.push(entry.deliveryCount);
        throw new Error(`cannot handle ${textOf(entry)}`);
      });
      const id = await bus.publishSignals(2, bytesOf('poison'));
      await eventually(async () => expect(await bus.listDeadLetters(2)).toHaveLength(1));
      expect(attempts).toEqual([1, 2, 3]);
      const [dead] = await bus.listDeadLetters(2);
      if (dead === undefined) throw new Error('dead letter missing');
      expect(dead).toMatchObject({ originalId: id, group: 'executors', consumer: 'c', deliveries: 3, reason: 'max_deliveries', error: 'cannot handle poison' });
      expect(textOf(dead)).toBe('poison');
      expect(await bus.shardStats(2)).toMatchObject({ pending: 0, deadLetters: 1 });
      await Bun.sleep(100);
      expect(attempts).toEqual([1, 2, 3]);
    });

    test('an entry whose consumers keep dying is dead-lettered on claim, without another handler call', async () => {
      const bus = newBus();
      await bus.ready();
      const gate = new Gate();
      gates.push(gate);
      let startedA = 0;
      const a = bus.consumeSignals(3, testConsumer('A'), async () => {
        startedA += 1;
        await gate.opened;
      });
      await bus.publishSignals(3, bytesOf('kills consumers'));
      await eventually(() => expect(startedA).toBe(1));
      a.abort();
      const { seen } = recordingConsumer(bus, 3, 'B', { maxDeliveries: 1, claimIdleMs: 100, claimEveryMs: 30 });
      await eventually(async () => expect(await bus.listDeadLetters(3)).toHaveLength(1));
      expect(seen).toHaveLength(0);
      expect((await bus.listDeadLetters(3))[0]).toMatchObject({ deliveries: 2, reason: 'max_deliveries', consumer: 'B', error: '' });
    });

    test('PoisonEntryError and undecodable payloads are dead-lettered at the first failure', async () => {
      const bus = newBus();
      await bus.ready();
      const handled: string[] = [];
      bus.consumeSignals(5, testConsumer('c'), async (entry) => {
        handled.push(entry.id);
        if (textOf(entry) === 'refuse') throw new PoisonEntryError('unknown follower');
        decodeSignalBatch(entry.bytes); // garbage throws BusDecodeError
      });
      await bus.publishSignals(5, bytesOf('refuse'));
      await bus.publishSignals(5, bytesOf('not protobuf at all'));
      await eventually(async () => expect(await bus.listDeadLetters(5)).toHaveLength(2));
      const dead = await bus.listDeadLetters(5);
      expect(dead.map((letter) => [letter.reason, letter.deliveries])).toEqual([['poison', 1], ['poison', 1]]);
      expect(dead[0]?.error).toBe('unknown follower');
      expect(dead[1]?.error).toContain('cannot decode SignalBatch');
      expect(handled).toHaveLength(2);
    });

    test('SignalBatch bytes survive the bus unchanged (codec round trip)', async () => {
      const bus = newBus();
      await bus.ready();
      const batch: SignalBatch = {
        shard: 6,
        whaleId: 'w-7',
        whaleSeq: 9_007_199_254_740_000,
        signals: [{ clientOrderId: 'wc-00ff', followerId: 'f-1', whaleId: 'w-7', venue: 'hyperliquid', symbol: 'BTC/USDC:USDC', side: 'sell', amount: '0.0105', reduceOnly: true, leg: 0, whaleSeq: 9_007_199_254_740_000, leverage: 5, refPrice: '61000.5' }],
        hops: { ...emptyHops(), frameRxMs: 1_763_000_000_001.25 },
      };
      await bus.publishBatch([{ shard: 6, bytes: encodeSignalBatch(batch) }]);
      const decoded: SignalBatch[] = [];
      bus.consumeSignals(6, testConsumer('c'), async (entry) => {
        decoded.push(decodeSignalBatch(entry.bytes));
      });
      await eventually(() => expect(decoded).toEqual([batch]));
    });

    test('stop() lets the handler in flight finish and acknowledges it', async () => {
      const bus = newBus();
      await bus.ready();
      const gate = new Gate();
      gates.push(gate);
      let started = false;
      const consumer = bus.consumeSignals(0, testConsumer('c'), async () => {
        started = true;
        await gate.opened;
      });
      await bus.publishSignals(0, bytesOf('finish me'));
      await eventually(() => expect(started).toBe(true));
      const stopped = consumer.stop();
      setTimeout(() => gate.open(), 50);
      await stopped;
      expect((await bus.shardStats(0)).pending).toBe(0);
    });

    test('ready resolves once the group exists; a stopped idle consumer exits promptly', async () => {
      const bus = newBus();
      await bus.ready();
      const consumer = bus.consumeSignals(7, testConsumer('c', { blockMs: 5_000 }), async () => undefined);
      await consumer.ready;
      await bus.publishSignals(7, bytesOf('after ready'));
      await eventually(async () => expect((await bus.shardStats(7)).lag).toBe(0));
      await Bun.sleep(20); // back in a blocking read
      const started = performance.now();
      await consumer.stop();
      expect(performance.now() - started).toBeLessThan(1_000);
    });

    test('bad arguments are refused before anything is sent', async () => {
      const bus = newBus();
      await expect(bus.publishSignals(-1, bytesOf('x'))).rejects.toBeInstanceOf(BusConfigError);
      await expect(bus.publishBatch([{ shard: 1.5, bytes: bytesOf('x') }])).rejects.toBeInstanceOf(BusConfigError);
      expect(() => bus.consumeSignals(0, testConsumer(''), async () => undefined)).toThrow(BusConfigError);
      expect(() => bus.consumeSignals(0, testConsumer('c', { batchSize: 0 }), async () => undefined)).toThrow(BusConfigError);
      expect(() => harness.create('bad{prefix}')).toThrow(BusConfigError);
    });
  });
}
