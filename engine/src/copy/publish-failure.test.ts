// A pass whose XADD fails for some shards only (real Redis): what may reach the executors stays in flight, what
// cannot is released; the next pass sends each follower exactly what it lacks, never a second copy.
import { afterAll, describe, expect, test } from 'bun:test';
import { Redis } from 'ioredis';
import { BusEncodeError, BusKeys, BusPublishIncompleteError, RedisBus, decodeSignalBatch } from '../bus';
import { shardOf } from '../core';
import { ETH, ethCopyEngine, ethFollow } from './testing';

const REDIS_URL = 'redis://127.0.0.1:6379';
const keyPrefix = `test-publish-failure-${crypto.randomUUID().slice(0, 8)}`;
const admin = new Redis(REDIS_URL, { protocol: 2 });
const bus = new RedisBus({ url: REDIS_URL, keyPrefix, onConnectionError: () => undefined });
const keys = new BusKeys(keyPrefix);

afterAll(async () => {
  await bus.close();
  await admin.del(keys.signals(0).stream, keys.signals(1).stream);
  admin.disconnect();
});

describe('a pass whose publish fails for one shard', () => {
  test('shard 0 (added) stays in flight, shard 1 (refused) is released; the next pass tops every follower up to exactly the target', async () => {
    await bus.ready();
    const failures: unknown[] = [];
    const ids = Array.from({ length: 8 }, (_, i) => `follower-${i}`);
    const byShard = [ids.filter((id) => shardOf(id, 2) === 0), ids.filter((id) => shardOf(id, 2) === 1)];
    expect(byShard.map((s) => s.length > 0)).toEqual([true, true]);
    const { followers, move } = ethCopyEngine(bus, 2, ids.map((id) => ethFollow(id)), { publishFailed: (_w, e) => failures.push(e) });

    await admin.set(keys.signals(1).stream, 'not a stream'); // XADD to shard 1 fails with WRONGTYPE
    const error = await move(1).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BusPublishIncompleteError);
    expect(failures).toEqual([error]);
    const inFlight = (id: string) => followers.entry(id, ETH.symbol).inFlight;
    expect(byShard[0]!.map(inFlight)).toEqual(byShard[0]!.map(() => 1));
    expect(byShard[1]!.map(inFlight)).toEqual(byShard[1]!.map(() => 0));

    await admin.del(keys.signals(1).stream);
    expect(await move(2)).toBe(ids.length);

    const sent = new Map<string, number>();
    const cids = new Set<string>();
    for (const shard of [0, 1]) {
      for (const [, fields] of await admin.xrangeBuffer(keys.signals(shard).stream, '-', '+')) {
        for (const s of decodeSignalBatch(fields[1]!).signals) {
          expect(cids.has(s.clientOrderId)).toBe(false);
          cids.add(s.clientOrderId);
          sent.set(s.followerId, (sent.get(s.followerId) ?? 0) + (s.side === 'buy' ? Number(s.amount) : -Number(s.amount)));
        }
      }
    }
    expect(Object.fromEntries(sent)).toEqual(Object.fromEntries(ids.map((id) => [id, 2])));
  });

  test('a signal that cannot be encoded (leverage out of range) fails the whole pass before any XADD: nothing sent, nothing left in flight', async () => {
    await bus.ready();
    const ids = ['enc-a', 'enc-b', 'enc-c', 'enc-d'];
    const { followers, move } = ethCopyEngine(bus, 2, ids.map((id) => ethFollow(id, 'w2', id === 'enc-c' ? { leverage: { mode: 'fixed', value: 2 ** 32 } } : {})));
    const lengths = async () => [await admin.xlen(keys.signals(0).stream), await admin.xlen(keys.signals(1).stream)];
    const before = await lengths();
    await expect(move(1, 'w2')).rejects.toBeInstanceOf(BusEncodeError);
    expect(ids.map((id) => followers.entry(id, ETH.symbol).inFlight)).toEqual([0, 0, 0, 0]);
    expect(await lengths()).toEqual(before);
  });
});
