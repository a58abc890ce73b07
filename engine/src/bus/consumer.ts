// One consumer of one stream in a consumer group: read, hand to the handler, ack after it resolves,
// retry failures, claim a dead consumer's idle entries, dead-letter after maxDeliveries. Backend-agnostic.
import type { ConsumerSession, StreamBackend } from './backend';
import type { ResolvedConsumerOptions } from './consumer-options';
import {
  BusConsumerStoppedError,
  BusHandlerFailedError,
  errorMessage,
  isMissingGroupError,
  isPoisonError,
} from './errors';
import type { StreamKeys } from './keys';
import { ZERO_ID } from './stream-id';
import type { BusConsumer, BusEntry, DeadLetterReason, EntryHandler, StreamEntryId } from './types';
import { Backoff, Deferred, toError } from './loop-util';

interface Failure {
  dueAtMs: number;
  error: string;
}

type ConsumerState = 'running' | 'stopping' | 'aborted';

export class StreamConsumer implements BusConsumer {
  readonly consumer: string;
  private readonly readyGate = new Deferred();
  private readonly session: ConsumerSession;
  private readonly failures = new Map<string, Failure>();
  private readonly backoff = new Backoff();
  private readonly done: Promise<void>;
  private reading = false;
  private state: ConsumerState = 'running';
  private claimCursor = ZERO_ID;
  private nextClaimAtMs = 0;

  constructor(
    backend: StreamBackend,
    private readonly keys: StreamKeys,
    private readonly options: ResolvedConsumerOptions,
    private readonly handler: EntryHandler,
    private readonly onExit: (consumer: StreamConsumer) => void,
  ) {
    this.consumer = options.consumer;
    this.session = backend.openSession(options.blockMs);
    this.done = this.run().finally(() => {
      this.readyGate.reject(new BusConsumerStoppedError(`consumer ${this.consumer} stopped before it was ready`));
      this.session.close();
      this.onExit(this);
    });
  }

  get ready(): Promise<void> {
    return this.readyGate.promise;
  }

  stop(): Promise<void> {
    if (this.state === 'running') this.state = 'stopping';
    // Only a blocked read is cut short; a batch in hand still needs the session to be acknowledged.
    if (this.reading) this.session.close();
    this.backoff.interrupt();
    return this.done;
  }

  abort(): void {
    this.state = 'aborted';
    this.session.close();
    this.backoff.interrupt();
    this.onExit(this); // a handler still running may never return; nobody should wait for it
  }

  /** A method, not an inline test: state changes across awaits, which TypeScript's narrowing ignores. */
  private isAborted(): boolean {
    return this.state === 'aborted';
  }

  private async run(): Promise<void> {
    const { group, consumer, batchSize } = this.options;
    let groupReady = false;
    while (this.state === 'running') {
      try {
        if (!groupReady) {
          await this.session.ensureGroup(this.keys.stream, group, this.options.startId);
          groupReady = true;
          this.readyGate.resolve();
        }
        await this.claimIdleEntries();
        await this.retryFailures();
        if (this.state !== 'running') break;
        this.reading = true;
        const entries = await this.session
          .readGroup(this.keys.stream, group, consumer, batchSize, this.blockBudgetMs())
          .finally(() => (this.reading = false));
        await this.dispatch(entries);
        this.backoff.reset();
      } catch (error) {
        if (this.state !== 'running') break;
        if (isMissingGroupError(error)) groupReady = false;
        this.options.onError(toError(error));
        await this.backoff.wait();
      }
    }
  }

  /** Entries delivered long ago to a consumer that never acknowledged them (dead, or this one's own failures). */
  private async claimIdleEntries(): Promise<void> {
    const now = this.options.clock.nowMs();
    if (now < this.nextClaimAtMs) return;
    const { group, consumer, claimIdleMs, batchSize } = this.options;
    const claimed = await this.session.claimIdle(this.keys.stream, group, consumer, claimIdleMs, this.claimCursor, batchSize);
    this.claimCursor = claimed.cursor;
    // More of the pending list to scan: continue on the next turn instead of waiting a full period.
    this.nextClaimAtMs = claimed.cursor === ZERO_ID ? now + this.options.claimEveryMs : now;
    await this.dispatch(claimed.entries);
  }

  private async retryFailures(): Promise<void> {
    if (this.failures.size === 0) return;
    const now = this.options.clock.nowMs();
    const due: string[] = [];
    for (const [id, failure] of this.failures) if (failure.dueAtMs <= now) due.push(id);
    if (due.length === 0) return;
    const { group, consumer, retryDelayMs } = this.options;
    // Half the delay as min-idle: ours are idle at least that long; one another consumer just claimed is not.
    const entries = await this.session.claimIds(this.keys.stream, group, consumer, Math.floor(retryDelayMs / 2), due);
    const claimed = new Set(entries.map((entry) => entry.id));
    for (const id of due) if (!claimed.has(id)) this.failures.delete(id); // acked, trimmed or owned elsewhere
    await this.dispatch(entries);
  }

  /** Block no longer than until the next claim scan or retry is due (0 = do not block). */
  private blockBudgetMs(): number {
    let until = this.nextClaimAtMs;
    for (const failure of this.failures.values()) if (failure.dueAtMs < until) until = failure.dueAtMs;
    const budget = Math.min(this.options.blockMs, until - this.options.clock.nowMs());
    return budget <= 0 ? 0 : Math.ceil(budget);
  }

  private async dispatch(entries: readonly BusEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const handled: StreamEntryId[] = [];
    let ackFailure: unknown = null;
    try {
      for (const entry of entries) {
        if (this.isAborted()) break;
        if (entry.deliveryCount > this.options.maxDeliveries) {
          await this.bury(entry, 'max_deliveries', this.failures.get(entry.id)?.error ?? '');
          continue;
        }
        try {
          await this.handler(entry);
        } catch (error) {
          if (this.isAborted()) break;
          await this.handlerFailed(entry, error);
          continue;
        }
        if (this.isAborted()) break;
        this.failures.delete(entry.id);
        handled.push(entry.id);
      }
    } finally {
      // One XACK for every entry of the read whose outcome is recorded (also when a later one threw). A lost
      // ack only means a redelivery later (handlers are idempotent by client order id); an aborted consumer
      // acks nothing more, as if its process had died.
      if (!this.isAborted()) await this.session.ack(this.keys.stream, this.options.group, handled).catch((e: unknown) => (ackFailure = e));
    }
    if (ackFailure !== null) throw ackFailure;
  }

  private async handlerFailed(entry: BusEntry, error: unknown): Promise<void> {
    const message = errorMessage(error);
    if (isPoisonError(error)) {
      await this.bury(entry, 'poison', message);
      return;
    }
    if (entry.deliveryCount >= this.options.maxDeliveries) {
      await this.bury(entry, 'max_deliveries', message); // the last allowed attempt failed: no point waiting
      return;
    }
    this.failures.set(entry.id, { dueAtMs: this.options.clock.nowMs() + this.options.retryDelayMs, error: message });
    this.options.onError(
      new BusHandlerFailedError(`handler failed on ${entry.id} (delivery ${entry.deliveryCount}): ${message}`, {
        cause: error,
        ids: { entryId: entry.id, consumer: this.consumer, stream: this.keys.stream },
      }),
    );
  }

  private async bury(entry: BusEntry, reason: DeadLetterReason, error: string): Promise<void> {
    this.failures.delete(entry.id);
    await this.session.deadLetter(this.keys, entry, {
      originalId: entry.id,
      group: this.options.group,
      consumer: this.consumer,
      deliveries: entry.deliveryCount,
      reason,
      error,
      deadAtMs: Math.floor(this.options.clock.nowMs()),
    });
  }
}
