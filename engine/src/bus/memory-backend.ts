// StreamBackend in process memory (no REDIS_URL): the same stream, group, claim and dead-letter rules as
// redis-backend.ts, applied to MemoryStream objects. Payloads are copied on append, like a network hop.
import type { Clock } from '../core';
import type { ClaimResult, ConsumerSession, DeadLetterRecord, StreamBackend } from './backend';
import { BusUnavailableError } from './errors';
import type { BusKeys, StreamKeys } from './keys';
import { MemoryStream, memoryIdParts, type MemoryEntry, type MemoryGroup, type PendingEntry } from './memory-stream';
import { ZERO_ID, compareStreamIds, safeTrimMinId } from './stream-id';
import type { BusEntry, DeadLetter, ShardPayload, StreamEntryId, StreamStats } from './types';

/** XAUTOCLAIM looks at no more than COUNT * 10 pending entries per call (Redis does the same). */
const CLAIM_SCAN_FACTOR = 10;

/** A copy of the bytes, owned by the stream (a Buffer's own slice() would share them with the caller). */
function copyOf(bytes: Uint8Array): Uint8Array {
  return Uint8Array.prototype.slice.call(bytes);
}

export class MemoryStreamBackend implements StreamBackend {
  private readonly streams = new Map<string, MemoryStream>();
  private closed = false;

  constructor(readonly clock: Clock) {}

  nowMs(): number {
    this.assertOpen();
    return this.clock.nowMs();
  }

  /** The stream, created on first use like XADD / MKSTREAM would. */
  stream(name: string): MemoryStream {
    let stream = this.streams.get(name);
    if (stream === undefined) {
      stream = new MemoryStream(name);
      this.streams.set(name, stream);
    }
    return stream;
  }

  existing(name: string): MemoryStream | undefined {
    return this.streams.get(name);
  }

  async append(stream: string, bytes: Uint8Array): Promise<StreamEntryId> {
    return this.stream(stream).append(copyOf(bytes), null, this.nowMs()).id;
  }

  async appendMany(stream: string, payloads: readonly Uint8Array[]): Promise<StreamEntryId[]> {
    const now = this.nowMs();
    return payloads.map((bytes) => this.stream(stream).append(copyOf(bytes), null, now).id);
  }

  async appendSignals(keys: BusKeys, items: readonly ShardPayload[]): Promise<StreamEntryId[]> {
    const now = this.nowMs();
    const ids = new Array<StreamEntryId>(items.length);
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as ShardPayload;
      ids[i] = this.stream(keys.signals(item.shard).stream).append(copyOf(item.bytes), null, now).id;
    }
    return ids;
  }

  openSession(): ConsumerSession {
    return new MemorySession(this);
  }

  async listDead(deadStream: string, afterId: StreamEntryId | null, count: number): Promise<DeadLetter[]> {
    const stream = this.existing(deadStream);
    if (stream === undefined) return [];
    const after = memoryIdParts(afterId ?? ZERO_ID);
    const start = afterId === null ? 0 : stream.firstAfter(after.ms, after.seq);
    return stream.entries.slice(start, start + count).map(toDeadLetter);
  }

  async requeueDead(keys: StreamKeys, deadId: StreamEntryId): Promise<StreamEntryId | null> {
    const dead = this.existing(keys.dead)?.get(deadId);
    if (dead === undefined) return null;
    const id = this.stream(keys.stream).append(dead.bytes, null, this.nowMs()).id;
    this.stream(keys.dead).remove(deadId);
    return id;
  }

  async deleteDead(deadStream: string, deadId: StreamEntryId): Promise<boolean> {
    this.assertOpen();
    return this.existing(deadStream)?.remove(deadId) ?? false;
  }

  async stats(keys: StreamKeys, groupName: string): Promise<StreamStats> {
    this.assertOpen();
    const stream = this.existing(keys.stream);
    const group = stream?.groups.get(groupName);
    const length = stream?.entries.length ?? 0;
    return {
      length,
      pending: group?.pending.size ?? 0,
      lag: stream === undefined || group === undefined ? length : length - stream.firstAfter(group.lastMs, group.lastSeq),
      deadLetters: this.existing(keys.dead)?.entries.length ?? 0,
      lastDeliveredId: group === undefined ? ZERO_ID : `${group.lastMs}-${group.lastSeq}`,
      consumers: group?.consumers.size ?? 0,
    };
  }

  async trimAcknowledged(streamName: string): Promise<number> {
    this.assertOpen();
    const stream = this.existing(streamName);
    if (stream === undefined) return 0;
    const minId = safeTrimMinId(
      [...stream.groups.values()].map((group) => ({
        lastDeliveredId: `${group.lastMs}-${group.lastSeq}`,
        oldestPendingId: oldestPending(group),
      })),
    );
    if (minId === null) return 0;
    const { ms, seq } = memoryIdParts(minId);
    return stream.trimBelow(ms, seq);
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  assertOpen(): void {
    if (this.closed) throw new BusUnavailableError('in-process bus is closed');
  }
}

function oldestPending(group: MemoryGroup): string | null {
  let oldest: string | null = null;
  for (const id of group.pending.keys()) if (oldest === null || compareStreamIds(id, oldest) < 0) oldest = id;
  return oldest;
}

function toDeadLetter(entry: MemoryEntry): DeadLetter {
  const record = entry.record as DeadLetterRecord;
  return { deadId: entry.id, ...record, bytes: entry.bytes.slice() };
}

class MemorySession implements ConsumerSession {
  private closed = false;
  private wake: (() => void) | null = null;

  constructor(private readonly backend: MemoryStreamBackend) {}

  async ensureGroup(stream: string, group: string, startId: '0' | '$'): Promise<void> {
    this.backend.assertOpen();
    this.backend.stream(stream).createGroup(group, startId);
  }

  readGroup(stream: string, group: string, consumer: string, count: number, blockMs: number): Promise<BusEntry[]> {
    return this.blockingRead(stream, blockMs, (target) => {
      const state = target.group(group);
      state.consumers.add(consumer);
      const start = target.firstAfter(state.lastMs, state.lastSeq);
      const taken = target.entries.slice(start, start + count);
      const now = this.backend.nowMs();
      for (const entry of taken) state.pending.set(entry.id, { consumer, deliveredAtMs: now, count: 1 });
      const last = taken.at(-1);
      if (last !== undefined) [state.lastMs, state.lastSeq] = [last.ms, last.seq];
      return taken.map((entry) => ({ id: entry.id, bytes: entry.bytes, deliveryCount: 1 }));
    });
  }

  readAfter(stream: string, afterId: StreamEntryId, count: number, blockMs: number): Promise<BusEntry[]> {
    const after = memoryIdParts(afterId);
    return this.blockingRead(stream, blockMs, (target) => {
      const start = target.firstAfter(after.ms, after.seq);
      return target.entries.slice(start, start + count).map((entry) => ({ id: entry.id, bytes: entry.bytes, deliveryCount: 1 }));
    });
  }

  async claimIdle(stream: string, group: string, consumer: string, minIdleMs: number, cursor: StreamEntryId, count: number): Promise<ClaimResult> {
    const target = this.backend.stream(stream);
    const state = target.group(group);
    state.consumers.add(consumer);
    const ids = [...state.pending.keys()].filter((id) => compareStreamIds(id, cursor) >= 0).sort(compareStreamIds);
    const scan = ids.slice(0, count * CLAIM_SCAN_FACTOR);
    const entries: BusEntry[] = [];
    let next = ZERO_ID;
    for (let i = 0; i < scan.length; i++) {
      if (entries.length === count) {
        next = scan[i] as string;
        break;
      }
      const claimed = this.claimOne(target, state, scan[i] as string, consumer, minIdleMs);
      if (claimed !== null) entries.push(claimed);
    }
    if (next === ZERO_ID && ids.length > scan.length) next = ids[scan.length] as string;
    return { cursor: next, entries };
  }

  async claimIds(stream: string, group: string, consumer: string, minIdleMs: number, ids: readonly StreamEntryId[]): Promise<BusEntry[]> {
    const target = this.backend.stream(stream);
    const state = target.group(group);
    const entries: BusEntry[] = [];
    for (const id of ids) {
      const claimed = this.claimOne(target, state, id, consumer, minIdleMs);
      if (claimed !== null) entries.push(claimed);
    }
    return entries;
  }

  async ack(stream: string, group: string, ids: readonly StreamEntryId[]): Promise<void> {
    this.backend.assertOpen();
    const pending = this.backend.existing(stream)?.groups.get(group)?.pending;
    for (const id of ids) pending?.delete(id);
  }

  async deadLetter(keys: StreamKeys, entry: BusEntry, record: DeadLetterRecord): Promise<void> {
    this.backend.stream(keys.dead).append(entry.bytes.slice(), record, this.backend.nowMs());
    this.backend.existing(keys.stream)?.groups.get(record.group)?.pending.delete(entry.id);
  }

  async lastId(stream: string): Promise<StreamEntryId> {
    this.backend.assertOpen();
    return this.backend.existing(stream)?.lastEntryId() ?? ZERO_ID;
  }

  close(): void {
    this.closed = true;
    this.wake?.();
  }

  /** XCLAIM of one id: only if pending and idle long enough; an entry gone from the stream leaves the PEL. */
  private claimOne(stream: MemoryStream, group: MemoryGroup, id: string, consumer: string, minIdleMs: number): BusEntry | null {
    const pending: PendingEntry | undefined = group.pending.get(id);
    if (pending === undefined) return null;
    const entry = stream.get(id);
    if (entry === undefined) {
      group.pending.delete(id);
      return null;
    }
    const now = this.backend.nowMs();
    if (now - pending.deliveredAtMs < minIdleMs) return null;
    pending.consumer = consumer;
    pending.deliveredAtMs = now;
    pending.count += 1;
    return { id, bytes: entry.bytes, deliveryCount: pending.count };
  }

  /** Reads now; if nothing and blockMs > 0, waits for an append (or the deadline, or close) and reads again. */
  private async blockingRead(name: string, blockMs: number, read: (stream: MemoryStream) => BusEntry[]): Promise<BusEntry[]> {
    // A timer deadline, not a business timestamp: monotonic process time, independent of the injected clock.
    const deadline = performance.now() + blockMs;
    for (;;) {
      if (this.closed) return [];
      const found = read(this.backend.stream(name));
      const remaining = deadline - performance.now();
      if (found.length > 0 || remaining <= 0) return found;
      await this.waitForAppend(name, remaining);
    }
  }

  private waitForAppend(name: string, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const cancel = this.backend.stream(name).onNextAppend(done);
      const timer = setTimeout(done, timeoutMs);
      this.wake = done;
      function done(): void {
        clearTimeout(timer);
        cancel();
        resolve();
      }
    });
  }
}
