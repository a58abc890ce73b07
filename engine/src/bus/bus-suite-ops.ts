// The Bus contract, part 2 (operations): trimming, dead-letter retry/discard, stats, reports, control.
// Test-only: run by redis-bus.test.ts and in-process-bus.test.ts against each implementation.
import { afterAll, afterEach, describe, expect, test } from 'bun:test';
import { decodeControl, decodeExecutionReport, encodeControl, encodeExecutionReport } from './codec';
import { DeadLetterNotFoundError } from './errors';
import { compareStreamIds } from './stream-id';
import { emptyHops, type ControlCommand, type ExecutionReport } from './messages';
import { Gate, bytesOf, eventually, recordingConsumer, testConsumer, textOf, uniquePrefix, type BusHarness } from './testing';
import type { Bus, BusEntry } from './types';

export function describeOperationsContract(harness: BusHarness): void {
  describe(`${harness.name}: operations`, () => {
    const filePrefix = uniquePrefix(`${harness.name}-ops`);
    const buses: Bus[] = [];
    const gates: Gate[] = [];
    let counter = 0;
    const newBus = async (): Promise<Bus> => {
      counter += 1;
      const bus = harness.create(`${filePrefix}-${counter}`);
      buses.push(bus);
      await bus.ready();
      return bus;
    };
    afterEach(async () => {
      for (const gate of gates.splice(0)) gate.open();
      await Promise.all(buses.splice(0).map((bus) => bus.close()));
    });
    afterAll(() => harness.cleanup(filePrefix));

    test('trim drops acknowledged entries and keeps undelivered ones', async () => {
      const bus = await newBus();
      expect(await bus.trimSignals(0)).toBe(0); // no stream, no group
      for (const text of ['1', '2', '3']) await bus.publishSignals(0, bytesOf(text));
      expect(await bus.trimSignals(0)).toBe(0); // no group has read it: nothing is known to be done
      const first = recordingConsumer(bus, 0, 'c');
      await eventually(async () => expect(await bus.shardStats(0)).toMatchObject({ pending: 0, lag: 0 }));
      expect(first.seen).toHaveLength(3);
      await first.consumer.stop();
      await bus.publishSignals(0, bytesOf('4'));
      await bus.publishSignals(0, bytesOf('5'));
      expect(await bus.trimSignals(0)).toBe(3);
      expect(await bus.shardStats(0)).toMatchObject({ length: 2, lag: 2, pending: 0 });
      const second = recordingConsumer(bus, 0, 'c');
      await eventually(() => expect(second.seen.map(textOf)).toEqual(['4', '5']));
    });

    test('trim never drops an unacknowledged entry, even behind acknowledged ones', async () => {
      const bus = await newBus();
      const ids: string[] = [];
      for (const text of ['a', 'b', 'stuck', 'd', 'e']) ids.push(await bus.publishSignals(1, bytesOf(text)));
      let failStuck = true;
      const handled: string[] = [];
      bus.consumeSignals(1, testConsumer('c', { retryDelayMs: 60_000 }), async (entry) => {
        if (textOf(entry) === 'stuck' && failStuck) throw new Error('not yet');
        handled.push(textOf(entry));
      });
      await eventually(() => expect(handled).toEqual(['a', 'b', 'd', 'e']));
      await eventually(async () => expect((await bus.shardStats(1)).pending).toBe(1));
      expect(await bus.trimSignals(1)).toBe(2); // 'a' and 'b' only; 'stuck' holds the line for 'd' and 'e'
      expect((await bus.shardStats(1)).length).toBe(3);
      failStuck = false;
      const rescuer = bus.consumeSignals(1, testConsumer('rescuer', { claimIdleMs: 50, claimEveryMs: 20 }), async (entry) => {
        handled.push(`rescued ${textOf(entry)}`);
      });
      await eventually(() => expect(handled).toContain('rescued stuck'));
      await rescuer.stop();
      await eventually(async () => expect((await bus.shardStats(1)).pending).toBe(0));
      expect(await bus.trimSignals(1)).toBe(3);
      expect(ids).toHaveLength(5);
    });

    test('dead letters: list with paging, retry re-adds and removes, discard removes once', async () => {
      const bus = await newBus();
      const strict = bus.consumeSignals(2, testConsumer('strict', { maxDeliveries: 1 }), async (entry) => {
        throw new Error(`refused ${textOf(entry)}`);
      });
      for (const text of ['bad-1', 'bad-2', 'bad-3']) await bus.publishSignals(2, bytesOf(text));
      await eventually(async () => expect(await bus.listDeadLetters(2)).toHaveLength(3));
      const all = await bus.listDeadLetters(2);
      expect(all.map(textOf)).toEqual(['bad-1', 'bad-2', 'bad-3']);
      const page = await bus.listDeadLetters(2, { afterId: all[0]?.deadId as string, count: 1 });
      expect(page.map(textOf)).toEqual(['bad-2']);

      expect(await bus.discardDeadLetter(2, all[1]?.deadId as string)).toBe(true);
      expect(await bus.discardDeadLetter(2, all[1]?.deadId as string)).toBe(false);
      expect((await bus.shardStats(2)).deadLetters).toBe(2);

      await strict.stop(); // the bug is fixed and deployed: a new consumer accepts what the old one refused
      const retried: BusEntry[] = [];
      const fixed = bus.consumeSignals(2, testConsumer('fixed'), async (entry) => {
        retried.push(entry);
      });
      await fixed.ready;
      const newId = await bus.retryDeadLetter(2, all[2]?.deadId as string);
      await eventually(() => expect(retried.map((entry) => entry.id)).toContain(newId));
      expect(retried.map(textOf)).toEqual(['bad-3']);
      expect(retried[0]?.deliveryCount).toBe(1);
      expect((await bus.listDeadLetters(2)).map(textOf)).toEqual(['bad-1']);
      await expect(bus.retryDeadLetter(2, all[2]?.deadId as string)).rejects.toBeInstanceOf(DeadLetterNotFoundError);
    });

    test('stats: length, pending, lag, dead letters per shard', async () => {
      const bus = await newBus();
      expect(await bus.shardStats(3)).toEqual({ length: 0, pending: 0, lag: 0, deadLetters: 0, lastDeliveredId: '0-0', consumers: 0 });
      const published: string[] = [];
      for (let i = 0; i < 4; i++) published.push(await bus.publishSignals(3, bytesOf(`m${i}`)));
      expect(await bus.shardStats(3)).toMatchObject({ length: 4, pending: 0, lag: 4 });
      const gate = new Gate();
      gates.push(gate);
      bus.consumeSignals(3, testConsumer('c', { batchSize: 2 }), async () => {
        await gate.opened;
      });
      await eventually(async () => expect(await bus.shardStats(3)).toMatchObject({ length: 4, pending: 2, lag: 2, consumers: 1 }));
      expect((await bus.shardStats(3)).lastDeliveredId).toBe(published[1] as string);
      gate.open();
      await eventually(async () => expect(await bus.shardStats(3)).toMatchObject({ length: 4, pending: 0, lag: 0 }));
      expect((await bus.shardStats(3, 'nobody')).lag).toBe(4);
    });

    test('execution reports round-trip through the report stream and its group', async () => {
      const bus = await newBus();
      const report: ExecutionReport = {
        clientOrderId: '0x0123456789abcdef0123456789abcdef', followerId: 'f-3', whaleId: 'w-1', venue: 'hyperliquid',
        symbol: 'ETH/USDC:USDC', side: 'buy', status: 'filled', requestedAmount: '0.5', filledAmount: '0.5', avgPrice: '3010.1',
        venueOrderId: '777', errorClass: '', errorMessage: '', attempts: 1, hops: { ...emptyHops(), venueAckMs: 1_763_000_000_010.5 }, shard: 4,
      };
      const id = await bus.publishReport(encodeExecutionReport(report));
      const received: ExecutionReport[] = [];
      bus.consumeReports(testConsumer('journal'), async (entry) => {
        expect(entry.id).toBe(id);
        received.push(decodeExecutionReport(entry.bytes));
      });
      await eventually(() => expect(received).toEqual([report]));
      await eventually(async () => expect((await bus.reportStats()).pending).toBe(0));
      expect(await bus.trimReports()).toBe(1);
    });

    test('publishReports: one entry per report, in order, ids in input order; one read acknowledges them all', async () => {
      const bus = await newBus();
      const reports = [1, 2, 3].map((n): ExecutionReport => ({
        clientOrderId: `wc-${n}`, followerId: `f-${n}`, whaleId: 'w-1', venue: 'binanceusdm', symbol: 'BTC/USDT:USDT', side: 'sell', status: 'filled',
        requestedAmount: '0.1', filledAmount: '0.1', avgPrice: '60000', venueOrderId: String(n), errorClass: '', errorMessage: '', attempts: 1,
        hops: emptyHops(), shard: 0,
      }));
      expect(await bus.publishReports([])).toEqual([]);
      const ids = await bus.publishReports(reports.map(encodeExecutionReport));
      expect(ids.length).toBe(3);
      expect([...ids].sort(compareStreamIds)).toEqual(ids);
      const received: Array<[string, ExecutionReport]> = [];
      bus.consumeReports(testConsumer('journal'), async (entry) => {
        received.push([entry.id, decodeExecutionReport(entry.bytes)]);
      });
      await eventually(() => expect(received).toEqual(reports.map((r, i) => [ids[i]!, r])));
      await eventually(async () => expect((await bus.reportStats()).pending).toBe(0));
    });

    test('control is broadcast: every subscriber sees every command; fromId replays history', async () => {
      const bus = await newBus();
      const halt: ControlCommand = { kind: 'trading_state_change', scope: 'engine', id: '', state: 'halted', flatten: true };
      const resume: ControlCommand = { kind: 'trading_state_change', scope: 'follower', id: 'f-1', state: 'active', flatten: false };
      await bus.publishControl(encodeControl(halt));
      const first: ControlCommand[] = [];
      const second: ControlCommand[] = [];
      const history: ControlCommand[] = [];
      const a = bus.subscribeControl(async (entry) => void first.push(decodeControl(entry.bytes)), { blockMs: 100 });
      const b = bus.subscribeControl(async (entry) => void second.push(decodeControl(entry.bytes)), { blockMs: 100 });
      await Promise.all([a.ready, b.ready]);
      await bus.publishControl(encodeControl(resume));
      await eventually(() => expect([first, second]).toEqual([[resume], [resume]]));
      bus.subscribeControl(async (entry) => void history.push(decodeControl(entry.bytes)), { fromId: '0-0', blockMs: 100 });
      await eventually(() => expect(history).toEqual([halt, resume]));
    });

    test('close stops every consumer and later commands are refused', async () => {
      const bus = await newBus();
      const { consumer } = recordingConsumer(bus, 0, 'c');
      await consumer.ready;
      await bus.close();
      await expect(bus.publishSignals(0, bytesOf('late'))).rejects.toThrow();
      expect(() => bus.consumeSignals(0, testConsumer('d'), async () => undefined)).toThrow();
    });
  });
}
