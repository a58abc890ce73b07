// Runs the shared Bus contract against RedisBus on the real Redis at 127.0.0.1:6379, plus what only Redis
// has: hash-tagged keys, a dead server, a consumer connection killed and reconnecting.
import { afterAll, describe, expect, test } from 'bun:test';
import { Redis } from 'ioredis';
import { describeOperationsContract } from './bus-suite-ops';
import { describeDeliveryContract } from './bus-suite';
import { BusCommandError, BusPublishIncompleteError, BusUnavailableError } from './errors';
import { BusKeys } from './keys';
import { RedisBus } from './redis-bus';
import { bytesOf, eventually, recordingConsumer, textOf, uniquePrefix, type BusHarness } from './testing';

const REDIS_URL = 'redis://127.0.0.1:6379';
const admin = new Redis(REDIS_URL, { lazyConnect: true, protocol: 2 });

/** Deletes every key starting with `prefix` (SCAN, never KEYS). */
async function deleteKeys(prefix: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  do {
    const [next, keys] = await admin.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) deleted += await admin.unlink(...keys);
  } while (cursor !== '0');
  return deleted;
}

const harness: BusHarness = {
  name: 'RedisBus',
  create: (prefix) => new RedisBus({ url: REDIS_URL, keyPrefix: prefix, onConnectionError: () => undefined }),
  cleanup: async (prefix) => void (await deleteKeys(prefix)),
};

describeDeliveryContract(harness);
describeOperationsContract(harness);

describe('RedisBus: Redis specifics', () => {
  const prefix = uniquePrefix('redis-specific');
  afterAll(async () => {
    expect(await deleteKeys(prefix)).toBeGreaterThan(0); // the tests below did write under the prefix
    await deleteKeys(prefix);
    admin.disconnect();
  });

  test('keys keep the hash tag after the prefix: stream and dead letters share a slot', async () => {
    const bus = new RedisBus({ url: REDIS_URL, keyPrefix: `${prefix}-keys` });
    await bus.ready();
    await bus.publishSignals(3, bytesOf('x'));
    await bus.publishReport(bytesOf('r'));
    await bus.publishControl(bytesOf('c'));
    bus.consumeSignals(3, { consumer: 'c', blockMs: 100, maxDeliveries: 1, onError: () => undefined }, async () => {
      throw new Error('to the dead letters');
    });
    await eventually(async () => expect((await bus.shardStats(3)).deadLetters).toBe(1));
    const keys = (await admin.keys(`${prefix}-keys:*`)).sort();
    expect(keys).toEqual([
      `${prefix}-keys:{control}:stream`,
      `${prefix}-keys:{reports}:stream`,
      `${prefix}-keys:{s3}:dead`,
      `${prefix}-keys:{s3}:signals`,
    ]);
    expect(await admin.type(`${prefix}-keys:{s3}:signals`)).toBe('stream');
    await bus.close();
  });

  test('a dead Redis: publish rejects with bus_unavailable within a second and nothing crashes', async () => {
    const errors: Error[] = [];
    const bus = new RedisBus({ url: 'redis://127.0.0.1:1', keyPrefix: `${prefix}-dead`, onConnectionError: (e) => errors.push(e) });
    const started = performance.now();
    const single = await bus.publishSignals(0, bytesOf('lost')).then(() => null, (error: unknown) => error);
    const batch = await bus.publishBatch([{ shard: 0, bytes: bytesOf('a') }, { shard: 1, bytes: bytesOf('b') }]).then(
      () => null,
      (error: unknown) => error,
    );
    const report = await bus.publishReport(bytesOf('r')).then(() => null, (error: unknown) => error);
    expect(performance.now() - started).toBeLessThan(1_000);
    for (const error of [single, batch, report]) {
      expect(error).toBeInstanceOf(BusUnavailableError);
      expect((error as BusUnavailableError).code).toBe('bus_unavailable');
    }
    const consumerErrors: Error[] = [];
    const consumer = bus.consumeSignals(0, { consumer: 'c', blockMs: 100, onError: (e) => consumerErrors.push(e) }, async () => undefined);
    await expect(bus.ready(300)).rejects.toBeInstanceOf(BusUnavailableError);
    await eventually(() => expect(consumerErrors.length).toBeGreaterThan(0));
    expect(consumerErrors[0]).toBeInstanceOf(BusUnavailableError);
    await consumer.stop();
    await bus.close();
    expect(errors.length).toBeGreaterThan(0);
  });

  test('a batch whose XADD fails for one shard (WRONGTYPE) rejects with each entry\'s outcome; all failing rejects with the error', async () => {
    const keyPrefix = `${prefix}-partial`;
    const bus = new RedisBus({ url: REDIS_URL, keyPrefix, onConnectionError: () => undefined });
    await bus.ready();
    const keys = new BusKeys(keyPrefix);
    await admin.set(keys.signals(1).stream, 'not a stream');
    const error = await bus.publishBatch([0, 1, 2].map((shard) => ({ shard, bytes: bytesOf(`s${shard}`) }))).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BusPublishIncompleteError);
    expect((error as BusPublishIncompleteError).outcomes).toEqual(['added', 'not_added', 'added']);
    expect((error as BusPublishIncompleteError).message).toContain('2 added, 0 unknown, 1 not added (WRONGTYPE');
    expect([await admin.xlen(keys.signals(0).stream), await admin.xlen(keys.signals(2).stream)]).toEqual([1, 1]);
    await expect(bus.publishBatch([{ shard: 1, bytes: bytesOf('again') }])).rejects.toBeInstanceOf(BusCommandError);
    await bus.close();
  });

  test('a batch whose replies time out (writes paused on the server) has unknown outcomes, and the entries do land', async () => {
    const keyPrefix = `${prefix}-paused`;
    const bus = new RedisBus({ url: REDIS_URL, keyPrefix, commandTimeoutMs: 100, onConnectionError: () => undefined });
    await bus.ready();
    const keys = new BusKeys(keyPrefix);
    await admin.call('CLIENT', 'PAUSE', '500', 'WRITE');
    const error = await bus.publishBatch([0, 1].map((shard) => ({ shard, bytes: bytesOf(`s${shard}`) }))).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(BusPublishIncompleteError);
    expect((error as BusPublishIncompleteError).outcomes).toEqual(['unknown', 'unknown']);
    await eventually(async () => expect([await admin.xlen(keys.signals(0).stream), await admin.xlen(keys.signals(1).stream)]).toEqual([1, 1]), 3_000);
    await bus.close();
  });

  test('a consumer whose connection is killed reconnects and keeps consuming', async () => {
    const connectionName = `${prefix}-conn`;
    const bus = new RedisBus({ url: REDIS_URL, keyPrefix: `${prefix}-reconnect`, connectionName, onConnectionError: () => undefined });
    await bus.ready();
    const { consumer, seen } = recordingConsumer(bus, 0, 'c', { onError: () => undefined });
    await consumer.ready;
    await bus.publishSignals(0, bytesOf('before'));
    await eventually(() => expect(seen.map(textOf)).toEqual(['before']));
    const clients = (await admin.client('LIST')) as string;
    const ids = clients
      .split('\n')
      .filter((line) => line.includes(` name=${connectionName}-consumer `))
      .map((line) => /^id=(\d+)/.exec(line)?.[1])
      .filter((id): id is string => id !== undefined);
    expect(ids).toHaveLength(1);
    await admin.client('KILL', 'ID', ids[0] as string);
    await bus.publishSignals(0, bytesOf('after'));
    await eventually(() => expect(seen.map(textOf)).toEqual(['before', 'after']), 5_000);
    await eventually(async () => expect((await bus.shardStats(0)).pending).toBe(0));
    await bus.close();
  });
});
