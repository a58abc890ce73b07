// The Bus contract shared by RedisBus and InProcessBus: publish, consumer groups, dead letters, stats.
// Types only; both implementations pass the same suite (bus-suite.ts).
import type { Clock } from '../core';

/** A stream entry id, '<ms>-<seq>' (Redis format, also in-process). */
export type StreamEntryId = string;

export interface BusEntry {
  readonly id: StreamEntryId;
  readonly bytes: Uint8Array;
  /** 1 on the first delivery; counts every delivery to any consumer of the group (1 for control). */
  readonly deliveryCount: number;
}

/**
 * Handles one entry. The entry is acknowledged only after the returned promise resolves, so record
 * the outcome before resolving. A rejection leaves it pending: it is delivered again after
 * `retryDelayMs` (or claimed by another consumer); a failure of delivery `maxDeliveries` dead-letters it.
 * Throwing PoisonEntryError or BusDecodeError dead-letters it at once.
 */
export type EntryHandler = (entry: BusEntry) => Promise<void>;

export interface ConsumerOptions {
  readonly group?: string;
  /** Unique per process and shard, stable across restarts if possible (e.g. `exec-3-${hostname}`). */
  readonly consumer: string;
  /** Entries per read (XREADGROUP COUNT). Default 32. */
  readonly batchSize?: number;
  /** Longest wait of one read (XREADGROUP BLOCK). Default 2000. */
  readonly blockMs?: number;
  /** Pending entries idle this long belong to a dead consumer and are claimed (XAUTOCLAIM). Must exceed the
   * slowest handler. Default 30000. */
  readonly claimIdleMs?: number;
  /** How often to look for such entries. Default claimIdleMs / 2. */
  readonly claimEveryMs?: number;
  /** Delay before this consumer retries an entry whose handler failed. Default 1000. */
  readonly retryDelayMs?: number;
  /** Deliveries allowed per entry; the next delivery moves it to the dead letters instead. Default 5. */
  readonly maxDeliveries?: number;
  /** Where a newly created group starts: '0' (everything in the stream, default) or '$' (only new entries). */
  readonly startId?: '0' | '$';
  /** Handler failures (BusHandlerFailedError) and connection trouble; default logs to console.warn. */
  readonly onError?: (error: Error) => void;
  readonly clock?: Clock;
}

export interface ControlSubscriptionOptions {
  /** Read entries after this id; default: the stream's last id when subscribing (only new commands). */
  readonly fromId?: StreamEntryId;
  readonly blockMs?: number;
  readonly onError?: (error: Error) => void;
}

export interface BusConsumer {
  readonly consumer: string;
  /** Resolves once the group exists (control: once the start id is fixed) and reading has begun. */
  readonly ready: Promise<void>;
  /** Stops reading; the batch in hand is finished and acknowledged; resolves when the loop has exited. */
  stop(): Promise<void>;
  /** Stops at once as if the process died: nothing more is acknowledged; other consumers claim the rest. */
  abort(): void;
}

export interface ShardPayload {
  readonly shard: number;
  readonly bytes: Uint8Array;
  /**
   * Optional: a buffer owned by this payload alone, holding `bytes` with at least PAYLOAD_HEADROOM free
   * bytes before them and 2 after, so a transport can write its framing around the payload in place
   * (the Redis bus writes the XADD command there instead of copying 100s of KB). `bytes` itself is never changed.
   */
  readonly room?: Uint8Array;
}

/** Free bytes an encoder leaves before a payload in ShardPayload.room. */
export const PAYLOAD_HEADROOM = 256;
/** Free bytes an encoder leaves after a payload in ShardPayload.room (the XADD frame's CRLF). */
export const PAYLOAD_TAILROOM = 2;

export type DeadLetterReason = 'max_deliveries' | 'poison';

export interface DeadLetter {
  /** Id of the entry in the dead-letter stream (what retry and discard take). */
  readonly deadId: StreamEntryId;
  /** Id it had in the source stream. */
  readonly originalId: StreamEntryId;
  readonly group: string;
  /** Consumer that gave up on it. */
  readonly consumer: string;
  /** Delivery count when it was buried (maxDeliveries after a failed last attempt, more if consumers died). */
  readonly deliveries: number;
  readonly reason: DeadLetterReason;
  /** Last handler error; '' when the entry was claimed from dead consumers until it ran out of deliveries. */
  readonly error: string;
  readonly deadAtMs: number;
  readonly bytes: Uint8Array;
}

export interface StreamStats {
  /** Entries in the stream (acknowledged ones included until trimmed). */
  readonly length: number;
  /** Delivered to the group, not yet acknowledged. */
  readonly pending: number;
  /** Not yet delivered to the group; null when Redis cannot tell (entries deleted mid-stream). */
  readonly lag: number | null;
  readonly deadLetters: number;
  readonly lastDeliveredId: StreamEntryId;
  readonly consumers: number;
}

export interface ListDeadLettersOptions {
  /** Only dead letters after this dead id (paging). Default: from the start. */
  readonly afterId?: StreamEntryId;
  /** Default 100. */
  readonly count?: number;
}

export interface Bus {
  readonly kind: 'redis' | 'in_process';
  readonly keyPrefix: string;
  /** Resolves when the bus can take commands; rejects with BusUnavailableError after `timeoutMs`. */
  ready(timeoutMs?: number): Promise<void>;

  /** XADD one SignalBatch entry to the shard's stream; resolves with its id once Redis acknowledged it. */
  publishSignals(shard: number, bytes: Uint8Array): Promise<StreamEntryId>;
  /**
   * Hot path: one entry per shard of one whale event, one pipelined round trip; ids in input order.
   * Rejects if any XADD failed: with BusPublishIncompleteError (each item's outcome) when some entries were
   * added or may have been, else with the error (nothing was added). Republishing the same bytes is safe
   * (executors dedupe by client order id). Once it resolves, the bus holds no reference
   * to any item's bytes or room (the in-process bus keeps a copy): the caller may reuse them.
   */
  publishBatch(items: readonly ShardPayload[]): Promise<StreamEntryId[]>;
  publishReport(bytes: Uint8Array): Promise<StreamEntryId>;
  /** Several reports, one entry each, in one write (a pipeline); ids in input order. Rejects if any XADD failed. */
  publishReports(payloads: readonly Uint8Array[]): Promise<StreamEntryId[]>;
  /** Control is broadcast: every subscriber sees every command. */
  publishControl(bytes: Uint8Array): Promise<StreamEntryId>;

  consumeSignals(shard: number, options: ConsumerOptions, handler: EntryHandler): BusConsumer;
  consumeReports(options: ConsumerOptions, handler: EntryHandler): BusConsumer;
  subscribeControl(handler: EntryHandler, options?: ControlSubscriptionOptions): BusConsumer;

  listDeadLetters(shard: number, options?: ListDeadLettersOptions): Promise<DeadLetter[]>;
  /** Re-adds the payload to the shard's stream (new id, returned) and removes the dead letter. */
  retryDeadLetter(shard: number, deadId: StreamEntryId): Promise<StreamEntryId>;
  /** Removes a dead letter; false when it was not there. */
  discardDeadLetter(shard: number, deadId: StreamEntryId): Promise<boolean>;

  shardStats(shard: number, group?: string): Promise<StreamStats>;
  reportStats(group?: string): Promise<StreamStats>;
  /** Drops entries every group has acknowledged (XTRIM MINID); returns how many. Never drops an unacked one. */
  trimSignals(shard: number): Promise<number>;
  trimReports(): Promise<number>;

  /** Stops every consumer (gracefully) and releases connections. */
  close(): Promise<void>;
}
