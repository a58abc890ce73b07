// The copy engine keeps each shard's batch buffer for the next pass, but only once the XADD was acknowledged:
// what was published is never overwritten while a bus (or an observer that copies) still needs it.
import { describe, expect, test } from 'bun:test';
import { InProcessBus, decodeSignalBatch, type ShardPayload } from '../bus';
import { BatchRooms } from './batch-rooms';
import { ethCopyEngine, ethFollow } from './testing';

/** A bus that records what each publish was handed (and a copy of its bytes), and fails when told to. */
class RecordingBus {
  readonly published: { rooms: ArrayBufferLike[]; bytes: Uint8Array[] }[] = [];
  failNext = false;

  async publishBatch(items: readonly ShardPayload[]): Promise<string[]> {
    this.published.push({ rooms: items.map((it) => it.room!.buffer), bytes: items.map((it) => Uint8Array.prototype.slice.call(it.bytes)) });
    await Bun.sleep(1);
    if (this.failNext) {
      this.failNext = false;
      throw new Error('XADD timed out');
    }
    return items.map((_, i) => `1-${i}`);
  }
}

function setup(bus: Pick<InProcessBus, 'publishBatch'>) {
  const t = ethCopyEngine(bus, 1, Array.from({ length: 50 }, (_, i) => ethFollow(`f-${i}`)));
  return { engine: t.engine, move: (contracts: number) => t.move(contracts, 'w1', true) };
}

const amounts = (bytes: Uint8Array) => new Set(decodeSignalBatch(bytes).signals.map((s) => s.amount));

describe('batch buffers kept across passes', () => {
  test('the next pass writes into the buffer of the last acknowledged one; each pass published its own bytes', async () => {
    const bus = new RecordingBus();
    const t = setup(bus);
    for (const contracts of [1, 1.5, 3.5, 4]) await t.move(contracts);
    const [a, b, c, d] = bus.published;
    expect(a!.rooms[0]!.byteLength).toBeGreaterThanOrEqual(a!.bytes[0]!.length + 258); // first buffer sized for 50 signals: no growing
    expect(c!.rooms[0]).toBe(b!.rooms[0]!); // kept (the first may be swapped for one of about the batch's size)
    expect(d!.rooms[0]).toBe(b!.rooms[0]!);
    expect(b!.rooms[0]!.byteLength).toBeLessThanOrEqual(1.25 * (a!.bytes[0]!.length + 258));
    expect([a, b, c, d].map((p) => amounts(p!.bytes[0]!))).toEqual([new Set(['1.000']), new Set(['0.500']), new Set(['2.000']), new Set(['0.500'])]);
  });

  test('after a failed publish the buffer is not reused (the command may still be queued for the socket)', async () => {
    const bus = new RecordingBus();
    const t = setup(bus);
    await t.move(0.5);
    await t.move(1);
    bus.failNext = true;
    await expect(t.move(2)).rejects.toThrow('XADD timed out');
    await t.move(2);
    const [, ok, failed, retried] = bus.published;
    expect(failed!.rooms[0]).toBe(ok!.rooms[0]!);
    expect(retried!.rooms[0]).not.toBe(failed!.rooms[0]!);
    expect(amounts(retried!.bytes[0]!)).toEqual(new Set(['1.000'])); // the failed pass's orders were released and sent again
  });

  test('two passes in flight at once never share a buffer', async () => {
    const bus = new RecordingBus();
    const t = setup(bus);
    await t.move(1);
    const first = t.move(2);
    await t.move(4);
    await first;
    const [, b, c] = bus.published;
    expect(b!.rooms[0]).not.toBe(c!.rooms[0]!);
  });

  test('BatchRooms: a fresh buffer sized for the expected signals; a kept one much larger than its batch is swapped', () => {
    const rooms = new BatchRooms();
    expect(rooms.take(0, 2_500, 600).length).toBe(600 + 2_500 * 120);
    expect(rooms.take(0, 0, 0).length).toBe(4096); // the smallest buffer
    const big = Buffer.alloc(1 << 20);
    rooms.give(0, big, 100_000);
    const swapped = rooms.take(0, 0, 0);
    expect(swapped).not.toBe(big);
    expect(swapped.length).toBe(105_000);
    expect(rooms.take(0, 0, 0)).not.toBe(swapped); // lent out: another pass gets a fresh one
    rooms.give(0, swapped, 90_000); // within the slack: kept as is
    expect(rooms.take(0, 0, 0)).toBe(swapped);
    const huge = Buffer.alloc(16);
    rooms.give(1, huge, 9 * 1024 * 1024); // past the cap: not kept
    expect(rooms.take(1, 0, 0)).not.toBe(huge);
  });

  test('the in-process bus keeps its own copy: entries of earlier passes decode as published', async () => {
    const bus = new InProcessBus({ keyPrefix: `sizes${Math.random()}` });
    const t = setup(bus);
    await t.move(1);
    await t.move(1.5);
    await t.move(3.5);
    const seen: Set<string>[] = [];
    const consumer = bus.consumeSignals(0, { consumer: 'c', blockMs: 10 }, async (e) => {
      seen.push(amounts(e.bytes));
    });
    await consumer.ready;
    await Bun.sleep(30);
    await consumer.stop();
    expect(seen).toEqual([new Set(['1.000']), new Set(['0.500']), new Set(['2.000'])]);
  });
});
