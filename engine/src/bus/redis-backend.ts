// StreamBackend over ioredis: XADD (pipelined per whale event), consumer groups, XAUTOCLAIM/XCLAIM with
// delivery counts, atomic dead-lettering (MULTI) and requeue (Lua), XTRIM MINID at the safe point.
import type { Redis } from 'ioredis';
import type { ClaimResult, ConsumerSession, DeadLetterRecord, StreamBackend } from './backend';
import { BusCommandError, BusPublishIncompleteError, type PublishOutcome } from './errors';
import type { BusKeys, StreamKeys } from './keys';
import {
  PAYLOAD_FIELD,
  asBuffer,
  asText,
  deadLetterFields,
  parseAutoClaimReply,
  parseDeadLetter,
  parseDeliveryCount,
  parseEntries,
  parseGroups,
  parseOldestPending,
  parseReadReply,
  publishOutcomeOf,
  toBusError,
  toEntry,
  type RawEntry,
} from './redis-replies';
import { xaddPrebuilt } from './redis-xadd';
import { ZERO_ID, safeTrimMinId } from './stream-id';
import type { BusEntry, DeadLetter, ShardPayload, StreamEntryId, StreamStats } from './types';

/** KEYS[1] stream, KEYS[2] dead letters (same hash tag), ARGV[1] dead id: move the payload back, atomically. */
const REQUEUE_SCRIPT = `
local found = redis.call('XRANGE', KEYS[2], ARGV[1], ARGV[1])
if #found == 0 then return false end
local fields = found[1][2]
for i = 1, #fields, 2 do
  if fields[i] == '${PAYLOAD_FIELD}' then
    local id = redis.call('XADD', KEYS[1], '*', '${PAYLOAD_FIELD}', fields[i + 1])
    redis.call('XDEL', KEYS[2], ARGV[1])
    return id
  end
end
return redis.error_reply('dead letter ' .. ARGV[1] .. ' has no payload')
`;

export class RedisStreamBackend implements StreamBackend {
  constructor(
    private readonly redis: Redis,
    private readonly openConnection: (maxBlockMs: number) => Redis,
  ) {}

  async append(stream: string, bytes: Uint8Array): Promise<StreamEntryId> {
    try {
      const id = await this.redis.xadd(stream, '*', PAYLOAD_FIELD, asBuffer(bytes));
      if (id === null) throw new BusCommandError(`XADD ${stream} returned no id`);
      return id;
    } catch (error) {
      throw toBusError(error);
    }
  }

  async appendMany(stream: string, payloads: readonly Uint8Array[]): Promise<StreamEntryId[]> {
    if (payloads.length <= 1) return payloads.length === 0 ? [] : [await this.append(stream, payloads[0]!)];
    const pipeline = this.redis.pipeline();
    for (const bytes of payloads) pipeline.xadd(stream, '*', PAYLOAD_FIELD, asBuffer(bytes));
    const results = await guard(pipeline.exec());
    if (results === null) throw new BusCommandError(`XADD ${stream}: the pipeline was discarded`);
    return results.map(([error, id]) => {
      if (error) throw toBusError(error);
      if (typeof id !== 'string') throw new BusCommandError(`XADD ${stream} returned ${String(id)}`);
      return id;
    });
  }

  async appendSignals(keys: BusKeys, items: readonly ShardPayload[]): Promise<StreamEntryId[]> {
    // One prebuilt XADD per shard, written back to back (a pipeline in effect, without its copies).
    const streams = items.map((item) => keys.signals(item.shard).stream); // every shard valid before anything is sent
    const replies = new Array<Promise<unknown>>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as ShardPayload;
      replies[i] = xaddPrebuilt(this.redis, streams[i]!, item.bytes, item.room);
    }
    const settled = await Promise.allSettled(replies);
    const ids = new Array<StreamEntryId>(settled.length);
    let failure: Error | undefined;
    for (let i = 0; i < settled.length; i++) {
      const r = settled[i]!;
      if (r.status === 'fulfilled' && typeof r.value === 'string') ids[i] = r.value;
      else failure ??= toBusError(r.status === 'rejected' ? r.reason : new Error(`XADD returned ${String(r.value)}`));
    }
    if (failure === undefined) return ids;
    const outcomes = settled.map((r): PublishOutcome => (r.status === 'fulfilled' ? (typeof r.value === 'string' ? 'added' : 'not_added') : publishOutcomeOf(r.reason)));
    if (outcomes.every((o) => o === 'not_added')) throw failure;
    const count = (o: PublishOutcome) => outcomes.filter((x) => x === o).length;
    throw new BusPublishIncompleteError(
      `XADD of ${outcomes.length} signal batches: ${count('added')} added, ${count('unknown')} unknown, ${count('not_added')} not added (${failure.message})`,
      outcomes,
      { cause: failure },
    );
  }

  openSession(maxBlockMs: number): ConsumerSession {
    return new RedisSession(this.openConnection(maxBlockMs));
  }

  async listDead(deadStream: string, afterId: StreamEntryId | null, count: number): Promise<DeadLetter[]> {
    const start = afterId === null ? '-' : `(${afterId}`;
    const reply = await guard(this.redis.callBuffer('xrange', deadStream, start, '+', 'COUNT', count));
    return parseEntries(reply, 'XRANGE').map(parseDeadLetter);
  }

  async requeueDead(keys: StreamKeys, deadId: StreamEntryId): Promise<StreamEntryId | null> {
    const reply = await guard(this.redis.eval(REQUEUE_SCRIPT, 2, keys.stream, keys.dead, deadId));
    return reply === null ? null : asText(reply, 'requeue');
  }

  async deleteDead(deadStream: string, deadId: StreamEntryId): Promise<boolean> {
    return (await guard(this.redis.xdel(deadStream, deadId))) === 1;
  }

  async stats(keys: StreamKeys, group: string): Promise<StreamStats> {
    const results = await guard(
      this.redis.pipeline().xlen(keys.stream).call('xinfo', 'GROUPS', keys.stream).xlen(keys.dead).exec(),
    );
    const [lengthResult, groupsResult, deadResult] = results ?? [];
    const length = Number(settled(lengthResult));
    const deadLetters = Number(settled(deadResult));
    const info = groupsOrNone(groupsResult).find((g) => g.get('name') === group);
    if (info === undefined) return { length, pending: 0, lag: length, deadLetters, lastDeliveredId: ZERO_ID, consumers: 0 };
    const lag = info.get('lag');
    return {
      length,
      pending: Number(info.get('pending')),
      lag: lag === null || lag === undefined ? null : Number(lag),
      deadLetters,
      lastDeliveredId: asText(info.get('last-delivered-id'), 'XINFO GROUPS'),
      consumers: Number(info.get('consumers')),
    };
  }

  async trimAcknowledged(stream: string): Promise<number> {
    const groups = await this.groupsOf(stream);
    if (groups.length === 0) return 0;
    const pipeline = this.redis.pipeline();
    for (const group of groups) pipeline.call('xpending', stream, asText(group.get('name'), 'XINFO GROUPS'));
    const pending = (await guard(pipeline.exec())) ?? [];
    const minId = safeTrimMinId(
      groups.map((group, i) => ({
        lastDeliveredId: asText(group.get('last-delivered-id'), 'XINFO GROUPS'),
        oldestPendingId: parseOldestPending(settled(pending[i])),
      })),
    );
    if (minId === null) return 0;
    return Number(await guard(this.redis.call('xtrim', stream, 'MINID', '=', minId)));
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }

  /** Through a pipeline so that 'no such key' comes back as a value, not a thrown error. */
  private async groupsOf(stream: string): Promise<Array<Map<string, unknown>>> {
    const results = await guard(this.redis.pipeline().call('xinfo', 'GROUPS', stream).exec());
    return groupsOrNone(results?.[0]);
  }
}

class RedisSession implements ConsumerSession {
  constructor(private readonly redis: Redis) {}

  async ensureGroup(stream: string, group: string, startId: '0' | '$'): Promise<void> {
    try {
      await this.redis.call('xgroup', 'CREATE', stream, group, startId, 'MKSTREAM');
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('BUSYGROUP')) return;
      throw toBusError(error);
    }
  }

  async readGroup(stream: string, group: string, consumer: string, count: number, blockMs: number): Promise<BusEntry[]> {
    const block = blockMs > 0 ? ['BLOCK', blockMs] : [];
    const reply = await guard(
      this.redis.callBuffer('xreadgroup', 'GROUP', group, consumer, 'COUNT', count, ...block, 'STREAMS', stream, '>'),
    );
    return parseReadReply(reply).map((raw) => toEntry(raw, 1));
  }

  async readAfter(stream: string, afterId: StreamEntryId, count: number, blockMs: number): Promise<BusEntry[]> {
    const block = blockMs > 0 ? ['BLOCK', blockMs] : [];
    const reply = await guard(this.redis.callBuffer('xread', 'COUNT', count, ...block, 'STREAMS', stream, afterId));
    return parseReadReply(reply).map((raw) => toEntry(raw, 1));
  }

  async claimIdle(stream: string, group: string, consumer: string, minIdleMs: number, cursor: StreamEntryId, count: number): Promise<ClaimResult> {
    const reply = await guard(
      this.redis.callBuffer('xautoclaim', stream, group, consumer, minIdleMs, cursor, 'COUNT', count),
    );
    const claimed = parseAutoClaimReply(reply);
    return { cursor: claimed.cursor, entries: await this.withDeliveryCounts(stream, group, consumer, claimed.entries) };
  }

  async claimIds(stream: string, group: string, consumer: string, minIdleMs: number, ids: readonly StreamEntryId[]): Promise<BusEntry[]> {
    if (ids.length === 0) return [];
    const reply = await guard(this.redis.callBuffer('xclaim', stream, group, consumer, minIdleMs, ...ids));
    return this.withDeliveryCounts(stream, group, consumer, parseEntries(reply, 'XCLAIM'));
  }

  async ack(stream: string, group: string, ids: readonly StreamEntryId[]): Promise<void> {
    if (ids.length > 0) await guard(this.redis.xack(stream, group, ...ids));
  }

  async deadLetter(keys: StreamKeys, entry: BusEntry, record: DeadLetterRecord): Promise<void> {
    const results = await guard(
      this.redis
        .multi()
        .xadd(keys.dead, '*', PAYLOAD_FIELD, asBuffer(entry.bytes), ...deadLetterFields(record))
        .xack(keys.stream, record.group, entry.id)
        .exec(),
    );
    if (results === null) throw new BusCommandError(`dead-lettering ${entry.id} was aborted`);
    for (const [error] of results) if (error !== null) throw toBusError(error);
  }

  async lastId(stream: string): Promise<StreamEntryId> {
    const reply = await guard(this.redis.callBuffer('xrevrange', stream, '+', '-', 'COUNT', 1));
    return parseEntries(reply, 'XREVRANGE')[0]?.id ?? ZERO_ID;
  }

  close(): void {
    this.redis.disconnect();
  }

  /** XAUTOCLAIM/XCLAIM do not return delivery counts: read them for the claimed ids (one pipeline). */
  private async withDeliveryCounts(stream: string, group: string, consumer: string, raws: RawEntry[]): Promise<BusEntry[]> {
    if (raws.length === 0) return [];
    const pipeline = this.redis.pipeline();
    for (const raw of raws) pipeline.call('xpending', stream, group, raw.id, raw.id, 1, consumer);
    const results = (await guard(pipeline.exec())) ?? [];
    const entries: BusEntry[] = [];
    raws.forEach((raw, i) => {
      const count = parseDeliveryCount(settled(results[i]));
      if (count !== null) entries.push(toEntry(raw, count)); // null: acked or taken over in between
    });
    return entries;
  }
}

async function guard<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw toBusError(error);
  }
}

/** XINFO GROUPS of a stream that does not exist is an error reply: it has no groups. */
function groupsOrNone(result: [Error | null, unknown] | undefined): Array<Map<string, unknown>> {
  if (result?.[0]?.message.includes('no such key') === true) return [];
  return parseGroups(settled(result));
}

/** The value of one pipeline result, or its error as a bus error. */
function settled(result: [Error | null, unknown] | undefined): unknown {
  if (result === undefined) throw new BusCommandError('missing pipeline result');
  if (result[0] !== null) throw toBusError(result[0]);
  return result[1];
}
