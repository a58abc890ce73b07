// The copy engine reuses encoded batches' buffers only when the bus lets go of them (Bus.releasesPayloads),
// and never after a failed publish. Runs against the real Redis: what Redis stored stays intact.
import { afterAll, describe, expect, test } from 'bun:test';
import { Redis } from 'ioredis';
import { FollowerBook, WhaleBook } from '../book';
import { InProcessBus, RedisBus, decodeSignalBatch, type ShardPayload } from '../bus';
import { uniquePrefix } from '../bus/testing';
import { ManualClock } from '../core';
import type { Follow, MarketSpec, Position } from '../model';
import { TradingStates } from '../risk';
import { CopyEngine } from './copy-engine';

const REDIS_URL = 'redis://127.0.0.1:6379';
const MARKET: MarketSpec = { symbol: 'ETH/USDT:USDT', venue: 'binanceusdm', venueId: 'ETHUSDT', amountStep: 0.001, minAmount: 0.001, minNotional: 0, priceTick: 0.01, maxLeverage: 100 };

type PublishBus = ConstructorParameters<typeof CopyEngine>[0]['bus'];

function rig(bus: PublishBus, followers = 3) {
  const clock = new ManualClock(1_763_000_000_000);
  const whales = new WhaleBook();
  const book = new FollowerBook();
  const rooms: ArrayBufferLike[] = [];
  const engine = new CopyEngine({
    bus, shards: 1, whales, followers: book, states: new TradingStates(), clock,
    markets: { market: () => MARKET }, mark: () => 3000,
    observer: { emitted: (_w, _s, items) => { for (const it of items) rooms.push(it.room!.buffer); } },
  });
  for (let i = 0; i < followers; i++) {
    const f: Follow = {
      id: `follow-${i}`, whaleId: 'w1', followerId: `f${i}`, sizing: { mode: 'proportional', k: 1 }, caps: {},
      leverage: { mode: 'copy' }, symbols: {}, existing: 'copy_now', state: 'active',
    };
    engine.follows.upsert(f, 'binanceusdm', new Map());
    book.replaceActual(f.followerId, new Map());
    book.setEquity(f.followerId, 1_000_000, 0);
  }
  let seq = 0;
  const whaleAt = (contracts: number) => {
    const positions = new Map<string, Position>([[MARKET.symbol, { symbol: MARKET.symbol, contracts, entryPrice: 3000 }]]);
    whales.apply({ whaleId: 'w1', seq: ++seq, positions });
    clock.advance(1);
    return engine.onWhaleChange({ whaleId: 'w1', changed: [MARKET.symbol], venueTs: clock.nowMs(), rxTs: clock.nowMs() });
  };
  return { whaleAt, rooms, book };
}

describe('CopyEngine: encoded batch buffers', () => {
  const prefix = uniquePrefix('rooms');
  const admin = new Redis(REDIS_URL, { lazyConnect: true });
  afterAll(async () => {
    const keys = await admin.keys(`${prefix}*`);
    if (keys.length > 0) await admin.del(...keys);
    admin.disconnect();
  });

  test('on Redis: the second pass reuses the first pass buffer, and both entries in Redis decode to their own signals', async () => {
    const bus = new RedisBus({ url: REDIS_URL, keyPrefix: prefix });
    try {
      await bus.ready();
      expect(bus.releasesPayloads).toBe(true);
      const { whaleAt, rooms } = rig(bus);
      expect(await whaleAt(1)).toBe(3);
      expect(await whaleAt(3)).toBe(3);
      expect(rooms).toHaveLength(2);
      expect(rooms[1]).toBe(rooms[0]!);
      const entries = await admin.xrangeBuffer(bus.keys.signals(0).stream, '-', '+');
      const amounts = entries.map(([, fields]) => decodeSignalBatch(fields[1]!).signals.map((s) => `${s.followerId} ${s.side} ${s.amount}`));
      expect(amounts).toEqual([
        ['f0 buy 1.000', 'f1 buy 1.000', 'f2 buy 1.000'],
        ['f0 buy 2.000', 'f1 buy 2.000', 'f2 buy 2.000'],
      ]);
    } finally {
      await bus.close();
    }
  });

  test('the in-process bus keeps payloads: every pass gets a buffer of its own', async () => {
    const bus = new InProcessBus({ keyPrefix: uniquePrefix('rooms-mem') });
    expect(bus.releasesPayloads).toBe(false);
    const { whaleAt, rooms } = rig(bus);
    await whaleAt(1);
    await whaleAt(3);
    expect(rooms[1]).not.toBe(rooms[0]!);
    await bus.close();
  });

  test('a failed publish: its buffer is never reused (the client may still send it), the next pass gets another', async () => {
    const sent: ShardPayload[][] = [];
    let fail = true;
    const bus: PublishBus = {
      releasesPayloads: true,
      publishBatch: async (items) => {
        sent.push([...items]);
        if (fail) throw new Error('XADD timed out');
        return items.map((_, i) => `1-${i}`);
      },
    };
    const { whaleAt, book } = rig(bus, 1);
    await expect(whaleAt(1)).rejects.toThrow('XADD timed out');
    expect(book.inFlight('f0', MARKET.symbol)).toBe(0); // released: the next diff sends again
    fail = false;
    await whaleAt(2);
    await whaleAt(3);
    expect(sent).toHaveLength(3);
    const [failed, second, third] = sent.map((items) => items[0]!.room!.buffer);
    expect(second).not.toBe(failed!);
    expect(third).toBe(second!); // a successful publish's buffer is reused
  });
});
