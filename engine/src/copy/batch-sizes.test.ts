// Each shard's batch buffer is allocated at the size its last batch took, so a pass writes it without growing;
// no buffer outlives its pass, and every published entry keeps its own bytes.
import { describe, expect, test } from 'bun:test';
import { InProcessBus, decodeSignalBatch, type ShardPayload } from '../bus';
import { BatchSizes } from './batch-sizes';
import { ethCopyEngine, ethFollow } from './testing';

/** A bus that records what each publish was handed (and a copy of its bytes). */
class RecordingBus {
  readonly published: { rooms: ArrayBufferLike[]; bytes: Uint8Array[] }[] = [];
  async publishBatch(items: readonly ShardPayload[]): Promise<string[]> {
    await Bun.sleep(1);
    this.published.push({ rooms: items.map((it) => it.room!.buffer), bytes: items.map((it) => Uint8Array.prototype.slice.call(it.bytes)) });
    return items.map((_, i) => `1-${i}`);
  }
}

function setup(bus: Pick<InProcessBus, 'publishBatch'>) {
  const t = ethCopyEngine(bus, 1, Array.from({ length: 50 }, (_, i) => ethFollow(`f-${i}`)));
  return { engine: t.engine, move: (contracts: number) => t.move(contracts, 'w1', true) };
}

const amounts = (bytes: Uint8Array) => new Set(decodeSignalBatch(bytes).signals.map((s) => s.amount));

describe('batch buffers sized from the last pass', () => {
  test('the first buffer is sized for the expected signals, later ones for the last batch: no growing, none shared', async () => {
    const bus = new RecordingBus();
    const t = setup(bus);
    for (const contracts of [1, 1.5, 3.5, 4]) await t.move(contracts);
    const rooms = bus.published.map((p) => p.rooms[0]!);
    const sizes = bus.published.map((p) => p.bytes[0]!.length + 258); // payload + framing room
    expect(new Set(rooms).size).toBe(4);
    for (let i = 1; i < 4; i++) {
      expect(rooms[i]!.byteLength).toBeGreaterThanOrEqual(sizes[i]!); // written without growing
      expect(rooms[i]!.byteLength).toBeLessThanOrEqual(Math.max(4096, 1.06 * sizes[i - 1]!));
    }
    expect(bus.published.map((p) => amounts(p.bytes[0]!))).toEqual([new Set(['1.000']), new Set(['0.500']), new Set(['2.000']), new Set(['0.500'])]);
  });

  test('BatchSizes: a typical size per expected signal at first, then the last recorded size plus a little', () => {
    const sizes = new BatchSizes();
    expect(sizes.buffer(0, 2_500, 600).length).toBe(600 + 2_500 * 120);
    expect(sizes.buffer(0, 0, 0).length).toBe(4096); // the smallest buffer
    sizes.record(0, 100_000);
    expect(sizes.buffer(0, 2_500, 600).length).toBe(105_000);
    expect(sizes.buffer(1, 10, 600).length).toBe(4096); // another shard: its own history
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
