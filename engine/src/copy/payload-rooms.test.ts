// The copy engine reuses each shard's encode buffer from pass to pass, but only once the XADD was
// acknowledged: what was published is never overwritten while a bus (or an observer that copies) needs it.
import { describe, expect, test } from 'bun:test';
import { FollowerBook, WhaleBook } from '../book';
import { InProcessBus, PayloadRooms, decodeSignalBatch, type ShardPayload } from '../bus';
import { ManualClock } from '../core';
import type { Follow, MarketSpec } from '../model';
import { TradingStates } from '../risk';
import { CopyEngine } from './copy-engine';

const ETH: MarketSpec = { symbol: 'ETH/USDT:USDT', venue: 'binanceusdm', venueId: 'ETHUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 5, priceTick: 0.01, maxLeverage: 100 };

const follow = (i: number): Follow => ({
  id: `follow-${i}`, whaleId: 'w1', followerId: `f-${i}`, sizing: { mode: 'proportional', k: 1 }, caps: {}, leverage: { mode: 'copy' },
  symbols: {}, existing: 'copy_now', state: 'active',
});

/** A bus that records what each publish was handed (and a copy of its bytes), and fails when told to. */
class RecordingBus {
  readonly published: { rooms: ArrayBufferLike[]; bytes: Uint8Array[] }[] = [];
  failNext = false;

  async publishBatch(items: readonly ShardPayload[]): Promise<string[]> {
    await Bun.sleep(1);
    this.published.push({ rooms: items.map((it) => it.room!.buffer), bytes: items.map((it) => Uint8Array.prototype.slice.call(it.bytes)) });
    if (this.failNext) {
      this.failNext = false;
      throw new Error('XADD timed out');
    }
    return items.map((_, i) => `1-${i}`);
  }
}

function setup(bus: Pick<InProcessBus, 'publishBatch'>) {
  const clock = new ManualClock(1_763_000_000_000);
  const whales = new WhaleBook();
  const followers = new FollowerBook();
  const engine = new CopyEngine({
    bus, shards: 1, whales, followers, states: new TradingStates(), clock,
    markets: { market: (_venue, base) => (base === 'ETH' ? ETH : undefined) },
    mark: () => 3000,
  });
  for (let i = 0; i < 50; i++) {
    engine.follows.upsert(follow(i), 'binanceusdm', new Map());
    followers.replaceActual(`f-${i}`, new Map());
    followers.setEquity(`f-${i}`, 10_000, 0);
  }
  let seq = 0;
  /** The whale moves to `contracts` ETH; every follower's order of the last pass filled first. */
  const move = (contracts: number) => {
    for (let i = 0; i < 50; i++) for (const o of followers.orders(`f-${i}`, ETH.symbol)) {
      followers.applyOrderUpdate(o, Math.abs(o.requested), true, clock.nowMs());
      followers.setActual(`f-${i}`, ETH.symbol, followers.actual(`f-${i}`, ETH.symbol) + o.requested);
    }
    whales.apply({ whaleId: 'w1', seq: ++seq, positions: new Map([[ETH.symbol, { symbol: ETH.symbol, contracts, entryPrice: 3000 }]]) });
    clock.advance(1);
    return engine.onWhaleChange({ whaleId: 'w1', changed: [ETH.symbol], venueTs: clock.nowMs(), rxTs: clock.nowMs() });
  };
  return { engine, move };
}

const amounts = (bytes: Uint8Array) => new Set(decodeSignalBatch(bytes).signals.map((s) => s.amount));

describe('encode buffers reused across passes', () => {
  test('the next pass writes into the buffer of the last acknowledged one; each pass published its own bytes', async () => {
    const bus = new RecordingBus();
    const t = setup(bus);
    await t.move(1); // a fresh 64 KiB buffer, given back swapped for one of about the batch's size
    await t.move(1.5);
    await t.move(3.5);
    await t.move(4);
    const [a, b, c, d] = bus.published;
    expect(b!.rooms[0]).not.toBe(a!.rooms[0]!);
    expect(b!.rooms[0]!.byteLength).toBeLessThan(a!.rooms[0]!.byteLength);
    expect(c!.rooms[0]).toBe(b!.rooms[0]!);
    expect(d!.rooms[0]).toBe(b!.rooms[0]!);
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

  test('the in-process bus keeps its own copy: entries of earlier passes decode as published', async () => {
    const bus = new InProcessBus({ keyPrefix: `rooms${Math.random()}` });
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

  test('a kept room is about the size its last batch needed: a much larger one is swapped, one within the slack stays', () => {
    const rooms = new PayloadRooms();
    const big = Buffer.alloc(1 << 20);
    rooms.give(0, big, 100_000);
    const swapped = rooms.take(0)!;
    expect(swapped).not.toBe(big);
    expect(swapped.length).toBeGreaterThanOrEqual(100_000);
    expect(swapped.length).toBeLessThanOrEqual(125_000);
    expect(rooms.take(0)).toBeUndefined(); // lent out
    rooms.give(0, swapped, 110_000);
    expect(rooms.take(0)).toBe(swapped);
    rooms.give(1, Buffer.alloc(16), 9 * 1024 * 1024); // past the cap: not kept
    expect(rooms.keptBytes).toBe(0);
  });
});
