// The Redis-stream primitives a bus needs, implemented once over ioredis and once in memory.
// Internal to bus/: consumer, dead-letter and trim semantics are built on top of these in one place.
import type { BusKeys, StreamKeys } from './keys';
import type { BusEntry, DeadLetter, DeadLetterReason, ShardPayload, StreamEntryId, StreamStats } from './types';

export interface DeadLetterRecord {
  readonly originalId: StreamEntryId;
  readonly group: string;
  readonly consumer: string;
  readonly deliveries: number;
  readonly reason: DeadLetterReason;
  readonly error: string;
  readonly deadAtMs: number;
}

export interface ClaimResult {
  /** XAUTOCLAIM cursor to continue from; '0-0' when the scan of the pending list is complete. */
  readonly cursor: StreamEntryId;
  /** Claimed entries with their delivery count after the claim. */
  readonly entries: BusEntry[];
}

/**
 * Everything one consumer loop does, on its own Redis connection: its blocking reads never stall the
 * publisher, and its commands queue while Redis reconnects instead of failing fast like publishes.
 */
export interface ConsumerSession {
  /** XGROUP CREATE ... MKSTREAM; an existing group is fine. */
  ensureGroup(stream: string, group: string, startId: '0' | '$'): Promise<void>;
  /** XREADGROUP ... STREAMS key '>': new entries (deliveryCount 1). blockMs <= 0 means do not block. */
  readGroup(stream: string, group: string, consumer: string, count: number, blockMs: number): Promise<BusEntry[]>;
  /** XREAD ... STREAMS key afterId (no group: broadcast). */
  readAfter(stream: string, afterId: StreamEntryId, count: number, blockMs: number): Promise<BusEntry[]>;
  /** XAUTOCLAIM entries idle >= minIdleMs to `consumer`; entries deleted from the stream leave the PEL. */
  claimIdle(stream: string, group: string, consumer: string, minIdleMs: number, cursor: StreamEntryId, count: number): Promise<ClaimResult>;
  /** XCLAIM the given ids to `consumer` if idle >= minIdleMs; ids not claimed are left out of the result. */
  claimIds(stream: string, group: string, consumer: string, minIdleMs: number, ids: readonly StreamEntryId[]): Promise<BusEntry[]>;
  /** One XACK for every id given (none: no command). */
  ack(stream: string, group: string, ids: readonly StreamEntryId[]): Promise<void>;
  /** Atomically: add to the dead-letter stream and acknowledge in the source group. */
  deadLetter(keys: StreamKeys, entry: BusEntry, record: DeadLetterRecord): Promise<void>;
  /** Id of the newest entry ('0-0' for an empty or missing stream). */
  lastId(stream: string): Promise<StreamEntryId>;
  /** Interrupts a blocked read (it resolves empty or rejects) and releases the connection. */
  close(): void;
}

export interface StreamBackend {
  append(stream: string, bytes: Uint8Array): Promise<StreamEntryId>;
  /** One entry per payload, in order, written to Redis in one go (a pipeline); ids in input order. */
  appendMany(stream: string, payloads: readonly Uint8Array[]): Promise<StreamEntryId[]>;
  /** One entry per item on its shard's signal stream, in a single round trip. */
  appendSignals(keys: BusKeys, items: readonly ShardPayload[]): Promise<StreamEntryId[]>;
  /** A session whose commands may take up to maxBlockMs (the longest blocking read it will issue). */
  openSession(maxBlockMs: number): ConsumerSession;
  listDead(deadStream: string, afterId: StreamEntryId | null, count: number): Promise<DeadLetter[]>;
  /** Atomically: re-add the dead letter's payload to the stream and delete it; null when not found. */
  requeueDead(keys: StreamKeys, deadId: StreamEntryId): Promise<StreamEntryId | null>;
  deleteDead(deadStream: string, deadId: StreamEntryId): Promise<boolean>;
  stats(keys: StreamKeys, group: string): Promise<StreamStats>;
  /** XTRIM MINID at safeTrimMinId of the stream's groups; returns entries removed. */
  trimAcknowledged(stream: string): Promise<number>;
  close(): Promise<void>;
}
